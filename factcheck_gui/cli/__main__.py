import sys

from factcheck_gui.cli import main

sys.exit(main())
