"""auto_reply_reason and is_list_traffic: mail that no person wrote is never answered."""
from __future__ import annotations

import email
import email.policy
import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailer.autoreply import auto_reply_reason
from mailer.autoreply_headers import is_list_traffic

CORPUS = Path(os.environ.get("CONVENOR_CORPUS")
              or Path(__file__).resolve().parents[2] / "shared" / "corpus")


def message(subject: str = "Re: [Vote 7] Budget", **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Alice <alice@example.org>"
    msg["To"] = "network+abcdefghijklmnop@example.org"
    msg["Subject"] = subject
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content("YES\n")
    return msg


def test_ordinary_reply_is_human():
    assert auto_reply_reason(message()) is None
    assert not is_list_traffic(message())


def test_outlook_mail_with_auto_response_suppress_is_human():
    msg = message(X_Auto_Response_Suppress="All", X_MS_Has_Attach="", Thread_Index="AdqX")
    assert auto_reply_reason(msg) is None


@pytest.mark.parametrize("headers, reason", [
    ({"Auto_Submitted": "auto-replied"}, "Auto-Submitted: auto-replied"),
    ({"Auto_Submitted": "auto-generated (failure)"}, "Auto-Submitted: auto-generated"),
    ({"Auto_Submitted": "Auto-Notified; owner-email=x@example.org"},
     "Auto-Submitted: auto-notified"),
    ({"Precedence": "bulk"}, "Precedence: bulk"),
    ({"Precedence": "junk"}, "Precedence: junk"),
    ({"Precedence": "auto_reply"}, "Precedence: auto_reply"),
    ({"X_Autoreply": "yes"}, "X-Autoreply header"),
    ({"X_Autorespond": "Vacation"}, "X-Autorespond header"),
    ({"X_Auto_Response": "OOF"}, "X-Auto-Response header"),
    ({"X_Auto_Response_Suppress": "All", "X_Autoreply": "yes"}, "X-Autoreply header"),
])
def test_automatic_headers(headers, reason):
    assert auto_reply_reason(message(**headers)) == reason


@pytest.mark.parametrize("headers", [
    {"Auto_Submitted": "no"}, {"Auto_Submitted": " No "}, {"Precedence": "first-class"},
    {"X_Autoreply": "no"},
])
def test_headers_that_mean_human(headers):
    assert auto_reply_reason(message(**headers)) is None


@pytest.mark.parametrize("subject", [
    "Out of Office: [Vote 7] Budget", "Out of the office", "Automatic reply: [Vote 7] Budget",
    "Auto: Re: [Vote 7]", "Autoreply: hello", "Auto-Reply: away", "AutoReply",
    "Réponse automatique : [Vote 7] Budget", "Absence : [Vote 7]", "Absence du bureau",
    "Abwesenheitsnotiz: [Vote 7] Budget", "Automatische Antwort: Budget",
    "Fuera de la oficina: [Vote 7]", "Respuesta automática: Re: Budget",
    "Risposta automatica: Budget", "Automatisch antwoord: Budget", "Autosvar: Budget",
    "Odpowiedź automatyczna: Budget", "自動応答: Budget", "RE: Out of Office", "On vacation",
])
def test_out_of_office_subjects(subject):
    reason = auto_reply_reason(message(subject))
    assert reason is not None and "subject" in reason


@pytest.mark.parametrize("subject", [
    "Re: [Vote 7] Budget", "Re: [Meeting 3] Absence of a quorum last time",
    "Automatic replies are annoying", "Re: [Draft 2] Out-of-office policy for volunteers",
    "About the office move", "Re: auto insurance for the van", "",
])
def test_human_subjects(subject):
    assert auto_reply_reason(message(subject)) is None


@pytest.mark.parametrize("headers", [
    {"List_Id": "Friends <friends.lists.example.org>"},
    {"Mailing_List": "contact friends-help@example.org; run by ezmlm"},
    {"X_Mailman_Version": "3.3.8"},
    {"List_Unsubscribe": "<mailto:leave@example.org>", "Precedence": "list"},
    {"List_Unsubscribe": "<https://example.org/u>", "Precedence": "bulk"},
    {"Precedence": "list"},  # a list's mark on its members' own mail: list traffic, no auto-reply
])
def test_list_traffic(headers):
    assert is_list_traffic(message(**headers))


def test_list_unsubscribe_alone_is_not_list_traffic():
    assert not is_list_traffic(message(List_Unsubscribe="<mailto:leave@example.org>"))


def test_undecodable_headers_do_not_raise():
    raw = (b"From: =?koi8-r?b?8NLP18XSy8E=?= <x@example.org>\nSubject: =?bogus?q?=FF=FE?=\n"
           b"Auto-Submitted: \xff\xfe\nPrecedence: \x00\nList-Id: <\xff>\n\nbody\n")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    auto_reply_reason(msg)
    assert is_list_traffic(msg)


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "mailman3").is_dir(), reason="no mailman3 corpus")
def test_mailman3_corpus_without_exceptions():
    paths = sorted((CORPUS / "mailman3").glob("*.eml"))
    assert paths
    for path in paths:
        for policy in (email.policy.default, email.policy.compat32):
            msg = email.message_from_bytes(path.read_bytes(), policy=policy)
            reason = auto_reply_reason(msg)
            assert reason is None or isinstance(reason, str)
            assert isinstance(is_list_traffic(msg), bool)


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "flufl.bounce").is_dir(), reason="no flufl.bounce corpus")
def test_bounces_carrying_auto_submitted_are_automatic():
    for name in ("dsn_11.txt", "sendmail_01.txt", "simple_16.txt"):
        msg = email.message_from_bytes((CORPUS / "flufl.bounce" / name).read_bytes(),
                                       policy=email.policy.default)
        assert auto_reply_reason(msg).startswith("Auto-Submitted"), name


