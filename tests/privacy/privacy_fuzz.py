"""Shared settings for the generated-input tests: bounded for CI, and counted for the README.

`SIGNAAL_FUZZ_SCALE` multiplies every example budget (default 1; e.g. 10 for a long local run).
Each test counts the examples it really ran and prints the figure, so the numbers in the
README's privacy section can be checked with `uv run pytest tests/privacy -s -k fuzz`.
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

SCALE = float(os.environ.get("SIGNAAL_FUZZ_SCALE", "1"))
RAN: Counter[str] = Counter()


def budget(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        database=None,  # keep the checkout clean: no .hypothesis folder
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


def minimum(examples: int) -> int:
    """How many examples must really have run: hypothesis may stop early on a small space."""
    return max(1, int(examples * SCALE * 0.5))
