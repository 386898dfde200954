"""Render time of a typical referral (40 observations, several pages): median of repeated runs.

Run: `uv run python tests/report/bench_render.py [RUNS]`. Not a test: timings vary per machine.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pypdf import PdfReader
from report_cases import case_for

from signaal.assessment import assess
from signaal.content import load_catalog
from signaal.report import render_referral


def main(runs: int) -> None:
    catalog = load_catalog()
    role = "gp" if "gp" in catalog.roles_by_id else catalog.roles[0].id
    case = case_for(catalog, role, 34, count=40)
    assessment = assess(catalog, case)
    start = time.perf_counter()
    pdf = render_referral(catalog, case, assessment, "nl")
    first = time.perf_counter() - start
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render_referral(catalog, case, assessment, "nl")
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        f"{role} case, {len(case.observations)} observations, {len(pdf) // 1024} KiB, "
        f"{pages} pages: first render {first * 1000:.0f} ms (fonts, babel), "
        f"median of {runs} {statistics.median(timings) * 1000:.0f} ms "
        f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f}); "
        f"CPU time median {statistics.median(cpu) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
