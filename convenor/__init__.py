"""Convenor: the email secretary of a volunteer network. This package wires mail, store and rules."""
__version__ = "0.1.0"
