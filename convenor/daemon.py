"""The daemon: one loop that takes mail in, does what is due, and sends what is queued.

On start it does every piece of time-driven work that fell due while it was down (once),
handles the mail waiting, and sends the outbox. Then it waits on the mailbox (IMAP IDLE or
polling) and is woken early by APScheduler when the next timer or retry falls due. SIGTERM and
SIGINT stop it after the transaction in flight.
"""
from __future__ import annotations

import logging
import signal
import threading
from datetime import datetime, timedelta, timezone
from typing import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from convenor.delivery import deliver_due
from convenor.handoff_listener import HandoffListener
from convenor.intake import take_in_batches
from convenor.governor import next_send_time
from convenor.lock import StoreLock
from convenor.error_text import traceback_without_message, where_it_failed
from convenor.pipeline import delivered_key, ingest_many
from convenor.purge import purge
from convenor.sent_care import remove_sent_copies
from convenor import smtputf8
from convenor.settings import Settings
from convenor.wiring import authenticator_from, mailbox_from, rules_from, sender_from, store_from
from mailer.mailbox import MailboxError, RawMessage
from store import notices, raw_removals, timers
from store.db import transaction
from workflows.routing.context import Context
from workflows.routing.tick import due_timers, run_timer, tick_hooks

log = logging.getLogger("convenor.daemon")

MAX_WAIT_SECONDS = 300.0
ROUND_RETRY_SECONDS = 5.0  # after an unexpected failure (e.g. the store's disk full), doubling …
ROUND_RETRY_MAX_SECONDS = 300.0  # … up to this while rounds keep failing
BATCH_MESSAGES = 100  # messages taken in by one store commit
BATCH_BYTES = 16 * 1024 * 1024
MAILBOX_ALARM = timedelta(minutes=30)  # the mailbox unreadable this long: the coordinators are told
STORE_CHECK_SECONDS = 5.0  # how often to notice work queued by another process (the CLI; `deliver` hands over or pokes)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def load_readers() -> None:
    """Import the readers the handlers import on first use, before any mail is taken: the first
    batch imported them inside its write transaction, and their patterns' compiling (and their
    gates', `workflows.reading.pattern_gates`) made a CLI write beside it wait 0.3–1.2 s (bench row 6;
    1.2 s with the modules' bytecode to rebuild). Promises: only imports, no I/O beyond them."""
    import importlib
    for name in ("workflows.reading.choices", "workflows.reading.rankings", "workflows.reading.questions",
                 "workflows.reading.poll_answers", "workflows.reading.attendance_words",
                 "workflows.reading.answer_lines", "workflows.reading.setting_lines", "workflows.record.replies",
                 "workflows.record.actions", "workflows.record.outcomes", "workflows.membership.commands",
                 "mailer.policy_refusals", "mailer.bounce_text", "mailer.text_decoding"):
        importlib.import_module(name)