def test_a_no_reply_sender_is_a_person_when_their_mail_program_is_one_read_once():
    """The mail program a message names (User-Agent, X-Mailer) is read once and serves both
    checks: any program at all makes a weak sign a person's, and a person's program (Thunderbird,
    Outlook …) makes a no-reply sender's mail a person's."""
    from mailer.autoreply import NO_REPLY_REASON
    from mailer.autoreply_headers import written_in_a_person_client as _written_in_a_person_client

    def from_no_reply(**headers):
        msg = message(**headers)
        msg.replace_header("From", "Office <no-reply@example.org>")
        return msg

    assert auto_reply_reason(from_no_reply()) == NO_REPLY_REASON
    assert auto_reply_reason(from_no_reply(User_Agent="Mozilla/5.0 Thunderbird/115.0")) is None
    assert auto_reply_reason(from_no_reply(X_Mailer="Microsoft Outlook 16.0")) is None
    assert auto_reply_reason(from_no_reply(X_Mailer="PHPMailer 6.8")) == NO_REPLY_REASON
    assert _written_in_a_person_client(["PHPMailer 6.8", "Apple Mail (2.3731)"])
    assert not _written_in_a_person_client(["PHPMailer 6.8"])


def test_a_guess_by_the_subject_is_read_from_the_reason_never_stored_apart():
    """`InboundMail.auto_reply_by_subject` is what its `auto_reply_reason` says (a stored flag
    could disagree with it, as in a copy of the mail with another reason)."""
    import dataclasses

    from mailer.autoreply import SUBJECT_REASON
    from mailer.parse import parse_message

    raw = (b"From: Alice <alice@example.org>\r\nTo: network@example.org\r\nSubject: Automatic reply: Budget\r\n"
           b"In-Reply-To: <1@example.org>\r\n\r\nBack on Monday.\r\n")
    mail = parse_message(raw, "network@example.org")
    assert mail.auto_reply_reason == SUBJECT_REASON and mail.auto_reply_by_subject
    told = dataclasses.replace(mail, auto_reply_reason="Auto-Submitted: auto-replied")
    assert not told.auto_reply_by_subject
    assert "auto_reply_by_subject" not in {f.name for f in dataclasses.fields(mail)}
