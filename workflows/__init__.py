"""The network's rules. Importing this package registers every workflow with the router."""
from workflows import commands, bounces, drafts, meetings, polls, votes, announcements, member_commands, meeting_mail  # noqa: F401  (registration by import)
