"""`python -m factcheck_gui.cli …`: the same as the `factcheck` command."""

import sys

from factcheck_gui.cli import main

sys.exit(main())
