"""The phrases of a person casting her own vote ("I vote", "I'm voting", "je vote", "ich stimme"), defined once
(`mailer.vote_phrases`): a message saying one is never a challenge-response filter's ask, and an answer said
with one after another proposal reported before it is the member's vote on the motion.

The two lists were one apart before: the mailer knew "I'll vote", "I'm voting", "je voterai", "jeg stemmer",
"jag röstar", "głosuję" …, the reading of reported proposals "we vote", "our vote", "mijn stem". Each now knows
the union; the look-alikes below stay as they were (a filter's ask stays one, an answer about what was just
reported stays asked back)."""
from __future__ import annotations

import pytest

from mailer.vote_phrases import VOTE_PHRASES
from tests.test_machine_mail_reading import raw, read
from workflows.reading.choices import read_vote

ANSWERS = "In-Reply-To: <convenor.vote9.1@example.org>\nReferences: <convenor.vote9.1@example.org>"
OPTIONS = ["Yes", "No", "Abstain"]
TITLE = "Merge with the Eastside Tenants' Union"


def from_the_members_address(body: str, subject: str = "Re: [Vote 9] Hall") -> bytes:
    """A message answering our ballot from the member's own address, as a challenge-response filter sends its ask."""
    return raw(f"Return-Path: <sam@club.example>\nFrom: Sam Ortiz <sam@club.example>\nTo: network@example.org\n"
               f"Subject: {subject}\n{ANSWERS}", body)


# ---- a member who votes beside words like a filter's ask is a person ----

@pytest.mark.parametrize("phrase", VOTE_PHRASES)
def test_a_member_voting_beside_a_please_verify_joke_is_a_person(phrase):
    body = f"Please verify you are human before you count this :) {phrase.capitalize()} B, see https://vote.example\n\nSam\n"
    m = read(from_the_members_address(body))
    assert not m.auto_reply and m.bounce is None


@pytest.mark.parametrize("body", [
    # the phrases the mailer did not know before
    "Please verify you are human, they said at the door :) We vote yes, see https://hall.example\n\nSam\n",
    "Please verify you are human first, ha. Our vote is B: https://hall.example\n\nSam\n",
])
def test_the_phrases_the_reading_knew_make_a_members_message_a_persons_too(body):
    m = read(from_the_members_address(body))
    assert not m.auto_reply


@pytest.mark.parametrize("body", [
    "Hello,\n\nYour message is being held. Please verify you are human by clicking https://cr.example/v?id=1\n",
    # the filter names the held message's subject: a ballot's title of votes is no vote of its own
    "Hello,\n\nYour message is held.\nSubject: Your vote on the hall\n\nPlease verify you are human: "
    "https://cr.example/v?id=2\n",
    "Bonjour,\n\nVotre message est en attente.\nObjet : Votre vote sur la salle\n\nConfirmez que vous êtes un humain "
    "en cliquant sur https://cr.example/c?id=3\n",
    # "voto" alone is also the noun: only before an answer is it a vote ("Voto sì")
    "Gentile mittente,\n\nIl suo messaggio è in attesa.\nOggetto: Voto sulla sala\n\nPer consegnarlo confermi di "
    "essere una persona facendo clic qui: https://cr.example/it?id=4\n",
])
def test_a_filters_ask_that_names_a_vote_stays_a_challenge(body):
    m = read(from_the_members_address(body, subject="Confirmation: [Vote 9] Hall"))
    assert m.auto_reply and m.bounce is None


# ---- an answer said as a vote after another proposal reported before it ----

@pytest.mark.parametrize("reply, want", [
    # the phrases the reading did not know before: the member's own vote on the motion
    ("Some want to postpone the merger. I'll vote no.", "No"),
    ("Some want to postpone the merger. I'm voting yes.", "Yes"),
    # as before
    ("Some want to postpone the merger. I vote no.", "No"),
    ("Some want to postpone the merger. My vote: no.", "No"),
    ("Manche wollen die Fusion verschieben. Ich stimme mit Nein.", "No"),
])
def test_an_answer_said_as_a_vote_after_another_proposal_is_read(reply, want):
    reading = read_vote(reply, OPTIONS, title=TITLE)
    assert (OPTIONS[reading.choice] if reading.choice is not None else None, reading.ambiguous) == (want, False), reading.reason


@pytest.mark.parametrize("reply", [
    # a vote on what was just reported (postponing), not on the motion: asked back, in every tense
    "Some want to postpone the merger. I vote against that.",
    "Some want to postpone the merger. I'll vote against it.",
    "Some want to postpone the merger. I'm voting against that.",
    "Some want to postpone the merger. My vote is against that.",
    "Some want to postpone the merger. I vote for that.",
    # agreeing with what was reported: no vote of the member's own
    "Manche wollen die Fusion verschieben. Ich stimme zu.",
    "Manche wollen die Fusion verschieben. Dem stimme ich zu.",
    "Some want to postpone the merger. I support that.",
    "Some want to postpone the merger. Yes.",
])
def test_an_answer_about_the_other_proposal_is_asked_back(reply):
    reading = read_vote(reply, OPTIONS, title=TITLE)
    assert (reading.choice, reading.ambiguous) == (None, True), reading.reason


@pytest.mark.parametrize("reply", [
    # after rhetorical questions a phrase alone stands for the answer said as a vote: `ballot_context` keeps its
    # narrower list, so none of these newly counts the answer before it
    "Should we merge? Yes. Can we afford it? No. I'm voting later.",
    "Is it perfect? No. Is it good enough? Yes. Our vote was split.",
    "Is it perfect? No. Is it good enough? Yes. I'm voting with Anna.",
])
def test_a_vote_phrase_after_rhetorical_questions_that_gives_no_answer_counts_none(reply):
    reading = read_vote(reply, OPTIONS, title=TITLE)
    assert (reading.choice, reading.ambiguous) == (None, True), reading.reason
