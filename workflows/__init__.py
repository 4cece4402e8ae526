"""The network's rules. Importing this package registers every workflow with the router."""
from workflows import commands, bounces, drafts, meetings, polls, votes  # noqa: F401  (registration by import)
