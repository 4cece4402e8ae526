"""A member's answer in an automatic-looking subject is a person's (mend of the webmail change,
mailer/autoreply_subjects.py): each input read through `parse_message`, with the look-alikes that
must stay automatic-reply guesses.

- After a person's reply prefix the automatic words must lead what follows: a ballot whose title
  holds them ("回复：[投票 7] 关于自动回复", "RE: [Vote 7] 自動返信") is answered by a person.
- An automatic reply puts the subject it answers after its words: a bare answer there ("Auto-reply:
  YES", "Out of office: yes") or a member's answer after the subject and a dash ("Automatic reply:
  [Vote 7] Budget — yes from me") is a person's.
A scenario: such replies to a ballot arriving (Dovecot, SMTP) are counted.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_subjects import automatic_subject
from tests.test_reading_batch13_machine import COORDINATOR, mail, net, read  # noqa: F401 (net: fixture)

COREMAIL = "X-Mailer: Coremail Webmail Server Version XT6.0.2 build 20230601"
NETEASE = "X-Mailer: Coremail Webmail Server Version 2.0 (163.com)"
THUNDERBIRD = "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0"
MEMBER = "Li Wei <li.wei@example.net>"


def _person(subject: str, body: str, extra: str) -> None:
    notice = read(mail(subject, body, MEMBER, extra=extra))
    assert not notice.auto_reply and not notice.auto_reply_guessed


@pytest.mark.parametrize("subject, extra", [
    ("回复：[投票 7] 关于自动回复", COREMAIL), ("Re: [Vote 7] 启用自动回复", NETEASE), ("RE: [Vote 7] 自動返信", ""),
    ("Re: [Vote 7] 自動返信", COREMAIL), ("Re: 关于自动回复", COREMAIL), ("回复: [投票 7] 关于自动回复", ""),
])
def test_automatic_words_inside_the_subject_a_member_answers_are_a_persons(subject, extra):
    assert not automatic_subject(subject)
    _person(subject, "同意", extra)


@pytest.mark.parametrize("subject", ["Out of office: yes", "Auto: yes", "Auto-reply: YES", "Automatic reply: No.",
                                     "Abwesenheitsnotiz: Ja", "Out of office - yes"])
@pytest.mark.parametrize("extra", [COREMAIL, "X-Mailer: Zoho Mail", "X-Mailer: WebService/1.1.22876 YMailNorrin", ""])
def test_automatic_words_with_a_bare_answer_are_a_persons(subject, extra):
    assert not automatic_subject(subject)
    _person(subject, "Yes", extra)


@pytest.mark.parametrize("subject", ["Automatic reply: [Vote 7] Budget — yes from me",
                                     "Out of office: [Vote 7] Budget - YES", "Auto-reply: [Vote 7] Budget – no!"])
@pytest.mark.parametrize("extra", [THUNDERBIRD, COREMAIL, ""])
def test_a_members_answer_after_the_subject_answered_is_a_persons(subject, extra):
    assert not automatic_subject(subject)
    _person(subject, "Yes", extra)


@pytest.mark.parametrize("subject", [
    "自动回复: [Vote 7] Approve the 2027 budget", "来自网易邮箱的自动回复", "【自動返信】[Vote 7] Approve the 2027 budget",
    "Automatic reply: [Vote 7] Approve the 2027 budget", "Out of office: [Vote 7] Keep the name — yes or no?",
    "Out of Office", "Auto-reply: [Vote 7] Yes or no on the budget", "Automatic reply: Yesterday's minutes",
])
def test_automatic_replies_stay_guesses(subject):
    assert automatic_subject(subject)
    notice = read(mail(subject, "I am away until 9 December.", extra=COREMAIL))
    assert notice.auto_reply and notice.auto_reply_guessed


def test_members_replies_with_automatic_words_in_their_subjects_are_counted(net):
    ballots = net.open_vote("[Vote] 启用自动回复", "Closes: in 7 days\n\nApprove?")
    net.advance(hours=1)
    net.reply(ballots["li@example.org"], subject="回复：[Vote 1] 启用自动回复", quote=False, body="同意",
              headers={"X-Mailer": "Coremail Webmail Server Version 2.0 (163.com)"})
    net.reply(ballots["sofia@example.org"], subject="Auto-reply: YES", quote=False, body="Yes",
              headers={"X-Mailer": "WebService/1.1.22876 YMailNorrin"})
    net.reply(ballots["jean@example.org"], subject="Out of office: [Vote 1] 启用自动回复 - YES", quote=False, body="Yes",
              headers={"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0"})
    net.step()
    out = net.new_messages()
    for member, recorded in (("li@example.org", "is recorded: Yes."), ("sofia@example.org", "is recorded: Yes."),
                             ("jean@example.org", "est enregistré : Oui.")):  # Jean reads French
        assert recorded in net.only_message_to(member, out).text
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 3
    assert not net.stack.folder_counts().get("Quarantine")
