"""Taking the waiting mail in batches, the mailbox's work overlapped with the store's.

Each batch is taken in by one store commit, and only after that commit are its server copies
moved (a crash before the move leaves them in the inbox, already recorded: the next round only
moves them). What changes here is who waits: the mailbox's own work (fetching the next batch,
moving the last one) is done by one worker thread, in order, while this thread parses, routes
and commits the batch in hand; the server's time (reading the files, renaming them, IMAP round
trips) is then spent beside Convenor's instead of after it. The mailbox is still used by one
thread at a time: every call to it goes through the worker, and all of them are finished
before `take_in_batches` returns.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Iterator, Sequence

from mailer.mailbox import Mailbox, RawMessage


def take_in_batches(mailbox: Mailbox, take: Callable[[list[RawMessage]], Sequence[str]],
                    should_stop: Callable[[], bool], max_messages: int, max_bytes: int) -> int:
    """Take every waiting message: batches of at most `max_messages` (or `max_bytes`, at least
    one message), each given to `take`, which commits it and returns, per message, the folder
    role its server copy belongs in ("processed" or "quarantine"); then the copies are moved.
    Returns how many messages were taken.

    The next batch is fetched while `take` works on this one. When `take` raises, or
    `should_stop()` after a batch, the fetched but untaken messages are forgotten by the mailbox
    (the next round yields them again). A failed move is raised once the batches in hand are
    done (its messages stay in the inbox, recorded: a later round moves them).
    """
    stream = mailbox.fetch_new()
    taken = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="convenor-mailbox") as worker:
        moves: list[Future] = []
        coming = worker.submit(_next_batch, stream, max_messages, max_bytes)
        while True:
            batch = coming.result()
            if not batch:
                break
            coming = worker.submit(_next_batch, stream, max_messages, max_bytes)
            try:
                roles = take(batch)
            except BaseException:
                _forget(worker, mailbox, batch, coming)
                raise
            moves.append(worker.submit(_move, mailbox, batch, roles))
            taken += len(batch)
            if should_stop():
                _forget(worker, mailbox, [], coming)
                break
        for move in moves:
            move.result()
    return taken


def _next_batch(stream: Iterator[RawMessage], max_messages: int, max_bytes: int) -> list[RawMessage]:
    batch, size = [], 0
    for message in stream:
        batch.append(message)
        size += len(message.raw)
        if len(batch) >= max_messages or size >= max_bytes:
            break
    return batch


def _move(mailbox: Mailbox, batch: list[RawMessage], roles: Sequence[str]) -> None:
    for role in ("processed", "quarantine"):
        keys = [m.key for m, r in zip(batch, roles) if r == role]
        if keys:
            mailbox.move_many(keys, role)


def _forget(worker: ThreadPoolExecutor, mailbox: Mailbox, batch: list[RawMessage], coming: Future) -> None:
    """The batch in hand and the one fetched meanwhile are yielded again by the next round
    (through the worker, after the moves before it: the mailbox is used by one thread at a time)."""
    try:
        fetched = coming.result()
    except Exception:  # noqa: BLE001 - the fetch failed: nothing more was yielded
        fetched = []
    keys = [m.key for m in batch + fetched]
    if keys:
        worker.submit(mailbox.forget, keys).result()
