"""`python -m convenor` is the `convenor` command."""
import sys

from convenor.entry import main

sys.exit(main())
