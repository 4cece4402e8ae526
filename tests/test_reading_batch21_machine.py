"""Machine mail widened for the blind batch 21 (#15, b21ab_ files), each rule beside the people's
look-alikes (and the reports) that must stay as they were read:

- The returned message's own Message-ID, In-Reply-To and References (an attached copy, or its
  headers only in a text/rfc822-headers part) name ids, never a failed recipient: a detector that
  read "<convenor.…@example.org>" there gave our own id as the bounced address
  (`mailer.bounce_text.message_ids`).
- A list manager's refusal in Dutch ("Uw bericht aan … is geweigerd", "U bent geen lid van deze
  lijst"), Swedish and Polish, and a groups service's "<group>+owner@" sender (`bounce_text`).
- A challenge-response filter's French and Italian ask ("merci de confirmer que vous êtes une
  personne"): `bounce_words.CHALLENGE`, read by `autoreply._challenge_in_own_words`.
- "-- automatic reply --" framed by rules on its own line signs a vacation script's text.
- A help desk's receipt giving the case's number ("Your case number is 00012345", beside a help
  desk's own words), and the Spanish and French receipt naming the ticket's number in the same
  sentence ("Hemos recibido su solicitud y le hemos asignado el número de ticket ABC-123-45678").
- A salutation closed by a colon ("Estimado/a cliente:") introduces nobody's cited words.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read

LIST_TO = "To: network@example.org"
TOKEN_TO = "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org"
TB = "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0"
ANSWERS = "In-Reply-To: <convenor.vote9.1@example.org>\nReferences: <convenor.vote9.1@example.org>"
OUR_ID = "convenor.vote9.1@example.org"


# ---- the returned copy's ids are no failed recipients ----

def headers_only_report(text: str, copy_headers: str, boundary: str = "R21") -> bytes:
    return raw("Return-Path: <>\nFrom: MAILER-DAEMON <MAILER-DAEMON@mta.isp.example>\n" + TOKEN_TO + "\n"
               "Subject: Undeliverable mail\n"
               f"Content-Type: multipart/mixed; boundary=\"{boundary}\"",
               f"--{boundary}\nContent-Type: text/plain\n\n{text}\n"
               f"--{boundary}\nContent-Type: text/rfc822-headers\n\n{copy_headers}\n--{boundary}--\n")


COPY = ("Return-Path: <network+b-abcdefghijklmnopqrstuvwxyz@example.org>\nFrom: Network <network@example.org>\n"
        "To: {to}\nSubject: [Vote 9] Hall\nMessage-ID: <" + OUR_ID + ">\n"
        "References: <convenor.draft3.7@example.org> <x.y@example.org>\n")


def test_a_report_with_only_the_copys_headers_names_the_recipient_not_our_message_id():
    m = read(headers_only_report("A message that you sent could not be delivered.\n\n  kaja@dest.example\n"
                                 "    554 5.7.1 Message blocked due to spam content.\n",
                                 COPY.format(to="kaja@dest.example")))
    assert m.bounce is not None and m.bounce.addresses == ("kaja@dest.example",) and m.bounce.permanent


def test_a_delay_notice_with_the_copys_headers_names_the_recipient_not_our_message_id():
    m = read(headers_only_report("Your message has not yet been delivered to the following recipient:\n\n"
                                 "<olaf@dest.example>:\n<<< 451 4.7.1 Please try again later\n\n"
                                 "The mail server will continue attempting to deliver it.\n",
                                 COPY.format(to="olaf@dest.example")))
    assert m.bounce is not None and m.bounce.addresses == ("olaf@dest.example",) and not m.bounce.permanent


@pytest.mark.parametrize("text, to, want", [
    # the failed recipient where the reports always named it: none of these changes
    ("<ana@dest.example>: 550 5.1.1 User unknown\n", "ana@dest.example", ("ana@dest.example",)),
    ("Delivery to ben@dest.example failed: 550 5.1.1\n", "ben@dest.example", ("ben@dest.example",)),
    ("The following address failed:\n  cleo@dest.example\n    552 5.2.2 Mailbox full\n", "cleo@dest.example",
     ("cleo@dest.example",)),
    # the copy's To names the one recipient although the text names none
    ("Your message could not be delivered: 550 5.1.1 user unknown.\n", "dana@dest.example", ("dana@dest.example",)),
    ("550 5.1.1 <eve@dest.example>... User unknown\n", "eve@dest.example", ("eve@dest.example",)),
    ("Recipient: fay@dest.example\nReason: 550 5.7.1 Blocked by policy\n", "fay@dest.example", ("fay@dest.example",)),
    ("<gus@dest.example>: host mx.dest.example said: 550 5.1.1 No such user\n", "gus@dest.example",
     ("gus@dest.example",)),
    ("  hal@dest.example\n    SMTP error from remote mail server after RCPT TO: 550 5.1.1\n", "hal@dest.example",
     ("hal@dest.example",)),
    ("Message delivery to 'ivy@dest.example' failed: 550 5.2.1 mailbox disabled\n", "ivy@dest.example",
     ("ivy@dest.example",)),
    ("<jo@dest.example>:\nThe users mailfolder is over the allowed quota (size). (#5.2.2)\n", "jo@dest.example",
     ("jo@dest.example",)),
])
def test_reports_naming_their_recipient_keep_it(text, to, want):
    m = read(headers_only_report(text, COPY.format(to=to)))
    assert m.bounce is not None and m.bounce.addresses == want


def test_an_attached_copys_message_id_is_no_failed_recipient_either():
    copy = COPY.format(to="kaja@dest.example")
    m = read(raw("Return-Path: <>\nFrom: MAILER-DAEMON <MAILER-DAEMON@mta.isp.example>\n" + TOKEN_TO + "\n"
                 "Subject: Undeliverable mail\nContent-Type: multipart/mixed; boundary=\"A\"",
                 "--A\nContent-Type: text/plain\n\nThe following address(es) failed:\n\n  kaja@dest.example\n"
                 "    554 5.7.1 rejected\n--A\nContent-Type: message/rfc822\n\n" + copy + "\nVote 9\n--A--\n"))
    assert m.bounce is not None and m.bounce.addresses == ("kaja@dest.example",)


# ---- list managers' refusals in Dutch, Swedish, Polish; a groups service's "+owner" ----

def list_notice(sender: str, subject: str, body: str, extra: str = "Auto-Submitted: auto-generated",
                rp: str = "<team-bounces@lists.partner.example>") -> bytes:
    return raw(f"Return-Path: {rp}\nFrom: {sender}\n{TOKEN_TO}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("sender, subject, body, want", [
    ("beirat-owner@lists.partner.example", "Uw bericht aan beirat@lists.partner.example is geweigerd",
     "Uw bericht aan de lijst beirat@lists.partner.example is om de volgende reden geweigerd:\n\n"
     "U bent geen lid van deze lijst.\n", "beirat@lists.partner.example"),
    ("styrelsen-owner@lists.partner.example", "Ditt meddelande till styrelsen",
     "Ditt meddelande till styrelsen@lists.partner.example har avvisats: endast medlemmar får skriva.\n",
     "styrelsen@lists.partner.example"),
    ("zarzad-owner@lists.partner.example", "Wiadomość do listy zarzad",
     "Twoja wiadomość do listy zarzad@lists.partner.example została odrzucona.\n", "zarzad@lists.partner.example"),
    ("neighbours+owner@groups.partner.example", "Your message to neighbours@groups.partner.example was rejected",
     "Your message to neighbours@groups.partner.example was rejected by the group moderators.\n",
     "neighbours@groups.partner.example"),
])
def test_a_list_managers_refusal_in_more_languages_and_a_groups_owner_is_a_bounce_of_the_list(sender, subject,
                                                                                              body, want):
    m = read(list_notice(sender, subject, body))
    assert m.bounce is not None and m.bounce.addresses == (want,) and m.bounce.permanent


def member(subject: str, body: str, frm: str = "Eva de Vries <eva@member.example>", extra: str = TB,
           answers: bool = False) -> bytes:
    return raw(f"Return-Path: <{frm.split('<')[-1].rstrip('>')}>\nFrom: {frm}\n{LIST_TO}\nSubject: {subject}\n{extra}"
               + ("\n" + ANSWERS if answers else ""), body)


@pytest.mark.parametrize("subject, body, frm", [
    ("Mijn bericht is geweigerd", "Mijn bericht aan de buurtlijst is geweigerd. Weet iemand waarom?\n\nEva\n",
     "Eva de Vries <eva@member.example>"),
    ("Re: [Vote 9] Hall", "VOOR. Mijn vorige bericht werd geweigerd door de spamfilter.\n\nEva\n",
     "Eva de Vries <eva@member.example>"),
    ("Geweigerd?", "Is mijn bericht geweigerd? U bent geen lid van deze lijst, zei de server.\n",
     "Eva de Vries <eva@member.example>"),
    ("Fråga", "Mitt meddelande har avvisats av listan. Vad gör jag?\n\nKarin\n", "Karin Ek <karin@member.example>"),
    ("Pytanie", "Moja wiadomość została odrzucona przez listę. Co robić?\n\nAnna\n",
     "Anna Nowak <anna@member.example>"),
    ("Owner question", "Your message to the list was rejected? I'm the owner, I'll approve it.\n",
     "Tom Reed <tom+owner@member.example>"),
    ("Re: [Vote 9] Hall", "YES. Our group's owner address is neighbours+owner@groups.partner.example.\n",
     "Lena Moss <lena@member.example>"),
    ("Rejected at the door", "Your message to the venue was rejected because the form was late. I'll resend.\n",
     "Ruth Adler <ruth+owner@member.example>"),
    ("Bericht", "Het bericht aan de gemeente is afgewezen; ik probeer het opnieuw.\n\nEva\n",
     "Eva de Vries <eva@member.example>"),
    ("Uw bericht aan de lijst", "Uw bericht aan de lijst is geweigerd — dat kreeg ik terug. Raar.\n\nPiet\n",
     "Piet Jansen <piet@member.example>"),
])
def test_people_writing_the_refusals_words_stay_people(subject, body, frm):
    m = read(member(subject, body, frm=frm))
    assert m.bounce is None and not m.auto_reply


# ---- a challenge-response filter's ask in French and Italian ----

def challenge(body: str, frm: str = "Anti-spam de Lucie <lucie@cr.example>", extra: str = "") -> bytes:
    return raw(f"Return-Path: <lucie@cr.example>\nFrom: {frm}\n{LIST_TO}\nSubject: Confirmation requise : Hall\n"
               f"{ANSWERS}" + (f"\n{extra}" if extra else ""), body)


@pytest.mark.parametrize("body", [
    "Votre message est en attente. Pour qu'il soit remis, merci de confirmer que vous êtes une personne en "
    "cliquant sur le lien ci-dessous :\n\nhttps://cr.example/confirmer?id=88a1\n",
    "Il suo messaggio è in attesa. Per consegnarlo, confermi di essere una persona qui: https://cr.example/c?id=1\n",
])
def test_a_filters_french_or_italian_ask_is_a_challenge(body):
    m = read(challenge(body))
    assert m.auto_reply and m.bounce is None


@pytest.mark.parametrize("body, extra", [
    ("OUI. Le site m'a demandé de confirmer que je suis une personne, bizarre.\n", TB),
    ("Pour confirmer que vous êtes une personne, le formulaire https://asso.example/inscription demande un code. "
     "Je l'ai testé.\n\nLucie\n", TB),
    ("Pour confirmer que vous êtes une personne, le formulaire https://asso.example/inscription demande un code.\n",
     "X-Mailer: Apple Mail (2.3774.300.61.1.2)"),
    ("Oui !\n\nMerci de confirmer que vous êtes une personne sur https://asso.example — c'est nouveau.\n", ""),
    ("Elle m'a écrit : « merci de confirmer que vous êtes une personne » https://cr.example, c'est une arnaque ?\n", ""),
    ("SÌ. Il portale chiede di confermare di essere una persona: https://comune.example, lo sapevate?\n", TB),
    ("Sì, voto sì.\n\nConfermi di essere una persona su https://comune.example prima di iscriverti.\n", ""),
    ("NON. Je dois confirmer que je suis une personne sur chaque site, https://x.example aussi.\n", ""),
    ("Répondez OUI ou NON; merci de confirmer que vous êtes bien une personne, dit le site https://y.example.\n", TB),
    ("Pour nos bénévoles : confirmez que vous êtes une personne sur https://asso.example/benevoles, "
     "puis répondez-moi.\n\nLucie\n", TB),
])
def test_people_telling_of_the_ask_stay_people(body, extra):
    m = read(challenge(body, frm="Lucie Marchand <lucie@cr.example>", extra=extra))
    assert not m.auto_reply and m.bounce is None


# ---- "-- automatic reply --" framed on its own line ----

def reply(body: str, extra: str = "", subject: str = "Re: [Vote 9] Hall",
          frm: str = "Ahmed Saleh <ahmed@unix.example>") -> bytes:
    return raw(f"Return-Path: <{frm.split('<')[-1].rstrip('>')}>\nFrom: {frm}\n{LIST_TO}\nSubject: {subject}\n"
               f"{ANSWERS}" + (f"\n{extra}" if extra else ""), body)


@pytest.mark.parametrize("line", ["-- automatic reply --", "*** Auto-Reply ***", "=== Automatische Antwort ===",
                                  "--- réponse automatique ---"])
def test_a_vacation_scripts_framed_signature_line_is_an_automatic_reply(line):
    m = read(reply(f"I am away from my desk until 9 January. Your mail will be read on my return.\n\n{line}\n",
                   extra="X-Loop: ahmed@unix.example"))
    assert m.auto_reply


@pytest.mark.parametrize("body", [
    "YES.\n\n-- automatic reply --\nwas what I got from Ben, so he won't vote.\n",
    "-- automatic reply -- is what my phone says when I drive. YES from me.\n",
    "Re the automatic reply -- I switched it off.\n",
    "NO\n\n--\nAhmed\nauto-reply settings: off\n",
    "-- automatic replies --\nWe should agree how to word ours. Ideas?\n",
    "Yes.\n\n---- automatic reply wording ----\nBack on 9 January.\n",
    "Should we set --automatic reply-- on the shared box? I think yes.\n",
    "ABSTAIN\n\n** automatic reply? **\nNo, that's really me.\n",
    "YES\n\n-- \nAhmed Saleh\nTreasurer\n",
    "I got a '-- automatic reply --' from Kim. NO from me.\n",
])
def test_people_writing_the_framed_words_stay_people(body):
    m = read(reply(body, extra=TB))
    assert not m.auto_reply


# ---- a help desk's receipt naming the case's number ----

def desk(body: str, frm: str = "Customer Care <care@supplier.example>", extra: str = "",
         subject: str = "Case 00012345 created: Hall") -> bytes:
    return reply(body, extra=extra, subject=subject, frm=frm)


@pytest.mark.parametrize("body", [
    "Dear Customer,\n\nThank you for contacting us. Your case number is 00012345. A member of our team will "
    "respond within 2 business days.\n",
    "Estimado/a cliente:\n\nHemos recibido su solicitud y le hemos asignado el número de ticket ABC-123-45678. "
    "Le responderemos lo antes posible.\n",
    "Bonjour,\n\nNous avons bien reçu votre demande, enregistrée sous le numéro de ticket 4521. "
    "Un conseiller vous répondra rapidement.\n",
])
def test_a_help_desks_receipt_with_the_cases_number_is_an_automatic_reply(body):
    assert read(desk(body)).auto_reply


@pytest.mark.parametrize("body, frm", [
    ("YES. Your case number is 2026-14 in my book, keep it for the insurance.\n", "Tom Reed <tom@member.example>"),
    ("Your ticket number is 4521 — I wrote it on the board.\n", "Tom Reed <tom@member.example>"),
    ("Your case number is 00012345? I'll call them, our team can wait.\n", "Tom Reed <tom@member.example>"),
    ("Hi Jana,\n\nYour reference number is 88213 for the hall. I'll pay the deposit Monday.\n\nTom\n",
     "Tom Reed <tom@member.example>"),
    ("Your case number is 31 on the rota. See you Saturday.\n", "Tom Reed <tom@member.example>"),
    ("Hemos recibido su solicitud con el número de ticket 4521 del ayuntamiento, y yo la reviso mañana.\n",
     "Marta Gil <marta@member.example>"),
    ("Sí. Hemos recibido su solicitud, número de caso 2026 en mi libro; yo la llevo.\n",
     "Marta Gil <marta@member.example>"),
    ("Nous avons bien reçu votre demande numéro de dossier 4521 à la mairie ? Je vérifie.\n",
     "Luc Martin <luc@member.example>"),
    ("OUI. Nous avons bien reçu votre message, merci !\n", "Luc Martin <luc@member.example>"),
    ("Estimado Pablo:\n\nSí, voto a favor. Hemos recibido su solicitud de sala, gracias.\n\nMarta\n",
     "Marta Gil <marta@member.example>"),
    ("Dear all:\n\nI'm in favour. Thanks for your email.\n\nTom\n", "Tom Reed <tom@member.example>"),
])
def test_people_writing_a_receipts_words_stay_people(body, frm):
    m = read(desk(body, frm=frm, extra=TB, subject="Re: [Vote 9] Hall"))
    assert not m.auto_reply


# ---- a salutation's colon cites nobody ----

@pytest.mark.parametrize("body", [
    "Sehr geehrte Damen und Herren:\n\nDies ist eine automatische Antwort. Ich bin ab dem 7. Januar wieder da.\n",
    "Dear Customer:\n\nThis is an automated response: your message has been received.\n",
])
def test_a_salutation_with_a_colon_does_not_make_the_notice_cited(body):
    assert read(desk(body, subject="Re: [Vote 9] Hall")).auto_reply


@pytest.mark.parametrize("body", [
    "Her reply said:\n\nThis is an automatic reply. Back on 7 January.\n\nSo she won't vote. YES from me.\n",
    "Ben's mailbox answered:\nThis is an automated response.\n\nNO from me.\n",
    "Got this from the council:\n\nThis is an automatic reply.\n",
    "Dear all, the office wrote:\nDies ist eine automatische Antwort.\nSo nobody is there.\n",
    "Dear Tom:\n\nThis is an automatic reply.\n\nThat's what your mailbox sends. YES from me.\n",
    "Dear all:\nThis is an automated response.\nThat came back from the hall. NO.\n",
])
def test_words_cited_under_a_line_that_is_no_salutation_stay_cited(body):
    assert not read(desk(body, frm="Tom Reed <tom@member.example>", extra=TB, subject="Re: [Vote 9] Hall")).auto_reply
