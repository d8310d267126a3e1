"""``python -m pcc_minutes``: the same program as ``pcc-minutes``."""

import sys

from pcc_minutes.launcher import main

sys.exit(main())
