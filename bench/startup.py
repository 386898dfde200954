"""Benchmark: process start to the first painted main window, against a bare PySide6 window.

    uv run python bench/startup.py [--repeats 15] [--x11] [--frozen dist/signaal]

Each round starts, alternately, `bench/startup_runner.py bare` (a plain QApplication with one
QLabel) and `bench/startup_runner.py signaal` (the real `signaal.app.main()`), with the same
interpreter, environment and instrument (see startup_runner.py). The parent takes a
CLOCK_MONOTONIC timestamp right before the spawn; the child prints the same clock after its first
Paint event has been handled, and after the working window (step list painted, catalog loaded),
with its peak RSS at each. Goals, against the bare window: first paint at most 1.3×, the
working window at most 1.5×, peak RSS at the working window at most 1.3×.
Offscreen by default (QT_QPA_PLATFORM=offscreen); `--x11` uses the DISPLAY you give it (Xvfb).

`--frozen DIR` also compares the frozen bundle with `python -m signaal` from source. The frozen
program cannot load the probe, so both are timed the same coarser way: until Qt's offscreen
notice "This plugin does not support propagateSizeHints()", which Qt prints when the main window
is first shown (just before its first paint); peak RSS is read from /proc at that moment.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Series, ensure_bytecode_cache, interleaved, print_table, verdict

RUNNER = Path(__file__).resolve().parent / "startup_runner.py"
GOAL_RATIO = 1.3
GOAL_WORKING_RATIO = 1.5
SHOWN_NOTICE = "propagateSizeHints"


def environment(x11: bool) -> dict[str, str]:
    env = dict(os.environ)
    if not x11:
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONSTARTUP", None)
    return env


def probed_start(mode: str, env: dict[str, str]) -> dict[str, float | None]:
    """One `startup_runner.py` run: ms from spawn to first paint and to the ready window, and
    peak RSS (MiB) at each; "ready" is None for the bare window and a window without step list."""
    start = time.clock_gettime(time.CLOCK_MONOTONIC)
    result = subprocess.run(
        [sys.executable, str(RUNNER), mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{mode} did not report a painted window:\n{result.stderr[-2000:]}")
    report = json.loads(lines[-1])
    ready = report["ready"]
    return {
        "painted": (report["painted"] - start) * 1000,
        "painted_rss": report["painted_rss_kib"] / 1024,
        "ready": None if ready is None else (ready - start) * 1000,
        "ready_rss": report["ready_rss_kib"] / 1024,
    }


def shown_start(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(ms from spawn to Qt's "window shown" notice, peak RSS in MiB at that moment)."""
    start = time.clock_gettime(time.CLOCK_MONOTONIC)
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    try:
        for line in process.stderr:
            if SHOWN_NOTICE in line:
                shown = time.clock_gettime(time.CLOCK_MONOTONIC)
                status = Path(f"/proc/{process.pid}/status").read_text()
                peak_kib = next(
                    int(row.split()[1]) for row in status.splitlines() if row.startswith("VmHWM")
                )
                return (shown - start) * 1000, peak_kib / 1024
        raise RuntimeError(f"{command[0]} ended before showing its window")
    finally:
        process.kill()
        process.wait()


def python_startup_ms(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--x11", action="store_true", help="use $DISPLAY instead of offscreen")
    parser.add_argument("--frozen", type=Path, help="a built bundle directory (dist/signaal)")
    arguments = parser.parse_args()
    ensure_bytecode_cache()
    env = environment(arguments.x11)

    bare_time, bare_rss = Series("bare PySide6 window + label"), Series("bare", "MiB")
    app_time, app_rss = Series("Signaal: window painted"), Series("Signaal painted", "MiB")
    ready_time, ready_rss = Series("Signaal: step list painted"), Series("Signaal ready", "MiB")
    interpreter = Series("python -c pass")

    def run(mode: str) -> float:
        report = probed_start(mode, env)
        if mode == "bare":
            bare_rss.add(report["painted_rss"] or 0)
        else:
            app_rss.add(report["painted_rss"] or 0)
            if report["ready"] is not None:
                ready_time.add(report["ready"])
                ready_rss.add(report["ready_rss"] or 0)
        return report["painted"] or 0

    interleaved(
        [
            (bare_time, lambda: run("bare")),
            (app_time, lambda: run("signaal")),
            (interpreter, lambda: python_startup_ms(env)),
        ],
        repeats=arguments.repeats,
    )
    # interleaved() also ran one unmeasured warm-up round, whose side entries are dropped here.
    for series in (bare_rss, app_rss, ready_time, ready_rss):
        if len(series.values) > arguments.repeats:
            del series.values[0]
    platform = "Xvfb/X11" if arguments.x11 else "offscreen"
    rows = [bare_time, app_time, *([ready_time] if ready_time.values else []), interpreter]
    print_table(
        f"Start-up: process start → first painted window ({platform})", rows, baseline=bare_time
    )
    memory = [bare_rss, app_rss, *([ready_rss] if ready_rss.values else [])]
    print_table("Peak memory (RSS)", memory, baseline=bare_rss)
    print()
    print(
        verdict(
            "window painted, against bare window",
            app_time.median / bare_time.median,
            GOAL_RATIO,
            "×",
        )
    )
    print(
        verdict(
            "peak RSS when painted, against bare window",
            app_rss.median / bare_rss.median,
            GOAL_RATIO,
            "×",
        )
    )
    if ready_time.values:
        print(
            verdict(
                "working window (step list painted), against bare window",
                ready_time.median / bare_time.median,
                GOAL_WORKING_RATIO,
                "×",
            )
        )
        print(
            verdict(
                "peak RSS at the working window, against bare window",
                ready_rss.median / bare_rss.median,
                GOAL_RATIO,
                "×",
            )
        )

    if arguments.frozen:
        offscreen = environment(False)
        frozen_time, frozen_rss = Series("frozen bundle (signaal)"), Series("frozen", "MiB")
        source_time, source_rss = Series("from source (python -m signaal)"), Series("source", "MiB")
        frozen_command = [str(arguments.frozen / "signaal")]
        source_command = [sys.executable, "-m", "signaal"]

        def shown(command: list[str], memory: Series) -> float:
            elapsed, peak = shown_start(command, offscreen)
            memory.add(peak)
            return elapsed

        interleaved(
            [
                (source_time, lambda: shown(source_command, source_rss)),
                (frozen_time, lambda: shown(frozen_command, frozen_rss)),
            ],
            repeats=arguments.repeats,
        )
        for peaks in (source_rss, frozen_rss):
            del peaks.values[0]
        print_table(
            "Frozen against source: process start → main window shown (offscreen)",
            [source_time, frozen_time],
            baseline=source_time,
        )
        print_table("Peak memory (RSS) when shown", [source_rss, frozen_rss], baseline=source_rss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
