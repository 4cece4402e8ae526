"""Replies to a vote: a member's reply to their ballot, a `[Vote N]` message without a token,
and the coordinator's CLOSE / CANCEL in reply to the vote's confirmation.

- A reply carrying a ballot token (the router has checked its From is the token owner's) is
  read with `choice_reading.read_vote`; a valid vote replaces the member's earlier one and is
  confirmed by a receipt; anything unreadable gets one request to clarify per such reply.
- A message whose subject names `[Vote N]` / `[Scrutin N]` but carries no token never counts
  (votes never fall back to From alone). The router hands it to `reference_without_token`: a
  member outside the electorate (an associate, say) is told who may vote; an eligible member
  gets their ballot again, with its links, once a day. (`subject_ref` is deliberately not
  registered for votes: the router would then take the member's latest token by From.)
"""
from __future__ import annotations

from mailer.inline_answers import answers_inside_original
from mailer.message import InboundMail
from store import outbox as store_outbox
from store import votes as store_votes
from store import members as store_members
from workflows.membership import passing_on
from workflows.membership.commands import HELP_WORDS, forward_unknown, notice_once
from workflows.reading.command_words import read_command
from workflows.reading.attendance_words import only_pleasantries
from workflows.routing.context import Context
from workflows.routing.outcomes import reading_kind
from workflows.votes import closing as vote_close
from workflows.votes import rules
from workflows.votes.ballots import send_ballot, send_confirmation
from workflows.votes.tally import is_yes_no
from workflows.votes.wording import first_line, label_of, language_of, option_views, ranking_label, reference

ADMIN_CLOSE = {"CLOSE", "CLÔTURER", "CLOTURER", "CLORE", "FERMER", "CLÔTURE", "CLOTURE"}
ADMIN_CANCEL = {"CANCEL", "ANNULER", "ANNULE", "ANNULATION"}


def ballot_reply(ctx: Context, mail: InboundMail, member: dict, token_row: dict) -> str:
    """Count, clarify or answer one reply to a ballot (its token is the member's own)."""
    from workflows.reading.choices import read_vote
    from workflows.reading.rankings import read_ranking

    vote = store_votes.get(ctx.db, token_row["item_id"])
    if vote is None:
        return "no such vote; " + forward_unknown(ctx, mail)
    lang = language_of(member, ctx.rules.network.default_language)
    arrived = ctx.arrival(mail)
    if vote["state"] != "open" or arrived >= vote["closes_at"]:
        store_votes.record_event(ctx.db, vote["id"], member["id"], "late", None, mail.message_id, arrived)
        vote_close.send_closed_notice(ctx, vote, member, in_reply_to=mail.message_id or None)
        if vote["secret"] and vote["state"] != "open":  # its close removed the others' replies already
            ctx.forget_raw = f"{reference(vote)}: a reply to a closed secret ballot"
        return f"{reference(vote)} closed before the reply arrived: it was not counted"
    elector = store_votes.elector_state(ctx.db, vote["id"], member["id"])
    if elector is None:
        send_not_eligible(ctx, vote, member, mail)
        return f"not counted: member {member['id']} is not in the electorate of {reference(vote)}"
    ranked = vote["pass_rule"] == rules.RANKED

    def read(words: str):
        # the whole text too: an option marked (or candidates ranked) in the quoted ballot is the answer
        reading = (read_ranking(words, vote["options"], mail.text) if ranked
                   else read_vote(words, vote["options"], mail.text, title=f"{reference(vote)} {vote['title'] or ''}",
                                  subject=mail.subject or ""))
        return reading, (reading.ranking[0] if reading.ranking else None) if ranked else reading.choice

    words = mail.new_text
    reading, choice = read(words)
    inside = written_inside_the_ballot(ctx.db, mail, token_row["token"]) if choice is None else ""
    if inside:  # typed between the lines of the ballot quoted below a separator (Zimbra): read with the rest
        words = f"{mail.new_text}\n\n{inside}".strip()
        reading, choice = read(words)
    if elector["voted"] and ((choice is None and only_pleasantries(words, (member["name"] or "",)))
                             or getattr(reading, "assent", False)):
        # "Thanks!" or "Sounds good" in reply to a receipt: nothing to clarify, the vote stands (assent
        # alone never replaces a vote: it reads as well as an acknowledgement of the receipt)
        ctx.send(member, "vote_clarification", reply_for=("vote", vote["id"]), vote=vote,
                 ref=reference(vote, lang), options=option_views(vote, lang), yes_no=is_yes_no(vote["options"]),
                 what_we_read="", passed_on=None, thanks=True, in_reply_to=mail.message_id or None)
        return f"{reference(vote)}: thanks after a vote: nothing changed, member told"
    if choice is None and read_command(mail, dict.fromkeys(HELP_WORDS, (0, 0, None)), member["name"] or ""):
        ctx.send(member, "help", reply_for=("vote", vote["id"]), ballot=vote, ref=reference(vote, lang),
                 options=option_views(vote, lang), yes_no=is_yes_no(vote["options"]),
                 subcommittees=store_members.subcommittees_of(ctx.db, member["id"]), in_reply_to=mail.message_id or None)
        return f"{reference(vote)}: HELP in reply to a ballot: help sent with how to vote; nothing counted"
    if choice is None:
        store_votes.record_event(ctx.db, vote["id"], member["id"], "ambiguous", None, mail.message_id, arrived)
        passed = _pass_on(ctx, mail, vote, words, counted=False)
        ctx.send(member, "vote_clarification", reply_for=("vote", vote["id"]), vote=vote,
                 ref=reference(vote, lang), options=option_views(vote, lang), yes_no=is_yes_no(vote["options"]),
                 what_we_read=first_line(words), passed_on=passed, thanks=False,
                 in_reply_to=mail.message_id or None)
        return (f"{reference(vote)}: reply not readable as a vote ({reading_kind(reading.reason)}); clarification asked"
                + (f"; {passed}" if passed else ""))
    previous = elector["voted"]
    ranking = reading.ranking if ranked else None
    code = store_votes.set_choice(ctx.db, vote["id"], member["id"], choice, arrived, ranking, secret=vote["secret"])
    # a ranking may run over several lines: there, only a question below it is passed on
    passed = _pass_on(ctx, mail, vote, _below_first_line(words), counted=True, question_only=ranked)
    # a reply to the receipt changes the vote: it carries the ballot's own token (same member,
    # same vote), so no new token is issued for every vote
    ctx.send(member, "vote_receipt", token=elector["ballot_token"],
             reply_for=None if elector["ballot_token"] else ("vote", vote["id"]), vote=vote,
             ref=reference(vote, lang), choice=ranking_label(vote, ranking) if ranked else label_of(vote, choice, lang),
             replaced=previous, receipt_code=code, passed_on=passed, in_reply_to=mail.message_id or None)
    store_votes.record_event(ctx.db, vote["id"], member["id"], "vote", choice, mail.message_id, arrived,
                             ranking=ranking, receipt_outbox_id=ctx.queued[-1])
    if vote["secret"]:
        return f"{reference(vote)}: vote recorded (secret ballot)"
    what = f"ranking of {len(ranking)}" if ranked else f"option {choice + 1}"
    return f"{reference(vote)}: vote recorded ({'changed' if previous else 'first'}): {what}"


