"""What each workflow answers, written out in one place: token kinds, new-item tags, commands,
subject references, timers, status sections.

The router (`workflows/routing/router.py`) and the clock (`workflows/routing/tick.py`) read these
tables; nothing registers itself by being imported. To add a workflow's entry, add it here.

Handler signatures:
- token reply:   fn(ctx, mail, member, token_row) -> str   (a short outcome, for the record)
- new item:      fn(ctx, mail, member) -> str               (a coordinator's "[Draft] …" message)
- command:       fn(ctx, mail, member, argument) -> str     (first word of the text, e.g. HELP)
- timer:         fn(ctx, timer_row) -> str                  (timer kind, e.g. "draft.deadline")
- status:        fn(db, now) -> dict                        (a section of `convenor status`)
- subject ref:   fn(db, number) -> (item kind, item id) | None (for "[Draft 7]" fallbacks)
- describe:      fn(db, item_id) -> dict                    (an item, for `convenor inspect`)
"""
from __future__ import annotations

from workflows.announcements import scheduling as announcements
from workflows.drafts import circulation as drafts
from workflows.drafts import deadlines as draft_deadlines
from workflows.drafts import steering as draft_steering
from workflows.meetings import poll_copies, polls, requests as meeting_requests, series as meetings
from workflows.meetings import steering as meeting_steering
from workflows.membership import addresses, bounces, commands, forwards, leave, strangers, subcommittees
from workflows.trust import confirming as trust
from workflows.sending import fanout
from workflows.record import actions as record_actions, decisions as record_decisions
from workflows.record import documents as record_documents, minutes as record_minutes
from workflows.record import outcomes as record_outcomes
from workflows.votes import ballots, closing as vote_closing, replies as vote_replies
from workflows.votes import request as vote_request

# Replies carrying a token of this item kind.
TOKEN_REPLIES = {
    "draft": drafts.member_reply,
    "draft-admin": draft_steering.author_reply,
    "vote": vote_replies.ballot_reply,
    "vote-admin": vote_replies.admin_reply,
    "poll": polls.poll_reply,
    "poll-admin": polls.poll_admin_reply,
    "meeting": meetings.meeting_reply,
    "meeting-admin": meeting_steering.admin_reply,
    "announce": announcements.announce_reply,
    "forward": forwards.coordinator_answer,
    "action": record_actions.owner_reply,
    "minutes": record_minutes.reply,
    # "confirm" (a held message's confirmation) is the router's own: it routes the held message
    "address-primary": addresses.confirmation_reply,
    "address-other": addresses.confirmation_reply,
}

# Token kinds that must come back from an address which is not yet the owner's (the address being
# added answers its own confirmation): fn(db, token_row) -> the one address allowed, or None.
TOKEN_SENDERS = {
    "address-other": addresses.allowed_sender,
}

# Token kinds only a coordinator may answer (a vote's CLOSE / CANCEL, a poll's CHOOSE, a draft's or
# a meeting's steering, an answer to a forwarded message, which goes out from the list address):
# a token of someone who is no longer an active coordinator changes nothing.
COORDINATOR_TOKENS = {"draft-admin", "vote-admin", "poll-admin", "meeting-admin", "forward"}

# A coordinator's new item: (the subject tags, in English and French; the handler).
NEW_ITEMS = [
    (drafts.NEW_ITEM_TAGS, drafts.circulate),
    (vote_request.NEW_ITEM_TAGS, ballots.open_vote),
    (meeting_requests.NEW_ITEM_TAGS, meeting_requests.new_meeting),
    (announcements.NEW_ITEM_TAGS, announcements.new_announcement),
    (record_actions.NEW_ITEM_TAGS, record_actions.new_action_message),
]

# Commands by email: the first word of the member's text.
COMMANDS = {
    **dict.fromkeys(commands.HELP_WORDS, commands.help_command),
    **dict.fromkeys(("JOIN", "REJOINDRE"), subcommittees.join_command),
    **dict.fromkeys(("LEAVE", "QUITTER"), subcommittees.leave_command),
    **dict.fromkeys(("STATUS", "STATUT", "ÉTAT", "ETAT"), subcommittees.status_command),
    **dict.fromkeys(("UNSUBSCRIBE", "DESABONNER", "DÉSABONNER", "DÉSABONNEMENT", "DESABONNEMENT"),
                    announcements.unsubscribe_command),
    **dict.fromkeys(("SUBSCRIBE", "ABONNER", "ABONNEMENT"), announcements.subscribe_command),
    **dict.fromkeys(("AWAY", "ABSENT", "ABSENTE"), leave.away_command),
    **dict.fromkeys(("BACK", "RETOUR"), leave.back_command),
    **dict.fromkeys(("DECISIONS", "DÉCISIONS"), record_decisions.decisions_command),
    **dict.fromkeys(("ACTIONS", "TÂCHES", "TACHES"), record_actions.actions_command),
    **dict.fromkeys(("SEND", "ENVOYER"), record_documents.send_command),
    **dict.fromkeys(("ADDRESS", "ADRESSE"), addresses.address_command),
}

