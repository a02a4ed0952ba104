"""Run the ``kttt`` command line: ``python -m kttt``."""

import sys

from kttt.cli import main


sys.exit(main())