def written_inside_the_ballot(db, mail: InboundMail, token: str) -> str:
    """The member's lines typed inside the ballot their reply quotes below a separator whose
    original is not `>`-prefixed (Zimbra's "----- Original Message -----"): the lines that are
    not the ballot's own, compared with the text it was sent with (`mailer.inline_answers`): the
    message the reply names, else the latest ballot or reminder (never a receipt or a
    clarification the reply does not name); "" when there are none or that text is no longer kept."""
    if not mail.text:
        return ""
    sent = store_outbox.text_answered(db, token, [mail.in_reply_to, *mail.references],
                                      unnamed_kinds=("vote_ballot", "vote_reminder"))
    return answers_inside_original(mail.text, sent, mail.reply_rest) if sent else ""


def _below_first_line(text: str) -> str:
    """What a member wrote below the line that holds their vote: their comment."""
    lines = (text or "").strip().splitlines()
    return "\n".join(lines[1:]).strip()


def _pass_on(ctx: Context, mail: InboundMail, vote: dict, words: str, *, counted: bool,
             question_only: bool = False) -> str | None:
    """A question or a message written on a ballot ("Can you explain the motion?", a comment of
    some length) reaches the coordinators, who can answer it by replying; returns what was done
    ("forwarded to …"), "secret" when the ballot is secret (nothing a voter writes on it is shown
    to anyone: they are told to write a new message), or None when there is nothing to pass on."""
    from workflows.reading.questions import asks_something, is_a_message
    worth = asks_something if question_only else is_a_message
    if vote["secret"]:
        return "secret" if worth(words) else None
    return passing_on.pass_on(ctx, mail, words, worth, {"kind": "ballot", "ref": reference(vote),
                                                        "title": vote["title"], "counted": counted},
                              answered=counted)


