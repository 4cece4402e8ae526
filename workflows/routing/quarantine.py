"""Setting a message aside for a human, from a router action."""
from __future__ import annotations


class Quarantine(Exception):
    """The message must be set aside for a human (e.g. it failed authentication): the pipeline
    keeps it (its bytes in the store, the server copy in Quarantine), records it under `handler`
    (the rule's name, by which daily caps count), and tells the coordinators with template
    `notice` and its `variables`."""

    def __init__(self, reason: str, notice: str = "quarantined", handler: str | None = None, **variables):
        super().__init__(reason)
        self.notice, self.handler, self.variables = notice, handler, variables
