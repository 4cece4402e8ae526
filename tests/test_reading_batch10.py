"""The classes of vote replies blind batch 10 (tests/corpus_own/votes/b10v_*) found misread, one
test per class, each with the look-alikes that must keep their reading (a wrong vote costs the
network its count; asking back costs a member one more email)."""
from __future__ import annotations

from mailer.reply import read_reply
from workflows.reading.choices import read_vote
from workflows.reading.rankings import read_ranking

YES_NO = ["Yes", "No", "Abstain"]

BALLOT = """Hello Lily Chen,

Priya Raman has opened a vote. You have a vote.

Adopt the revised volunteer expenses policy

Options:
  1. (A) Yes
  2. (B) No
  3. (C) Abstain
Reply with YES, NO or ABSTAIN (or the number of an option).
Put your vote on the first line of your reply; anything below it is read as a comment."""

ZIMBRA_BLOCK = """----- Original Message -----
From: "Test Network" <network+abc@example.org>
To: "Lily Chen" <lily.chen@example.net>
Sent: Monday, January 4, 2027 9:00:00 AM
Subject: [Vote 41] Adopt the revised volunteer expenses policy
"""


def _quoted(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def _vote(body: str, options=YES_NO):
    reply = read_reply(body)
    reading = read_vote(reply.new_text, options, body)
    return options[reading.choice] if reading.choice is not None else None


def test_an_answer_written_inline_under_a_zimbra_header_block_is_read():
    """Zimbra's "----- Original Message -----" block above a `>` quote, nothing written above it:
    the block introduces the quote as an attribution does, and the member's lines between the
    quoted lines are their answer (in any language Zimbra writes the block in)."""
    lines = _quoted(BALLOT).split("\n")
    at = lines.index(">   3. (C) Abstain") + 1
    inline = "\n".join(lines[:at] + ["", "No. The cap should be $40.", ""] + lines[at:])
    assert read_reply("\n" + ZIMBRA_BLOCK + "\n" + inline).new_text == "No. The cap should be $40."
    assert _vote("\n" + ZIMBRA_BLOCK + "\n" + inline) == "No"
    french = ZIMBRA_BLOCK.replace("----- Original Message -----", "----- Mail original -----")
    assert _vote("\n" + french + "\n" + inline.replace("No. The cap should be $40.", "OUI")) == "Yes"
    # still quote: a top-posted answer's block and all below it; an unprefixed original; no answer at all
    assert read_reply("Abstain\n\n" + ZIMBRA_BLOCK + "\n" + inline).new_text == "Abstain"
    assert read_reply("\n" + ZIMBRA_BLOCK + "\n" + BALLOT).new_text == ""
    assert read_reply("\n" + ZIMBRA_BLOCK + "\n" + _quoted(BALLOT)).new_text == ""
    assert _vote("\n" + ZIMBRA_BLOCK + "\n" + _quoted(BALLOT)) is None


def test_a_mark_beside_the_one_option_line_the_member_kept_in_the_quote_is_read():
    """The member deleted the other quoted option lines and marked the one they kept (nothing
    written above the quote): that option is the vote. Kept lines with no mark, or two kept and
    both marked, are no vote."""
    attribution = "On Mon, Jan 4, 2027 at 9:00 AM Test Network <network+abc@example.org> wrote:\n\n"
    kept_one = _quoted(BALLOT.replace("  1. (A) Yes\n  2. (B) No\n  3. (C) Abstain", "  1. (A) Yes   X"))
    assert _vote(attribution + kept_one) == "Yes"
    kept_two = _quoted(BALLOT.replace("  1. (A) Yes\n  2. (B) No\n  3. (C) Abstain", "  1. (A) Yes   X\n  3. (C) Abstain X"))
    assert _vote(attribution + kept_two) is None
    unmarked = _quoted(BALLOT.replace("  1. (A) Yes\n  2. (B) No\n  3. (C) Abstain", "  2. (B) No"))
    assert _vote(attribution + unmarked) is None
    # a marked line that is not under the ballot's "Options:" line belongs to another list: not read
    assert _vote(attribution + "> Agenda:\n>   1. (A) Yes   X\n> something else") is None
    # the whole list quoted, one marked, still read; the answer above the quote still decides
    assert _vote(attribution + _quoted(BALLOT.replace("  2. (B) No", "  2. (B) No  <--"))) == "No"
    assert _vote("Abstain\n\n" + attribution + _quoted(BALLOT)) == "Abstain"


def _read(text: str, options=YES_NO):
    reading = read_vote(text, options)
    return options[reading.choice] if reading.choice is not None else None


def test_the_ballot_acknowledged_and_read_later_is_asked_back_in_any_language():
    """"Yes, received, I'll read it tonight" answers whether the ballot arrived: the vote is still to
    come. Counted were French, Russian and Japanese (English already was asked back)."""
    for text in ("Oui, bien reçu. Je le lis ce soir.", "Да, получила, спасибо. Прочитаю вечером.",
                 "はい、受け取りました。今夜読みます。", "Ja, habe es bekommen. Lese es morgen.", "Yes, I'll read it tonight."):
        assert _read(text) is None, text
    # still votes: a receipt thanked after a firm answer on its own line, a word that only looks alike
    for text, want in (("Oui", "Yes"), ("Oui, je reçois bien vos messages et je vote pour.", "Yes"), ("Да", "Yes"),
                       ("はい", "Yes"), ("Nein, danke.", "No")):
        assert _read(text) == want, text


def test_a_vote_taken_back_as_a_mistake_in_other_languages_counts_the_corrected_one():
    """"Contre. Pardon, je me suis trompée de ligne : pour !" and "Nein – falsch gelesen. Ja!" count
    the answer written after the member's own "I was wrong"; nothing clear after it is asked back."""
    assert _read("Contre.\nPardon, je me suis trompée de ligne : pour !") == "Yes"
    assert _read("Nein – Moment, falsch gelesen. Ja!") == "Yes"
    assert _read("Sí. Me equivoqué: no.") == "No"
    assert _read("Yes. My mistake, I meant abstain.") == "Abstain"
    assert _read("Contre. Pardon, je me suis trompée.") is None
    assert _read("Contre.") == "No"


def test_a_question_after_but_leaves_the_answer_open():
    """"Ja, maar wat kost het ons precies?": the answer waits on the question (asked back); a question
    about something else in its own sentence after a firm answer does not."""
    for text in ("Ja, maar wat kost het ons precies per jaar?", "Yes, but who pays for the childcare part?",
                 "Oui, mais combien ça coûte ?"):
        assert _read(text) is None, text
    assert _read("Yes. Also - when is the next potluck? I lost the email.") == "Yes"
    assert _read("Not sure about it, but yes") == "Yes"


def test_yes_to_an_errand_is_no_vote():
    """"Yes, I can bring the banner …" agrees to do something else: asked back; "Yes, I can live with
    that" and "Yes, I'll support it" are votes."""
    assert _read("Yes, I can bring the banner to the rally on Saturday. Who has the key?") is None
    assert _read("Sure, I can drive people to the park.") is None
    for text in ("Yes, I can live with that.", "Yes, I'll support it.", "Yes, we can sign it.", "Yes, I agree."):
        assert _read(text) == "Yes", text


def test_a_candidate_written_to_is_not_voted_for():
    """"Mariam, I hope you're feeling better!" speaks to a candidate: no vote; a line that gives her
    the vote, or speaks of her, is one."""
    people = ["Ifeoma Okeke", "Daniel Lévesque", "Mariam Siddiqui"]
    assert _read("Mariam, I hope you're feeling better! See you at the meeting.", people) is None
    assert _read("Mariam, you have my vote!", people) == "Mariam Siddiqui"
    assert _read("Mariam, she did a great job on the audit.", people) == "Mariam Siddiqui"
    assert _read("Daniel, je vote pour toi.", people) == "Daniel Lévesque"


def test_rank_numbers_out_of_order_on_a_ranking_one_per_line_are_asked_back():
    """"1. Childcare / 1. Food banks" is a tie the ballot cannot record, "2. X / 1. Y" is out of
    order: asked back (they were read in the order written); 1, 2, 3 in order and unnumbered lists
    are read as before."""
    themes = ["Childcare", "Public libraries", "Bike lanes", "Food banks"]
    assert read_ranking("1. Childcare\n1. Food banks\n2. Bike lanes", themes).ranking is None
    assert read_ranking("2. Childcare\n1. Food banks", themes).ranking is None
    assert read_ranking("1. Childcare\n2. Food banks\n3. Bike lanes\n\nThanks!", themes).ranking == [0, 3, 2]
    assert read_ranking("Childcare\nFood banks", themes).ranking == [0, 3]