# How many words each command takes after it, and (when given) a check that they name something
# that exists: fn(db, argument) -> bool. A message is a command only when it is exactly that.
COMMAND_ARGUMENTS = {
    **dict.fromkeys((*commands.HELP_WORDS, "STATUS", "STATUT", "ÉTAT", "ETAT", "UNSUBSCRIBE", "DESABONNER",
                     "DÉSABONNER", "DÉSABONNEMENT", "DESABONNEMENT", "SUBSCRIBE", "ABONNER", "ABONNEMENT"),
                    (0, 0, None)),
    **dict.fromkeys(("JOIN", "REJOINDRE", "LEAVE", "QUITTER"), (1, 6, subcommittees.names_one)),
    **dict.fromkeys(("AWAY", "ABSENT", "ABSENTE"), (1, 6, None)),   # the date is read (or refused) by the command
    **dict.fromkeys(("BACK", "RETOUR"), (0, 0, None)),
    **dict.fromkeys(("DECISIONS", "DÉCISIONS"), (0, 8, None)),      # words, a year or a number to look for
    **dict.fromkeys(("ACTIONS", "TÂCHES", "TACHES"), (0, 0, None)),
    **dict.fromkeys(("SEND", "ENVOYER"), (0, 12, None)),            # a document's number or words of its title
    **dict.fromkeys(("ADDRESS", "ADRESSE"), (2, 2, None)),
}

# Commands that change someone's membership: held for confirmation unless verified (the name
# the confirmation gives the change).
MEMBERSHIP_CHANGES = {
    subcommittees.join_command: "JOIN",
    subcommittees.leave_command: "LEAVE",
    announcements.subscribe_command: "SUBSCRIBE",
    announcements.unsubscribe_command: "UNSUBSCRIBE",
    leave.away_command: "AWAY",
    leave.back_command: "BACK",
    addresses.address_command: "ADDRESS",
}

# The item a "[Draft 7]" subject names, for a member's reply that lost its token.
SUBJECT_REFERENCES = {
    "draft": draft_deadlines.draft_by_number,
    "meeting": meetings.meeting_ref,
    "poll": polls.poll_ref,
    "action": record_actions.action_by_number,
}

# Kinds where a subject reference alone must not act (a vote needs the ballot's token):
# (fn(db, number) -> item | None, the answer fn(ctx, mail, member, number) -> str).
REFERENCES_WITHOUT_TOKEN = {
    "vote": (vote_replies.vote_by_number, vote_replies.reference_without_token),
}

# Time-driven work, by timer kind.
TIMERS = {
    "draft.reminder": draft_deadlines.remind,
    "draft.deadline": draft_deadlines.close_and_digest,
    "vote.reminder": vote_closing.remind,
    "vote.close": vote_closing.close_on_time,
    "meeting.poll": polls.poll_timer,
    "poll.remind": polls.remind_timer,
    "poll.close": polls.close_timer,
    "meeting.announce": meetings.announce_timer,
    "meeting.remind": meetings.remind_timer,
    "meeting.agenda": meetings.agenda_timer,
    "announce.send": announcements.send_timer,
    "trust.expire": trust.expire_held,
    fanout.TIMER: fanout.fanout_done,
    "strangers.summary": strangers.summary_timer,
    "action.before": record_actions.remind,
    "action.after": record_actions.remind,
}

# Run at every tick, each in its own transaction, before due timers are read.
TICK_HOOKS = [meetings.plan_series, bounces.clear_faded, record_outcomes.backfill, record_minutes.draft_due,
              vote_closing.tell_ballots_that_went, meetings.tell_announcements_that_went,
              poll_copies.tell_polls_that_went]

# What an item does when its copies are too large for the mail provider and their fan-out stops
# (`workflows.sending.oversize`): fn(ctx, item_id, copies that went) -> (who answers for it, what
# became of it). Items not listed: every coordinator is told, the item stays as it is.
OVERSIZE_STOPPED = {
    "draft": draft_steering.oversize_stopped,
    "vote": vote_closing.oversize_stopped,
}

# Sections of `convenor status`.
STATUS_SECTIONS = {
    "drafts": draft_deadlines.drafts_status,
    "votes": vote_closing.votes_status,
    "meetings": meetings.status,
    "trust": trust.status,
}

# How `convenor inspect` (and the notices naming an item: `workflows.sending.oversize`, a reply on
# another member's copy) describe the item a token points to.
ITEM_DESCRIBERS = {
    "draft": draft_deadlines.describe,
    "vote": ballots.describe_vote,
    "vote-admin": ballots.describe_vote_admin,
    "meeting": meetings.describe_meeting,
    "meeting-admin": meetings.describe_meeting,
    "poll": polls.describe_poll,
    "poll-admin": polls.describe_poll,
    "draft-admin": draft_deadlines.describe,
    "action": record_actions.describe,
    "announce": announcements.describe,
}