class Daemon:
    """Everything `convenor run` does, with the clock injectable for tests."""

    def __init__(self, settings: Settings, clock: Callable[[], datetime] = utcnow):
        self.settings = settings
        self.clock = clock
        self.lock = StoreLock(settings.store.path)
        self.lock.acquire()
        self.db = store_from(settings)
        self.rules = rules_from(settings)
        self.authenticator = authenticator_from(settings)
        self.mailbox = mailbox_from(settings)
        self.sender = sender_from(settings)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self.handoff = HandoffListener(settings.store.path, self.wake, clock)
        self.scheduler = BackgroundScheduler(timezone=timezone.utc)
        self._purged_on = None
        self._sent_cared_on = None
        self._unreadable_since: datetime | None = None  # the first round the mailbox could not be read
        self._mail_read_at: datetime | None = None  # when the last full read of the mailbox began

    # --- one step of each kind; each is safe to call at any time ---------------------------

    def take_mail(self) -> int:
        """Handle every message waiting in the mailbox; return how many were taken.

        Messages are taken in batches (at most BATCH_MESSAGES or BATCH_BYTES): one store commit
        per batch, then one move per destination, while the next batch is fetched and taken in
        (see convenor.intake). A crash before the moves leaves them in the inbox, already
        recorded: the next run only moves them. Remembers when the read began: `tick` runs only
        the timers due by then (see there).
        """
        started = self.clock()
        taken = self.take_handed() + take_in_batches(self.mailbox, self._take_batch, self._stop.is_set,
                                                     BATCH_MESSAGES, BATCH_BYTES)
        self._mail_read_at = started
        return taken

    def _take_batch(self, batch: list) -> list[str]:
        results = ingest_many(self.db, self.rules, batch, self.clock(), self.authenticator)
        return [r.destination for r in results]

    def take_handed(self) -> int:
        """Handle the messages `convenor deliver` handed over (one commit), then answer each
        client with its outcome; return how many."""
        handed = self.handoff.take()
        if not handed:
            return 0
        try:
            results = ingest_many(self.db, self.rules,
                                  [RawMessage(delivered_key(h.raw), h.raw, h.received_at) for h in handed],
                                  self.clock(), self.authenticator)
        except BaseException:
            for h in handed:  # no answer: each client handles its message itself
                h.conn.close()
            raise
        for h, result in zip(handed, results):
            h.answer(f"{result.state}: {result.outcome}")
        log.info("%d message(s) handed over by `convenor deliver`", len(handed))
        return len(handed)

    def tick(self) -> int:
        """Do every timer due now, each in its own transaction; return how many were done.

        Only timers due by the moment the last read of the mailbox began: a close that fell due
        after it (typed on the command line, or a deadline passing while the round read) waits
        for the next round, which reads first, so a vote that reached the mailbox in between
        still counts. The loop runs that round at once (the timer is due)."""
        done = 0
        ctx = Context(self.db, self.rules, self.clock())
        read_at = min(self._mail_read_at or ctx.now, ctx.now)
        for hook in tick_hooks():
            with transaction(self.db):
                hook(ctx)
        for timer in due_timers(ctx):
            if self._stop.is_set():
                break
            if timer["due_at"] > read_at:
                continue  # the mail that reached the mailbox before it is not all read yet
            with transaction(self.db):
                if not timers.is_pending(self.db, timer["id"]):
                    continue
                outcome = run_timer(Context(self.db, self.rules, ctx.now), timer)
            log.info("timer %s %s for item %s: %s", timer["id"], timer["kind"], timer["item_id"], outcome)
            done += 1
        return done

    def purge_if_due(self) -> None:
        """Once a day, blank what members wrote `privacy.purge_after_days` after it closed."""
        days = self.settings.privacy.purge_after_days
        today = self.clock().date()
        if days is None or self._purged_on == today:
            return
        report = purge(self.db, self.clock(), days)
        removed = self.mailbox.remove_processed_before(self.clock() - timedelta(days=days))
        self._purged_on = today
        if report.total or removed:
            log.info("privacy purge: %d bodies blanked (closed before %s), %d raw message(s) removed from "
                     "the processed folder", report.total, report.cutoff, removed)

    def remove_raw(self) -> None:
        """Remove from the processed folder the raw messages the store asks to lose (a closed
        secret ballot's replies); marked done only once the mailbox has done it."""
        pending = raw_removals.pending(self.db)
        if not pending:
            return
        removed = self.mailbox.remove_processed([(r["mailbox_key"], r["message_id"] or "") for r in pending])
        with transaction(self.db):
            raw_removals.mark_done(self.db, [r["id"] for r in pending], self.clock())
        log.info("%d raw message(s) removed from the processed folder (%d asked for)", removed, len(pending))

    def sent_care_if_due(self) -> None:
        """Once a day, remove Convenor's own copies from the provider's Sent folder
        (`sending.remove_sent_copies_after_days`; IMAP mailboxes only). A failure is logged."""
        days = self.settings.sending.remove_sent_copies_after_days
        today = self.clock().date()
        if days is None or self._sent_cared_on == today or not hasattr(self.mailbox, "open_session"):
            return
        self._sent_cared_on = today
        try:
            remove_sent_copies(self.db, self.mailbox, self.settings.network.list_address, days, self.clock())
        except Exception as exc:  # noqa: BLE001 - housekeeping must not stop the daemon
            log.warning("Sent folder care failed (tried again tomorrow): %s: %s", type(exc).__name__, exc)

    def send_outbox(self) -> None:
        """Send everything queued and due."""
        s = self.settings.sending
        report = deliver_due(self.db, self.rules, self.sender, self.clock, retry_base=s.retry_base_seconds,
                             retry_max=s.retry_max_seconds, max_attempts=s.max_attempts,
                             should_stop=lambda: self._stop.is_set() or self.handoff.waiting())
        smtputf8.remember(self.db, self.sender, self.clock())
        if report.sent or report.retried or report.failed:
            log.info("outbox: %d sent, %d to retry, %d failed", report.sent, report.retried, report.failed)
        if report.waiting_until:
            log.info("outbox: the sending budget is spent; the rest waits until %s", report.waiting_until)

    def run_once(self) -> None:
        """One full round: waiting mail, due timers, the outbox, and the daily privacy purge.

        Mail is taken before timers run, so a vote, draft or poll closed by a timer counts
        everything that reached the mailbox before its close (workflows judge by arrival). When
        the mailbox cannot be read, timers wait (their closes must count the mail waiting on the
        server), but what is queued still goes out; see `mailbox_unreadable`.
        """
        try:
            self.take_mail()
        except MailboxError as exc:
            self.mailbox_unreadable(exc)
            raise
        self._unreadable_since = None
        self.tick()
        self.remove_raw()
        self.send_outbox()
        self.purge_if_due()
        self.sent_care_if_due()

    def mailbox_unreadable(self, exc: MailboxError) -> None:
        """The mailbox could not be read this round: send what is queued all the same, and once
        it has lasted MAILBOX_ALARM, tell the coordinators (at most once a day) that mail to the
        list waits unread on the server, why, and which settings to look at."""
        now = self.clock()
        self._unreadable_since = self._unreadable_since or now
        if now - self._unreadable_since >= MAILBOX_ALARM:
            with transaction(self.db):
                if notices.first_today(self.db, "", "mailbox_unreadable", now.date().isoformat()):
                    told = Context(self.db, self.rules, now).notify_coordinators(
                        "mailbox_unreadable", since=self._unreadable_since, error=str(exc))
                    log.warning("the mailbox cannot be read since %s; %d coordinator(s) told",
                                self._unreadable_since.isoformat(timespec="seconds"), told)
        self.send_outbox()

    # --- the loop -------------------------------------------------------------------------

    def next_wake(self) -> datetime | None:
        """When the next timer falls due, or the outbox can next send (a retry, the budget reopening)."""
        candidates = [t for t in (timers.next_due(self.db),
                                  next_send_time(self.db, self.rules.sending, self.clock())) if t]
        return min(candidates) if candidates else None

    def _schedule_wake(self) -> float:
        """Ask APScheduler to wake the loop at the next due moment; return the wait to use."""
        when = self.next_wake()
        for job in self.scheduler.get_jobs():
            job.remove()
        if when is None:
            return MAX_WAIT_SECONDS
        delay = (when - self.clock()).total_seconds()
        if delay <= 0:
            return 0.0
        self.scheduler.add_job(self.wake, "date", run_date=utcnow() + timedelta(seconds=delay),
                               misfire_grace_time=None, id="wake", replace_existing=True)
        return min(delay + 1.0, MAX_WAIT_SECONDS)

    def _store_version(self) -> int:
        """Changes whenever another process commits to the store."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def wake(self) -> None:
        """Wake the loop now (from a timer, a signal or another thread)."""
        self._wake.set()
        interrupt = getattr(self.mailbox, "interrupt", None)
        if interrupt:
            interrupt()

    def stop(self, *_args) -> None:
        """Ask the loop to stop after the transaction in flight."""
        log.info("stopping")
        self._stop.set()
        self.wake()

    def run(self, install_signals: bool = True) -> None:
        """Run until stopped. Logs carry no message bodies."""
        if install_signals:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        load_readers()
        self.scheduler.start()
        self.handoff.start()
        log.info("convenor running for %s (store %s)", self.settings.network.list_address,
                 self.settings.store.path)
        try:
            work_waiting, retry_in = True, ROUND_RETRY_SECONDS
            while not self._stop.is_set():
                if work_waiting:
                    self._wake.clear()  # before the round: a wake while it runs asks for another one
                    try:
                        self.run_once()
                        retry_in = ROUND_RETRY_SECONDS
                    except MailboxError as exc:
                        log.error("mailbox unavailable: %s; trying again", exc)
                    except Exception as exc:  # noqa: BLE001 - the daemon keeps going; what failed is retried
                        log.error("a round failed (%s); trying it again in %s s\n%s", where_it_failed(exc), retry_in,
                                  traceback_without_message(exc))
                        self._stop.wait(retry_in)
                        retry_in = min(retry_in * 2, ROUND_RETRY_MAX_SECONDS)
                        continue  # the same round again: its mail was not taken, its timers not done
                if self._stop.is_set():
                    break
                seen_version = self._store_version()
                wait = self._schedule_wake()
                arrived = False
                if wait > 0 and not (self._wake.is_set() or self.handoff.waiting()):
                    try:
                        arrived = self.mailbox.wait_for_mail(min(wait, STORE_CHECK_SECONDS))
                    except MailboxError as exc:
                        log.error("mailbox unavailable: %s; trying again", exc)
                        self._stop.wait(min(wait, 30))
                        arrived = True  # a round again: it reconnects, sends what is queued, tells
                due = self.next_wake()
                # a message `deliver` handed over waits for a round whatever woke the loop: its wake may
                # have come between the round's end and the wait (bench row 8: one receipt not within 10 s)
                work_waiting = (arrived or self._wake.is_set() or self.handoff.waiting()
                                or self._store_version() != seen_version or (due is not None and due <= self.clock()))
        finally:
            self.close()

    def close(self) -> None:
        """Release the hand-over socket, the mailbox, the sender, the scheduler, the store and the lock."""
        self.handoff.close()
        try:
            self.scheduler.shutdown(wait=False)
        except Exception:  # noqa: BLE001 - not started
            pass
        for part in (self.mailbox, self.sender):
            try:
                part.close()
            except Exception:  # noqa: BLE001
                log.exception("closing %s", type(part).__name__)
        self.db.close()
        self.lock.release()
