"""A member answers, then says another option is better: one reader of "X is better"
(workflows/reading/better_remarks.py) serves the concession ("…, though the hall is better") and the
last remark ("…, in person's better") alike, so the same words leave the answer open on both sides."""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, ASSEMBLY, CANDIDATES, NAMES, NEWSLETTER, SECRETARY, VENUES, YES_NO, check
from workflows.reading.better_remarks import better_remark, makes_comparison


@pytest.mark.parametrize("segment, subject, conceded", [
    ("though oluwaseun is better", "oluwaseun", True),
    ("in person's better", "in person", False),
    ("honestly the hall would be much better imo", "the hall", False),
    ("aber der park wäre besser", "der park", True),
    ("but st mary's is best", "st mary's", True),
])
def test_the_remark_and_its_subject_are_found(segment, subject, conceded):
    assert better_remark(segment) == (subject, conceded)


@pytest.mark.parametrize("segment", [
    "better late than never", "the park's better for parking than the hall", "best wishes from my mum",
    "it's better that way, i think we should go", "better", "is better",
])
def test_what_is_no_remark_that_something_is_better(segment):
    assert better_remark(segment) is None


def test_a_comparison_is_found_anywhere_in_a_segment():
    assert makes_comparison("the park's much better but it floods")
    assert not makes_comparison("better late than never")


@pytest.mark.parametrize("reply, options, title", [
    # the words one side knew before are now read on the other too
    ("Online, though the hall would be much better", VENUES, ASSEMBLY),  # a degree word after a concession
    ("Marta, aber Oluwaseun wäre besser", CANDIDATES, SECRETARY),  # German after a concession
    ("Online, the park seems best", VENUES, ASSEMBLY),  # "seems … best" as the last remark
    ("Online, but in person is better", VENUES, ASSEMBLY),
    ("Online, though in person would be much better", VENUES, ASSEMBLY),
    ("Riverside Park, honestly the other one seems best", VENUES, ASSEMBLY),
    ("Marta, though the other candidate seems better", CANDIDATES, SECRETARY),
    ("The Bridge, though honestly Common Ground is better", NAMES, NEWSLETTER),
])
def test_another_option_said_better_after_the_answer_is_asked_back(reply, options, title):
    check(reply, ASKED, title, options)


@pytest.mark.parametrize("reply, expected, options, title", [
    ("Online, it's much better for carers", "Online", VENUES, ASSEMBLY),
    ("Online, that seems best", "Online", VENUES, ASSEMBLY),
    ("Marta, her minutes are better", "Marta Kowalska", CANDIDATES, SECRETARY),
    ("Marta, she'd be much better", "Marta Kowalska", CANDIDATES, SECRETARY),
    ("The Bridge, the logo's way better", "The Bridge", NAMES, NEWSLETTER),
    ("Online. The park's better but it floods", "Online", VENUES, ASSEMBLY),
    ("Yes, though sooner would be better", "Yes", YES_NO, "Vote 51 Back the tenants' petition against the rent rise"),
    ("Online, better late than never", "Online", VENUES, ASSEMBLY),
    ("Online's best", "Online", VENUES, ASSEMBLY),
    ("St Mary's Hall, though online is better for some", "St Mary's Hall", VENUES, ASSEMBLY),
])
def test_a_remark_that_names_no_other_option_keeps_the_answer(reply, expected, options, title):
    check(reply, expected, title, options)
