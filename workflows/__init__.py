"""The network's rules. Importing this package registers every workflow with the router."""
from workflows.membership import commands
from workflows.membership import bounces
from workflows.drafts import circulation as drafts
from workflows.meetings import series as meetings
from workflows.meetings import polls
from workflows.votes import ballots as votes
from workflows.announcements import scheduling as announcements
from workflows.membership import subcommittees as member_commands
from workflows.meetings import requests as meeting_mail
