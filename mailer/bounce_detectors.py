"""flufl.bounce's detectors, each run on its own: one that trips on a message stops only itself.

flufl.bounce's `all_failures` runs its detectors in order and, when one raises, logs the whole
traceback through the "flufl.bounce" logger and raises again, so the detectors after it never run.
Its Sina detector does so on any message whose From header holds raw 8-bit bytes (the email
package hands such a header back as a `Header` object, which has no `.lower()`), and the bounce
reader would lose every verdict for that message. Here the same detectors run in the library's own
order (its `_scan._DETECTORS` list: flufl.bounce is pinned with ==, so the private name is read
once at import and checked by tests/test_bounce_detectors.py); a detector that raises is passed
over and the next one goes on; those that raised on a message are logged in one line naming them
and the exceptions' classes (never their text, never a word of the message). Sina and Yahoo both
read From that way.
"""
from __future__ import annotations

import logging
from email.message import Message

from flufl.bounce._scan import _DETECTORS

log = logging.getLogger("convenor.bounce")

Recipients = frozenset  # of bytes addresses, as flufl.bounce gives them


def all_failures(msg: Message) -> tuple[Recipients, Recipients]:
    """(temporary, permanent) failed recipients, as flufl.bounce's `all_failures` reads them: the
    first detector that finds any gives the answer. Promises: never raises for a detector's
    failure; the later detectors still run, and the detectors that failed on the message are
    logged in one line (their names and the exceptions' classes, no message content)."""
    failed: list[str] = []
    answer: tuple[Recipients, Recipients] = (frozenset(), frozenset())
    for detector in _DETECTORS:
        try:
            temporary, permanent = detector().process(msg)
        except Exception as exc:  # noqa: BLE001 - a detector's bug on odd input is no verdict
            failed.append(f"{detector.__name__} ({type(exc).__name__})")
            continue
        if temporary or permanent:
            answer = (frozenset(temporary), frozenset(permanent))
            break
    if failed:
        log.info("bounce detectors that could not read a message, the others went on: %s", ", ".join(failed))
    return answer
