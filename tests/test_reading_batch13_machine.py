"""Machine mail widened for the blind batch 13 (#15, b13a_ files), each class with the look-alikes
that must not change:

- A webmail service's or mail server's name in X-Mailer (Coremail, Zoho Mail, Yahoo's WebService,
  Mail.Ru, NaverMail, Lotus Notes) is stamped on the automatic replies it sends as on its users'
  mail: it no longer vetoes an automatic-looking subject or a bare absence notice. A program people
  write in (Thunderbird, Outlook, Apple Mail, iPhone Mail) still does ...
- ... unless the subject has an automatic reply's exact shape: its words, a colon, then the subject
  it answers (an item's bracketed tag, or Outlook's Thread-Topic), with no "Re:" first. A person's
  program answers under "Re:"; "Auto-reply: YES" names nothing answered.
- A person answering someone's automatic reply ("AW: Abwesenheitsnotiz: [Vote 12] …", "Re: Auto:
  [Announcement] …") is a person's even when the automatic words end inside a longer word or take
  the colon themselves; Chinese and Japanese automatic words running on into a topic
  ("关于假期自动回复设置的建议", a proposal about auto-reply settings) are a person's subject, and
  Japanese systems' "【自動返信】" / "自動返信：" lead an automatic reply's.
- Bare absence notices: leave ("on sabbatical", "de baja") and an office's closure, the return ("ab
  07.12. wieder erreichbar"), whom to write to in French and Spanish, an address's dots ending no
  clause; any clause that answers ("…, so I vote now: yes") keeps it a person's.
The scenarios: such mail arriving to a ballot (Dovecot, SMTP) is never answered, never counted,
never dropped; the look-alikes are read as the person's and counted.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_subjects import automatic_subject, names_what_it_answers
from mailer.absence_notices import only_an_absence_notice
from tests.fixtures_convenor import network_fixture
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"
VOTE = "[Vote 7] Approve the 2027 budget"
WEBMAILS = ("Coremail Webmail Server Version XT6.0.2 build 20230601", "Zoho Mail", "WebService/1.1.22876 YMailNorrin",
            "Mail.Ru Mailer 1.0", "NaverMail", "Lotus Notes Release 8.0.2 HF623 January 16, 2009", "QQMail 2.x")
PERSON_CLIENTS = ("Microsoft Outlook 16.0", "Microsoft Office Outlook 12.0", "SquirrelMail/1.4.23 [SVN]",
                  "Internet Messaging Program (IMP) H5 (6.2.27)", "Mozilla Thunderbird", "iPhone Mail (22B91)", "Apple Mail (2.3826)")


def mail(subject: str, body: str = "Back on 9 December.", sender: str = "Staff <staff@corp.example>",
         extra: str = "") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("program", WEBMAILS)
@pytest.mark.parametrize("subject", [f"自动回复: {VOTE}", f"Risposta automatica: {VOTE}", "Message d'absence",
                                     "Thomas Richter ist außer Haus.", f"[부재중 자동응답] {VOTE}"])
def test_a_webmails_name_does_not_veto_an_automatic_subject(program, subject):
    notice = read(mail(subject, extra=f"X-Mailer: {program}"))
    assert notice.auto_reply and notice.auto_reply_guessed  # a guess: never answered, never dropped


@pytest.mark.parametrize("program", WEBMAILS[:3])
def test_a_bare_absence_notice_from_a_webmail_is_a_guess(program):
    notice = read(mail(f"Re: {VOTE}", "您好！我正在休假，12月9日返回，返回后回复您。", extra=f"X-Mailer: {program}"))
    assert notice.auto_reply and notice.auto_reply_guessed


@pytest.mark.parametrize("program", PERSON_CLIENTS)
@pytest.mark.parametrize("subject, text", [
    ("Auto-reply: YES", "Ha, not really automatic. Yes from me."),
    ("Out of Office", "Back on 9 December."),
    (f"Re: {VOTE}", "I am away until 9 December."),
])
def test_a_program_people_write_in_still_vetoes_a_guess(program, subject, text):
    person = read(mail(subject, text, "Ewa Nowak <ewa@example.net>", extra=f"X-Mailer: {program}"))
    assert not person.auto_reply


@pytest.mark.parametrize("subject, topic", [
    ("Automatic reply: [Draft 21] Volunteer expenses policy", ""),
    ("Absence du bureau : [Draft 15] Annual report 2025", ""),
    ("Automatic reply: Budget talk", "Budget talk"),
])
def test_an_automatic_replys_exact_shape_is_read_whatever_program_wrote_it(subject, topic):
    extra = "X-Mailer: Microsoft Outlook 16.0" + (f"\nThread-Topic: {topic}" if topic else "")
    notice = read(mail(subject, "I'm away until Monday 23 March with no access to email.", extra=extra))
    assert names_what_it_answers(subject, topic)
    assert notice.auto_reply and notice.auto_reply_guessed


@pytest.mark.parametrize("subject, topic", [
    ("Auto-reply: YES", ""), ("Automatic reply: Budget talk", "Another topic"), (f"Re: Automatic reply: {VOTE}", VOTE),
    (f"Fwd: Automatic reply: {VOTE}", VOTE), ("Out of Office", ""),
])
def test_no_exact_shape_without_the_subject_answered(subject, topic):
    assert not names_what_it_answers(subject, topic)


@pytest.mark.parametrize("subject", [
    "AW: Abwesenheitsnotiz: [Vote 12] Adopt the 2026 budget", "Re: Auto: [Announcement] Spring assembly on 18 April",
    "Re: 关于假期自动回复设置的建议", "回复：自动回复: [Vote 7] Approve the 2027 budget",
])
def test_a_person_answering_or_discussing_automatic_replies_is_a_person(subject):
    assert not automatic_subject(subject)
    for extra in ("", "X-Mailer: Microsoft Outlook 16.0", "X-Mailer: Coremail Webmail Server"):
        person = read(mail(subject, "Enjoy the break! Yes from me.", "Ewa Nowak <ewa@example.net>", extra=extra))
        assert not person.auto_reply


@pytest.mark.parametrize("subject", ["来自网易邮箱的自动回复", f"来自网易126邮箱的自动回复: {VOTE}", f"自動回覆: {VOTE}",
                                     f"【自動返信】{VOTE}", "自動返信：出張中のため不在です"])
def test_chinese_and_japanese_automatic_subjects(subject):
    assert automatic_subject(subject)


@pytest.mark.parametrize("subject", ["Re: 自動返信の設定について", "自動返信の設定について", f"返信: 自動返信: {VOTE}"])
def test_japanese_automatic_words_as_a_topic_or_answered_are_a_persons(subject):
    assert not automatic_subject(subject)


@pytest.mark.parametrize("text", [
    "I'm away next week but yes, happy with the budget.",
    "Thanks for the automatic reminder! YES from me.",
    "Yes, agreed.\n\nSent automatically from my phone, please excuse typos",
])
def test_a_persons_words_from_a_webmail_stay_a_persons(text):
    person = read(mail(f"Re: {VOTE}", text, "Betty Jones <bettyjones1958@yahoo.com>",
                       extra="X-Mailer: WebService/1.1.22876 YMailNorrin"))
    assert not person.auto_reply


@pytest.mark.parametrize("text", [
    "Bonjour,\n\nJe suis en congé maternité jusqu'au 15 mars 2027. Pour toute question, merci de contacter "
    "secretariat@universite-exemple.fr.",
    "Ich bin derzeit abwesend und ab 07.12. wieder erreichbar.",
    "Hallo! Ich bin bis 11.12. nicht erreichbar und antworte danach.",
    "Thank you for your enquiry. The office is closed until 7 December; we will reply when we reopen.",
    "I am on sabbatical until 1 September 2027 and checking email only occasionally. Please expect delays.",
    "Estoy de baja hasta el 9 de diciembre. Por favor contacte con info@ong.example.",
    "I am away until 9 December. Please contact <office@example.org>.",
])
def test_more_absence_notices_with_every_clause_automatic(text):
    """Leave and office closures, the return ("ab 07.12. wieder erreichbar"), whom to write to in
    French and Spanish, and an address whose dots end no sentence."""
    assert only_an_absence_notice(text)
    notice = read(mail(f"Re: {VOTE}", text))
    assert notice.auto_reply and notice.auto_reply_guessed


@pytest.mark.parametrize("text", [
    "Ab 7.12. bin ich wieder erreichbar, dann stimme ich ab.",
    "I am on sabbatical until September but yes, I approve.",
    "The office is closed until 7 December, so I vote now: yes.",
    "Je suis absente jusqu'au 8, pour toute question sur le budget je vote pour.",
    "Je suis absente jusqu'au 8. Pour toute question, je vote pour.",
    "I am away until 9 December. Please contact office@example.org. Yes.",
    "I am away until the 9th.Yes",
])
def test_an_absence_with_a_persons_answer_stays_a_persons(text):
    assert not only_an_absence_notice(text)
    assert not read(mail(f"Re: {VOTE}", text, "Ewa Nowak <ewa@example.net>")).auto_reply


# --- scenarios: a ballot answered by machines and by people (real Dovecot and SMTP) ----------------

COORDINATOR = "amina@example.org"
net = network_fixture()


def test_webmail_and_outlook_rule_replies_to_a_ballot_are_kept_not_counted_and_a_person_is_counted(net):
    ballots = net.open_vote("[Vote] Winter shelter budget", "Closes: in 7 days\n\nApprove the budget?")
    net.advance(hours=1)
    # Li's webmail answers on its own: Chinese subject and words, its server's X-Mailer, no header
    net.reply(ballots["li@example.org"], subject="自动回复: [Vote 1] Winter shelter budget", quote=False,
              body="您好！我正在休假，1月12日返回，返回后回复您。",
              headers={"X-Mailer": "Coremail Webmail Server Version XT6.0.2"})
    # Jean's Outlook rule answers with its template's subject before the ballot's
    net.reply(ballots["jean@example.org"], subject="Absence du bureau : [Vote 1] Winter shelter budget", quote=False,
              body="Oui, je suis absent jusqu'au 12 janvier.",
              headers={"X-Mailer": "Microsoft Outlook 16.0"})
    # Sofia writes from Yahoo's webmail of her holiday, and votes
    net.reply(ballots["sofia@example.org"], subject="Re: [Vote 1] Winter shelter budget", quote=False,
              body="Yes\n\nI'm away next week but yes, happy with the budget.",
              headers={"X-Mailer": "WebService/1.1.22876 YMailNorrin"})
    net.step()
    out = net.new_messages()
    assert net.messages_to("li@example.org", out) == [] and net.messages_to("jean@example.org", out) == []
    assert "is recorded: Yes." in net.only_message_to("sofia@example.org", out).text
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 1  # Sofia's only
    assert net.stack.folder_counts().get("Quarantine") == 2  # kept for a person, never dropped
    net.advance(days=1)
    net.step()
    (summary,) = [m for m in net.messages_to(COORDINATOR, net.new_messages()) if "looked automatic" in m.subject]
    assert "from li@example.org" in summary.flat_text and "from jean@example.org" in summary.flat_text
    assert "sofia" not in summary.flat_text and "休假" not in summary.flat_text


def test_members_answering_a_colleagues_automatic_reply_are_counted(net):
    """Subjects a person's program writes when she answers someone's automatic reply: read as hers."""
    ballots = net.open_vote("[Vote] Winter shelter budget", "Closes: in 7 days\n\nApprove the budget?")
    net.advance(hours=1)
    net.reply(ballots["li@example.org"], subject="Re: Auto: [Vote 1] Winter shelter budget", quote=False,
              body="Yes - and enjoy your holiday, Jean!")
    net.reply(ballots["sofia@example.org"], subject="AW: Abwesenheitsnotiz: [Vote 1] Winter shelter budget", quote=False,
              body="Yes",
              headers={"X-Mailer": "Microsoft Outlook 16.0"})
    net.step()
    out = net.new_messages()
    assert "is recorded: Yes." in net.only_message_to("li@example.org", out).text
    assert "is recorded: Yes." in net.only_message_to("sofia@example.org", out).text
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 2
    assert not net.stack.folder_counts().get("Quarantine")
