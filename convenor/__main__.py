"""`python -m convenor` is the `convenor` command."""
import sys

from convenor.cli import main

sys.exit(main())
