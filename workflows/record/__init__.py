"""The network's record: decisions (closed votes), action items, attendance, minutes, and the
documents a member may ask for by email."""
