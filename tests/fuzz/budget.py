"""How many cases each fuzz test tries: small and fixed in CI, bigger when asked.

The whole suite must stay within a couple of minutes on a two-core CI machine, so the counts
below are small and, in CI, the examples are derandomized (the same cases every run, so a red
build is reproducible). ``PCC_FUZZ_EXAMPLES=N`` runs N cases per test instead, for a longer
local campaign; ``python -m tests.fuzz.campaign`` runs a bigger one and writes findings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

CI = bool(os.environ.get("CI"))
ASKED = int(os.environ.get("PCC_FUZZ_EXAMPLES", "0") or 0)
# Shrinking a failing example to its smallest form can take minutes: only when asked.
SHRINK = bool(os.environ.get("PCC_FUZZ_SHRINK"))
# Inputs that are big but honest (20,000 paragraphs, 20,000 agenda items) take tens of
# seconds on today's code; the default run uses a tenth of that, a campaign asks for more.
HEAVY = bool(os.environ.get("PCC_FUZZ_HEAVY"))

# Seconds one command may take on a fuzzed input before the case counts as a hang: the
# limits of issue 8 item 5 promise a bounded time for every input.
COMMAND_LIMIT = float(os.environ.get("PCC_FUZZ_COMMAND_LIMIT", "20"))


def cases(default: int) -> int:
    """The number of cases for a test whose CI share is ``default``."""
    return ASKED or default


def fuzz_settings(default: int) -> settings:
    """Hypothesis settings for a fuzz test: bounded, no deadline (exports vary), and fixed
    examples in CI so that a failure there is the same failure on a laptop."""
    return settings(
        max_examples=cases(default),
        deadline=None,
        derandomize=CI,
        database=None if CI else settings.default.database,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        phases=tuple(Phase) if SHRINK else tuple(p for p in Phase if p != Phase.shrink),
        print_blob=True,
    )


def heavy(default: int, big: int) -> int:
    """The size of a big-but-honest input: ``default`` normally, ``big`` when asked."""
    return big if HEAVY else default