def is_secret(db, vote_id: int) -> bool:
    """True when vote `vote_id` exists and is a secret ballot."""
    vote = store_votes.get(db, vote_id)
    return bool(vote and vote["secret"])


def former_member_on_secret_ballot(ctx: Context, mail: InboundMail, member: dict, token_row: dict) -> str:
    """A reply to a secret ballot from its owner, who is no longer an active member: it does not
    count, and like everything written on a secret ballot it is shown to nobody (never passed on
    to the coordinators as a non-member's mail; its raw copy leaves the mailbox's Processed
    folder at once); the writer is told it changed nothing."""
    vote = store_votes.get(ctx.db, token_row["item_id"])
    send_not_eligible(ctx, vote, member, mail, former=True)
    ctx.forget_raw = f"{reference(vote)}: a secret ballot's reply from someone no longer a member"
    return f"not counted: member {member['id']} is no longer active; {reference(vote)} is secret: shown to nobody"


def send_not_eligible(ctx: Context, vote: dict, member: dict, mail: InboundMail, former: bool = False) -> None:
    """Tell a member politely who may vote in this vote (`former`: that they are no longer a
    member), and that their message changed nothing."""
    lang = language_of(member, ctx.rules.network.default_language)
    ctx.send(member, "vote_not_eligible", vote=vote, ref=reference(vote, lang), former=former,
             in_reply_to=mail.message_id or None)


def vote_by_number(db, number: int) -> tuple[str, int] | None:
    """("vote", id) when vote `number` exists (for "[Vote 7]" subjects), else None."""
    return ("vote", number) if store_votes.get(db, number) is not None else None


def reference_without_token(ctx: Context, mail: InboundMail, member: dict, number: int) -> str:
    """Answer a `[Vote N]` message (vote N exists) that carries no ballot token: it never counts
    (see module doc)."""
    vote = store_votes.get(ctx.db, number)
    if not store_votes.is_elector(ctx.db, vote["id"], member["id"]):
        send_not_eligible(ctx, vote, member, mail)
        return f"not counted: member {member['id']} is not in the electorate of {reference(vote)}"
    if vote["state"] != "open" or ctx.arrival(mail) >= vote["closes_at"]:
        vote_close.send_closed_notice(ctx, vote, member, in_reply_to=mail.message_id or None)
        return f"{reference(vote)} closed before the message arrived: it was not counted"
    if not notice_once(ctx, member["email"], f"ballot-again-{vote['id']}"):
        return f"not counted: no ballot token in the message; {reference(vote)} ballot already sent again today"
    send_ballot(ctx, vote, member, opener=None, resent=True)
    return f"not counted: no ballot token in the message; {reference(vote)} ballot sent again"



# --- the coordinator's CLOSE / CANCEL -----------------------------------------------------------

def admin_reply(ctx: Context, mail: InboundMail, member: dict, token_row: dict) -> str:
    """CLOSE or CANCEL in reply to a vote's confirmation acts on it, as at the moment it arrived;
    anything else is explained. One that arrived after the vote's close (read later: the daemon
    was down) finds the vote closed by its deadline, as it would have without the downtime."""
    vote = store_votes.get(ctx.db, token_row["item_id"])
    if vote is None:
        return "no such vote; " + forward_unknown(ctx, mail)
    arrived = ctx.arrival(mail)
    outcome = ""
    if vote["state"] == "open" and arrived >= vote["closes_at"]:
        outcome = vote_close.close_vote(ctx, vote["id"], how="deadline", at=vote["closes_at"]) + "; "
        vote = store_votes.get(ctx.db, vote["id"])
    action = _admin_action(mail.new_text)
    if action == "close" and vote["state"] == "open":
        return vote_close.close_vote(ctx, vote["id"], how="coordinator", at=arrived)
    if action == "cancel" and vote["state"] == "open":
        return vote_close.cancel_vote(ctx, vote["id"], how="coordinator", at=arrived)
    ballots = len(store_votes.electorate(ctx.db, vote["id"]))
    unclear = None if action else first_line(mail.new_text) or "(empty)"  # CLOSE to a closed vote is understood
    send_confirmation(ctx, vote, member, ballots=ballots, unclear=unclear,
                      in_reply_to=mail.message_id or None)
    return outcome + f"{reference(vote)}: coordinator's reply not understood ({vote['state']}); confirmation sent again"


def _admin_action(text: str) -> str | None:
    """'close' or 'cancel' when the first word of the coordinator's reply asks for it, else None."""
    words = first_line(text).upper().split()
    word = words[0].strip(" .!:,;") if words else ""
    if word in ADMIN_CLOSE:
        return "close"
    if word in ADMIN_CANCEL:
        return "cancel"
    return None
