"""Review of batch 21's machine-mail rules (#15, review b21ab): people's messages that the widened
rules took for machine mail, beside the reports and automatic replies the rules are for.

- A groups service's "<group>+owner@" sender, and a list manager's refusal in Dutch, Swedish, Polish
  (and Danish, Norwegian, Czech, Finnish) or around the list's address, count only on a message a
  mail system marked (Auto-Submitted, Precedence bulk/list/junk, a null Return-Path) or that reached
  our bounce address: a member's own "+owner" subaddress and a coordinator at "bestuur-admin@" write
  the same words about someone's post.
- The French and Italian ask to confirm the sender a person ends at "une personne" / "una persona":
  "une personne morale", "una persona fisica", a question, a member's own vote are people's.
- "-- automatic reply --" signs a vacation script's text as its last line, under no note of a member's.
- "Your case number is N", "Hemos recibido su solicitud y le hemos asignado el número …", "Nous avons
  bien reçu votre demande, enregistrée sous le numéro …" and a "Dear Customer:" salutation count only
  where they open the text (a salutation and a desk's thanks above at most), with a desk's key
  ending the sentence.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read

TOKEN_TO = "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org"
ANSWERS = "In-Reply-To: <convenor.vote9.1@example.org>\nReferences: <convenor.vote9.1@example.org>"


def person(body: str, frm: str = "Sam Ortiz <sam@club.example>", subject: str = "Re: [Vote 9] Hall",
           rp: str | None = None, answers: bool = True) -> bytes:
    address = frm.split("<")[-1].rstrip(">")
    return raw(f"Return-Path: <{rp or address}>\nFrom: {frm}\nTo: network@example.org\nSubject: {subject}"
               + ("\n" + ANSWERS if answers else ""), body)


def is_a_persons(data: bytes) -> bool:
    m = read(data)
    return m.bounce is None and not m.auto_reply


# ---- a groups service's "+owner@" and the widened list refusals need a mail system's mark ----

@pytest.mark.parametrize("frm, rp, subject, body", [
    # a member's own "+owner" subaddress, sent through her provider (Return-Path her base address)
    ("=?utf-8?q?Mar=C3=ADa?= <maria+owner@fastmail.example>", "maria@fastmail.example", "Error in the minutes",
     "Hi all,\n\nThere is an error in the November minutes: the rent was 120, not 210.\n\nMaría\n"),
    ("=?utf-8?q?Mar=C3=ADa?= <maria+owner@fastmail.example>", "maria@fastmail.example",
     "Refused planning permission for the shed", "The council refused it. I suggest we appeal.\n\nMaría\n"),
    ("=?utf-8?q?Zo=C3=AB?= <zoe+owner@mail.example>", None, "My post was rejected",
     "My message to lunch@groups-like.example was rejected yesterday. Am I not a member any more?\n\nZoë\n"),
    ("=?utf-8?q?Jos=C3=A9?= <jose+owner@mail.example>", "jose@mail.example", "Returned mail to Tom",
     "My mail to tom@dest.example came back returned, does anyone have his new address?\n\nJosé\n"),
    ("=?utf-8?q?Ren=C3=A9e?= <renee+owner@mail.nl.example>", "renee@mail.nl.example", "Vraag",
     "Mijn bericht aan leden@lists.nl.example is geweigerd, maar ik ben toch lid?\n\nRenée\n"),
    # coordinators at role addresses telling of someone's refused post, the list's address inside
    ("=?utf-8?q?Ren=C3=A9e?= <bestuur-admin@vereniging.example>", None, "Vraag over de lijst",
     "Het bericht van Jan aan leden@vereniging.example is afgewezen door het filter. Kan iemand kijken?\n"),
    ("=?utf-8?q?Bj=C3=B6rn?= <styrelse-admin@forening.example>", None, "Fråga",
     "Meddelandet från Eva till styrelsen@forening.example har avvisats. Vad gör vi?\n\nBjörn\n"),
    ("=?utf-8?q?Ma=C5=82gorzata?= <zarzad-admin@stowarzyszenie.example>", None, "Pytanie",
     "Wiadomość od Ewy do zarzad@stowarzyszenie.example została odrzucona. Co robimy?\n"),
    ("=?utf-8?q?Luc=C3=ADa?= <secretaria-admin@club.es.example>", None, "Pregunta",
     "El mensaje de Ana a junta@club.es.example fue rechazado ayer, ¿sabéis por qué?\n\nLucía\n"),
    ("=?utf-8?q?H=C3=A9l=C3=A8ne?= <bureau-admin@asso.example>", None, "Question",
     "Le message de Paul à bureau@asso.example a été refusé par le serveur. Une idée ?\n"),
    ("=?utf-8?q?J=C3=BCrgen?= <vorstand-admin@verein.example>", None, "Frage",
     "Die Nachricht von Uwe an vorstand@verein.example wurde abgelehnt. Weiß jemand warum?\n"),
    ("=?utf-8?q?Ren=C3=A9e?= <leden-owner@vereniging.example>", None, "Jan",
     "Jan (jan@mail.nl.example) kreeg 'U bent geen lid van deze lijst'. Ik heb hem toegevoegd.\n"),
])
def test_a_members_plus_owner_address_or_a_coordinators_role_address_is_no_list_manager(frm, rp, subject, body):
    assert is_a_persons(person(body, frm=frm, subject=subject, rp=rp, answers=False))


def refusal(sender: str, subject: str, body: str, marks: str) -> bytes:
    return raw(f"{marks}\nFrom: {sender}\n{TOKEN_TO}\nSubject: {subject}", body)


@pytest.mark.parametrize("sender, subject, body, marks, want", [
    ("bestyrelse-owner@lister.dk.example", "Din besked",
     "Din besked til bestyrelse@lister.dk.example er blevet afvist.\n\nDu er ikke medlem af listen.\n",
     "Return-Path: <>\nAuto-Submitted: auto-generated", "bestyrelse@lister.dk.example"),
    ("styret-owner@lister.no.example", "Din melding", "Meldingen din til styret@lister.no.example ble avvist.\n",
     "Return-Path: <>\nAuto-Submitted: auto-generated", "styret@lister.no.example"),
    ("vybor-owner@konference.cz.example", "Vaše zpráva",
     "Vaše zpráva do konference vybor@konference.cz.example byla odmítnuta.\n",
     "Return-Path: <>\nAuto-Submitted: auto-generated", "vybor@konference.cz.example"),
    ("styrelsen-owner@lists.se.example", "Ditt meddelande",
     "Ditt meddelande till styrelsen@lists.se.example avvisades av listan.\n",
     "Return-Path: <>\nAuto-Submitted: auto-generated", "styrelsen@lists.se.example"),
    # a groups service's owner address marked only by Precedence, or by a null envelope
    ("choir+owner@groups-like.example", "Your message to choir@groups-like.example was rejected",
     "Your message to choir@groups-like.example was rejected: only members may post.\n",
     "Return-Path: <bounce+77@groups-like.example>\nPrecedence: bulk", "choir@groups-like.example"),
    ("choir+owner@groups-like.example", "Message rejected",
     "Your message to choir@groups-like.example was rejected by the moderators.\n", "Return-Path: <>",
     "choir@groups-like.example"),
])
def test_a_marked_list_refusal_is_a_bounce_of_the_list(sender, subject, body, marks, want):
    m = read(refusal(sender, subject, body, marks))
    assert m.bounce is not None and m.bounce.addresses == (want,) and m.bounce.permanent


# ---- the French and Italian challenge ask ----

@pytest.mark.parametrize("body", [
    "Bonjour,\n\nPour la subvention, il faut confirmer que vous êtes une personne morale sur "
    "https://subventions.example/asso avant vendredi.\n\nHélène\n",
    "Bonjour,\n\nPourriez-vous confirmer que vous êtes une personne de contact pour la mairie ? Répondez-moi d'ici "
    "lundi.\n\nHélène\n",
    "Bonjour,\n\nPour l'inscription, confirmez que vous êtes bien une personne majeure sur www.inscription.example.\n",
    "Bonjour,\n\nAvant de voter, confirmez que vous êtes un humain et pas un robot :) Je vote pour, voir "
    "https://vote.example.\n\nHélène\n",
    "Bonjour,\n\nLa carte : il faut confirmer que vous êtes une personne handicapée sur https://carte.example.\n",
    "Bonjour,\n\nMon filtre anti-spam vous a demandé de confirmer que vous êtes une personne ? Désolée, je l'ai "
    "désactivé. https://aide.example\n",
    "Ciao,\n\nPer il rimborso bisogna confermare di essere una persona fisica e non un'associazione su "
    "https://rimborsi.example.\n\nGiulia\n",
    "Ciao,\n\nHo dovuto confermare di essere una persona per votare online, che assurdo! Comunque "
    "https://voto.example funziona.\n\nGiulia\n",
    "Ciao,\n\nConfermi di essere una persona maggiorenne? Rispondi a questa mail.\n\nGiulia\n",
])
def test_a_members_words_of_confirming_a_person_are_no_challenge(body):
    assert is_a_persons(person(body, frm="Hélène Roy <helene@asso-fr.example>"))


@pytest.mark.parametrize("body", [
    "Bonjour,\n\nVotre message est en attente. Merci de confirmer que vous êtes une personne en cliquant sur le lien "
    "ci-dessous :\n\nhttps://cr.example/c?id=1\n",
    "Bonjour,\n\nVotre message est en attente. Confirmez que vous êtes un humain en cliquant sur https://cr.example/c?id=2\n",
    "Bonjour,\n\nVotre message a été retenu. Merci de vérifier que vous êtes une personne réelle : https://cr.example/v\n",
    "Gentile mittente,\n\nIl suo messaggio è in attesa. Per consegnarlo confermi di essere una persona facendo clic "
    "qui: https://cr.example/it?id=3\n",
    "Gentile mittente,\n\nIl suo messaggio è trattenuto. Dimostri di essere una persona reale visitando "
    "https://cr.example/it?id=4\n",
])
def test_a_filters_french_or_italian_ask_is_a_challenge(body):
    m = read(person(body, frm="Filtre <lucie@cr-fr.example>", subject="Confirmation : [Vote 9] Hall"))
    assert m.auto_reply and m.bounce is None


# ---- "-- automatic reply --" signs the text as its last line ----

@pytest.mark.parametrize("body", [
    "Hi all,\n\nHere is my draft for the office mailbox over the holidays\n\n== Automatic reply ==\nThanks for writing to "
    "the food bank. We are closed until 4 January.\n\nDoes that read well?\n\nSam\n",
    "Hi,\n\nTwo points.\n\n--- Auto-reply ---\nShould the info@ mailbox answer automatically? I think so.\n\n"
    "--- Budget ---\nI vote yes.\n\nSam\n",
    "Anna's out, this is what her address sends back\n\n-- Automatic reply --\nI am away until 9 January.\n\n"
    "So she can't vote before the deadline.\n\nSam\n",
    "Hallo,\n\nmein Entwurf für das Vereinspostfach\n\n-- Automatische Antwort --\nDanke für Ihre Nachricht, wir sind "
    "ab 4. Januar wieder da.\n\nPasst das?\n\nUwe\n",
    "Hi coordinators, FYI, Tom's address answers with this now\n\n------ Auto-Reply ------\nTom is on leave until "
    "February.\n\nShall we pause his role?\n\nSam\n",
    # the frame last, under a member's note
    "Anna's address sends this back:\n\nI am away until 9 January.\n\n-- Automatic reply --\n",
    "What should we do about this one?\n\nI am away until 9 January.\n\n-- Automatic reply --\n",
    "Yes to moving the meeting, I'm away after that.\n\n-- auto-reply --\n",
])
def test_a_framed_automatic_reply_heading_in_a_members_message_is_hers(body):
    assert is_a_persons(person(body))


@pytest.mark.parametrize("body", [
    "I am away from my desk until 9 January. Your mail will be read on my return.\n\n-- automatic reply --\n",
    "Away until Monday 11 January.\n\n=== automatic response ===\n",
    "Ich bin bis 9. Januar nicht im Büro.\n\n-- Automatische Antwort --\n",
    "Je suis absente jusqu'au 9 janvier.\n\n-- Réponse automatique --\n",
])
def test_a_vacation_script_signed_by_a_framed_automatic_reply_is_one(body):
    assert read(person(body, frm="Ahmed Saleh <ahmed@unix-like.example>")).auto_reply


# ---- help desks' receipts naming the number, and a salutation's colon, where they open the text ----

@pytest.mark.parametrize("body", [
    "Hi Sam,\n\nThe grant is approved. Your reference number is 2026-114; please quote this number on the invoice.\n",
    "Hi Sam,\n\nThanks for buying a raffle ticket! Your ticket number is 0457. One of our volunteers will contact you "
    "if you win.\n",
    "Hello,\n\nYour ticket number is 0457. The draw is on Friday and one of our volunteers will contact you if you win.\n",
    "Thanks for reporting the broken fridge. Your case number is 1042 in our repairs log. One of our volunteers will "
    "contact you shortly.\n",
    "I rang the council about the streetlight. Your case number is 4521, they said. Their team will contact you "
    "shortly.\n",
    "Got this back from the energy company\n\nThank you for contacting us. Your case number is 00012345. A member of "
    "our team will respond within 2 business days.\n\nShould we switch supplier?\n",
    "The insurer replied and I can't make sense of it\n\nYour case number is CLM-88213. Our team will contact you as "
    "soon as possible.\n\nAny thoughts?\n",
    "Dear Sam,\n\nThank you for your request for a food parcel. Your request number is 552. Our volunteers will "
    "deliver it on Thursday.\n\nKind regards,\nMaria Lind\n",
    # the Spanish and French receipts: a coordinator's own letter, a member pasting one
    "Hola Ana,\n\nHemos recibido su solicitud de subvención con número de referencia 4471; la junta la estudiará el "
    "lunes.\n\nLucía\n",
    "Esto es lo que me contestó el ayuntamiento\n\nHemos recibido su solicitud y le hemos asignado el número de caso "
    "20264471. Le responderemos pronto.\n\n¿Qué hacemos?\n",
    "Sí, a favor.\n\nHemos recibido su correo con el número de referencia 2026-12 del pago, gracias.\n",
    "Estimado socio,\n\nhemos recibido su solicitud de alta con número de solicitud 317. El sábado le presento al "
    "grupo.\n",
    "Bonjour Paul,\n\nNous avons bien reçu votre demande de subvention, enregistrée sous le numéro de dossier 2026-031. "
    "Le bureau l'examinera lundi.\n",
    "Voici ce que la mairie m'a répondu\n\nNous avons bien reçu votre demande, enregistrée sous le numéro de ticket "
    "4521.\n\nOn relance ?\n",
    "Bonjour,\n\nNous avons bien reçu votre message et votre numéro de demande 2210 pour le local. Je vous rappelle "
    "demain.\n",
    "Bonjour,\n\nNous avons bien reçu votre message avec le numéro de ticket 0457 de la tombola. Je vous appelle si "
    "vous gagnez.\n",
    # a letter with "Dear Customer:" pasted under a member's words
    "Our energy supplier sent this, is it a scam?\n\nDear Customer:\nThis is an automated message. Your account will be "
    "closed unless you confirm your details.\n",
    "Yes to moving the meeting.\n\nPS the bank wrote\n\nDear Customer:\nThis mailbox is no longer monitored.\n",
    "Draft for our website\n\nDear users:\nThis address is no longer monitored. Please write to hello@club.example.\n",
    "Regardez ce que la banque m'envoie\n\nCher client :\nCeci est une réponse automatique, votre message ne sera pas lu.\n",
    "Kijk wat de bank terugstuurt\n\nGeachte klant:\nDit is een automatisch antwoord.\n",
])
def test_a_receipt_or_a_customer_letter_below_a_members_words_is_hers(body):
    assert is_a_persons(person(body, frm="Maria Lind <coordinators@foodbank.example>"))


@pytest.mark.parametrize("body", [
    "Dear Customer,\n\nThank you for contacting us. Your case number is 00012345. A member of our team will respond "
    "within 2 business days.\n",
    "Thank you for contacting support. Your ticket ID is 884213. Our team will respond shortly.\n",
    "Hello,\n\nYour incident number is INC-40412. One of our agents will contact you as soon as possible.\n",
    "Thank you for your request.\nYour request number is: 77120\nYou will receive an update when it is resolved.\n",
    "Estimado/a cliente:\n\nHemos recibido su solicitud y le hemos asignado el número de ticket ABC-123-45678. Le "
    "responderemos lo antes posible.\n",
    "Bonjour,\n\nNous avons bien reçu votre demande, enregistrée sous le numéro de dossier 44120. Un conseiller vous "
    "répondra prochainement.\n",
    "Bonjour,\n\nNous avons bien reçu votre e-mail : numéro de ticket #88214. Merci de le rappeler dans vos échanges.\n",
    "Dear Customer:\n\nThis is an automatic reply. We have received your message and will answer within 2 days.\n",
    "Sehr geehrte Damen und Herren:\n\nDies ist eine automatische Antwort. Wir melden uns.\n",
])
def test_a_help_desks_receipt_opening_its_text_is_an_automatic_reply(body):
    assert read(person(body, frm="Support <support@vendor.example>", subject="[#4412] [Vote 9] Hall")).auto_reply
