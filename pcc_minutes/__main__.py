"""``python -m pcc_minutes`` runs the command line (and the window when no command is given)."""

import sys

from pcc_minutes.cli import main

sys.exit(main())
