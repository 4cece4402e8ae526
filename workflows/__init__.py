"""The network's rules, a package per concern; `routing/table.py` lists what each one answers."""
