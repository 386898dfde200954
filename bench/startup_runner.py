"""Child process of bench/startup.py: start one app and report when its window is first painted.

    python bench/startup_runner.py signaal|bare

`signaal` runs the real `signaal.app.main()` unchanged. The only instrument is a QApplication
subclass put in place of PySide6's before main() imports it: when the event loop starts, it
installs an application-wide event filter. It notes when the first Paint event has been handled
(a zero-delay timer queued from that Paint event) — the window is on screen — and, for Signaal,
when the step list (object name `step-list`) has first been painted: the catalog is loaded and
the working window is there. Then it prints one JSON line with those CLOCK_MONOTONIC times
(one clock for all processes, so the parent subtracts its own timestamp from before the spawn)
and the peak RSS at each, and ends the process at once (teardown is not start-up).
`bare` is the baseline: a QMainWindow with one QLabel, shown the same way.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

import PySide6.QtWidgets as QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer


class PaintProbe(QObject):
    """Notes the first Paint event, and the first one of the widget named `ready_name`."""

    def __init__(self, ready_name: str | None) -> None:
        super().__init__()
        self.ready_name = ready_name
        self.first_paint: float | None = None
        self.first_rss_kib = 0
        self.ready_seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            if self.first_paint is None and not self.ready_seen:
                QTimer.singleShot(0, self.first_painted)
                self.ready_seen = self.ready_name is None
                if self.ready_name is not None:
                    # Content that never arrives (a window without that widget) ends the run.
                    QTimer.singleShot(10_000, self.report)
            elif not self.ready_seen and watched.objectName() == self.ready_name:
                self.ready_seen = True
                QTimer.singleShot(0, self.report)
        return False

    def first_painted(self) -> None:
        # Every Paint event of the first frame queued this; only the first call is that moment.
        if self.first_paint is not None:
            return
        self.first_paint = time.clock_gettime(time.CLOCK_MONOTONIC)
        self.first_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if self.ready_name is None:
            self.report()

    def report(self) -> None:
        ready = time.clock_gettime(time.CLOCK_MONOTONIC) if self.ready_seen else None
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            json.dumps(
                {
                    "painted": self.first_paint,
                    "painted_rss_kib": self.first_rss_kib,
                    "ready": ready,
                    "ready_rss_kib": peak_kib,
                }
            ),
            flush=True,
        )
        os._exit(0)


class ProbedApplication(QtWidgets.QApplication):
    ready_name: str | None = None

    def exec(self) -> int:  # type: ignore[override]  # static in Qt, called on the instance
        self.probe = PaintProbe(self.ready_name)  # kept: Qt holds no Python reference
        self.installEventFilter(self.probe)
        return super().exec()


def bare() -> int:
    app = ProbedApplication(sys.argv[:1])
    window = QtWidgets.QMainWindow()
    window.setCentralWidget(QtWidgets.QLabel("Signaal"))
    window.resize(1000, 680)
    window.show()
    return app.exec()


def signaal() -> int:
    ProbedApplication.ready_name = "step-list"
    QtWidgets.QApplication = ProbedApplication  # type: ignore[misc]
    from signaal.app import main

    return main(sys.argv[:1])


if __name__ == "__main__":
    raise SystemExit({"bare": bare, "signaal": signaal}[sys.argv[1]]())
