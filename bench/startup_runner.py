"""Child process of bench/startup.py: start one app and report when its window is first painted.

    python bench/startup_runner.py signaal|bare

`bare` is exactly the floor: a plain `QApplication` and one top-level `QLabel`. `signaal` runs
the real `signaal.app.main()` unchanged. Both carry the same tiny instrument and nothing else: an
event filter on the watched widget only (never application-wide, which would slow every event
of the app) that takes the time when the widget's first Paint event arrives. (Queuing a timer
from the event instead would let Signaal's own after-first-paint work, the catalog load, run
first and be counted as painting.) For the bare label that moment ends the
run. For Signaal the first paint is the main window's; the working window is the first paint of
the step list (object name `step-list`), which exists once the catalog is loaded. The child
prints one JSON line with CLOCK_MONOTONIC times (one clock for all processes: the parent
subtracts its own timestamp from before the spawn) and the peak RSS at each moment, then ends
at once (teardown is not start-up).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# Content that never arrives (a window without a step list) ends the run after this.
READY_TIMEOUT_MS = 10_000


def now() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class FirstPaint(QObject):
    """Calls `then(moment)` once, with the time the watched widget's first Paint event came."""

    def __init__(self, widget: QWidget, then: object) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            self.then(now())  # type: ignore[operator]
        return False


class Report:
    """The moments a run reports; printing ends the process."""

    def __init__(self) -> None:
        self.painted: float | None = None
        self.painted_rss = 0

    def first_painted(self, moment: float) -> None:
        self.painted, self.painted_rss = moment, peak_rss_kib()

    def emit(self, ready: float | None, ready_rss: int | None = None) -> None:
        print(
            json.dumps(
                {
                    "painted": self.painted,
                    "painted_rss_kib": self.painted_rss,
                    "ready": ready,
                    "ready_rss_kib": peak_rss_kib() if ready_rss is None else ready_rss,
                }
            ),
            flush=True,
        )
        os._exit(0)


def bare() -> int:
    app = QApplication(sys.argv[:1])
    report = Report()
    label = QLabel("Signaal")
    label.resize(1000, 680)

    def painted(moment: float) -> None:
        report.first_painted(moment)
        QTimer.singleShot(0, lambda: report.emit(None))

    probe = FirstPaint(label, painted)
    label.show()
    code = app.exec()
    del probe
    return code


def signaal() -> int:
    from signaal.ui.main_window import MainWindow

    report = Report()
    probes: list[FirstPaint] = []
    show, attach = MainWindow.show, MainWindow.attach_catalog

    def show_probed(window: MainWindow) -> None:
        probes.append(FirstPaint(window, report.first_painted))
        QTimer.singleShot(READY_TIMEOUT_MS, lambda: report.emit(None))
        show(window)

    def attach_probed(window: MainWindow, catalog: object) -> None:
        attach(window, catalog)  # type: ignore[arg-type]
        step_list = window.findChild(QWidget, "step-list")
        if step_list is not None:
            probes.append(FirstPaint(step_list, working_painted))

    def working_painted(moment: float) -> None:
        # The peak RSS now, not when the queued report runs: Signaal's own work queued from
        # this paint (the case models) may run first.
        rss = peak_rss_kib()
        QTimer.singleShot(0, lambda: report.emit(moment, rss))

    MainWindow.show = show_probed  # type: ignore[method-assign]
    MainWindow.attach_catalog = attach_probed  # type: ignore[method-assign]
    from signaal.app import main

    return main(sys.argv[:1])


if __name__ == "__main__":
    raise SystemExit({"bare": bare, "signaal": signaal}[sys.argv[1]]())
