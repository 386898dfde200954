"""Measure loading the shipped catalog: from the compiled JSON, and from the TOML sources.

Run: `uv run python tests/content/measure_load.py` (prints median and best of 30 runs, in ms).
Each run starts from fresh models' caches but the same process, as the app loads it once.
"""

from __future__ import annotations

import statistics
import time
import tomllib
from collections.abc import Callable

from signaal.content import load_catalog
from signaal.content.compiled import content_files, digest, read_compiled
from signaal.content.loader import default_content_dir

RUNS = 30


def measure(label: str, action: Callable[[], object]) -> None:
    action()  # warm up imports and caches of the code, not of the data
    times = []
    for _run in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<44} median {statistics.median(times):6.1f} ms   best {min(times):6.1f} ms")


def main() -> None:
    directory = default_content_dir()
    files = content_files(directory)
    catalog = load_catalog(directory, use_compiled=False)
    print(
        f"{len(files)} files, {len(catalog.indicators_by_id)} indicators, "
        f"{len(catalog.routing_rules)} routing rules; compiled copy in use: "
        f"{read_compiled(directory, files) is not None}"
    )
    measure("parse TOML only (tomllib)", lambda: [tomllib.loads(p.read_text()) for p in files])
    measure("digest of the TOML files", lambda: digest(directory, files))
    measure("read compiled copy (digest check)", lambda: read_compiled(directory, files))
    measure("load + validate from TOML", lambda: load_catalog(directory, use_compiled=False))
    measure("load + validate from compiled JSON", lambda: load_catalog(directory))


if __name__ == "__main__":
    main()
