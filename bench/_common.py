"""Shared helpers for the benchmarks: repeated timing, medians, percentiles and a ratio table.

Absolute times drift on a shared machine, so every script measures its baseline in the same run,
interleaved with the thing it compares, and reports the ratio of the medians.
"""

from __future__ import annotations

import gc
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Python's bytecode cache, outside the source tree (.cache/ is ignored by git). A normal
# installation has compiled bytecode; without it (PYTHONDONTWRITEBYTECODE=1, as set on this
# machine) every start would compile pydantic, reportlab and Signaal from source.
PYCACHE = Path(__file__).resolve().parent.parent / ".cache" / "bench-pycache"


def with_bytecode_cache(env: Mapping[str, str]) -> dict[str, str]:
    cached = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return cached


def ensure_bytecode_cache() -> None:
    """Re-run this benchmark with the bytecode cache on, if it is off (see PYCACHE)."""
    if sys.dont_write_bytecode or os.environ.get("PYTHONPYCACHEPREFIX") != str(PYCACHE):
        PYCACHE.mkdir(parents=True, exist_ok=True)
        os.execve(sys.executable, [sys.executable, *sys.argv], with_bytecode_cache(os.environ))


@dataclass
class Series:
    """Repeated measurements of one thing, in milliseconds (or any unit given)."""

    name: str
    unit: str = "ms"
    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else math.nan

    def percentile(self, fraction: float) -> float:
        """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
        if not self.values:
            return math.nan
        ordered = sorted(self.values)
        rank = max(1, math.ceil(fraction * len(ordered)))
        return ordered[rank - 1]

    @property
    def spread(self) -> str:
        return f"{min(self.values):.1f}–{max(self.values):.1f}" if self.values else "-"


def time_ms(action: Callable[[], object]) -> float:
    """Wall time of one call, with the garbage collector out of the way during the call."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        action()
        return (time.perf_counter() - start) * 1000
    finally:
        gc.enable()


def interleaved(
    actions: Sequence[tuple[Series, Callable[[], float]]], repeats: int, warmup: int = 1
) -> None:
    """Run each action `warmup` times unmeasured, then `repeats` rounds, alternating between them,
    so that machine load hits every series alike. Each action returns its own measurement."""
    for _ in range(warmup):
        for _series, action in actions:
            action()
    for _ in range(repeats):
        for series, action in actions:
            series.add(action())


def print_table(title: str, rows: Sequence[Series], baseline: Series | None = None) -> None:
    """Median, p95, range and (when given) the ratio of medians against `baseline`."""
    print(f"\n{title}")
    header = f"  {'':36} {'median':>9} {'p95':>9} {'min–max':>15} {'n':>4}"
    if baseline is not None:
        header += f" {'× baseline':>11}"
    print(header)
    for series in rows:
        line = (
            f"  {series.name:36} {series.median:9.1f} {series.percentile(0.95):9.1f} "
            f"{series.spread:>15} {len(series.values):4d}"
        )
        if baseline is not None:
            line += f" {series.median / baseline.median:10.2f}×"
        print(line + f"  {series.unit}")


def verdict(label: str, value: float, goal: float, unit: str = "") -> str:
    mark = "meets" if value <= goal else "MISSES"
    return f"  {label}: {value:.2f}{unit} — {mark} the goal of ≤ {goal:g}{unit}"
