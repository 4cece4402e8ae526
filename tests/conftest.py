"""Shared fixtures: the real mail stack (Dovecot + SMTP on loopback) and a Convenor under test."""
pytest_plugins = ["tests.fixtures_mailstack", "tests.fixtures_convenor"]
