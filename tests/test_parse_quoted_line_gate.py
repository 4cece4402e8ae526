"""`parse._quotes_a_line` answers as the "^[ \\t]*>" pattern alone does, on generated texts."""
import random

from mailer.parse import _QUOTED_LINE, _quotes_a_line


def test_the_gate_answers_as_the_pattern_does():
    rng = random.Random(17)
    alphabet = ["a", " ", "\t", "\n", "\r", ">", "é", "\u2028", "\x85", "&gt;", "»"]
    texts = ["", ">", " > x", "a\n>b", "a > b", "\t>", "x\r\n  >y", "no quote here"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(20000)]
    for text in texts:
        assert _quotes_a_line(text) == (_QUOTED_LINE.search(text) is not None), repr(text)
    assert _quotes_a_line("Yes\n\n> the ballot") and not _quotes_a_line("Yes, a > b is fine")
