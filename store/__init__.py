"""The store: SQLite through sqlite-utils, the single source of truth (see DESIGN.md)."""
