"""The sending limits of the providers the README recommends, by `sending.provider`.

Convenor sends one message per recipient, so a recipient limit is a message limit here.
Each figure says where it comes from; "chosen" means the provider publishes no figure and
Convenor keeps well under what is seen to work. `sending.max_per_minute` / `max_per_day`
override any of them (set them lower still for a new or trial account).
"""
from __future__ import annotations

from workflows.sending.pacing import SendingLimits

# name: (per minute, per day, connections at once, where the figures come from)
PROFILES: dict[str, tuple[int | None, int | None, int | None, str]] = {
    "gmail": (20, 500, 1,
              "Google, 'Gmail sending limits' (support.google.com/mail/answer/22839): about 500 "
              "recipients in a rolling 24 h, then '550 5.4.5 Daily user sending limit exceeded'; "
              "per minute not published: 20 chosen"),
    "google-workspace": (60, 2000, 1,
                         "Google, 'Gmail sending limits in Google Workspace' (support.google.com/a/answer/166852): "
                         "2,000 messages a day per user (10,000 recipients); per minute not published: 60 chosen"),
    "microsoft365": (30, 10000, 3,
                     "Microsoft, 'Exchange Online limits' (learn.microsoft.com/office365/servicedescriptions/"
                     "exchange-online-service-description/exchange-online-limits): 30 messages a minute, "
                     "10,000 recipients a day, 3 concurrent SMTP AUTH connections"),
    "fastmail": (60, 2000, 1,
                 "Fastmail, 'Account limits' (fastmail.com/help/account/limits.html): daily sending limits "
                 "depend on the plan; 2,000 a day and 60 a minute chosen to stay under every paid plan's"),
    "custom": (None, None, None, "no limits unless max_per_minute / max_per_day are set"),
}


def limits_for(provider: str, max_per_minute: int | None = None, max_per_day: int | None = None) -> SendingLimits:
    """The limits of `provider`, with the explicit settings taking precedence."""
    per_minute, per_day, connections, _source = PROFILES[provider]
    return SendingLimits(per_minute=max_per_minute or per_minute, per_day=max_per_day or per_day,
                         connections=connections)
