"""Child process of bench/startup.py: start one app and report when its window is first painted.

    python bench/startup_runner.py signaal|bare

`signaal` runs the real `signaal.app.main()` unchanged. The only instrument is a QApplication
subclass put in place of PySide6's before main() imports it: when the event loop starts, it
watches the visible top-level windows, and after the first Paint event has been handled (a
zero-delay timer queued from that Paint event) it prints one JSON line — the CLOCK_MONOTONIC
time (shared by all processes, so the parent can subtract its own timestamp from before the
spawn) and the peak RSS so far — and ends the process at once (teardown is not start-up).
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


class FirstPaintProbe(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.reported = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.reported:
            self.reported = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        painted = time.clock_gettime(time.CLOCK_MONOTONIC)
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"painted": painted, "peak_rss_kib": peak_kib}), flush=True)
        os._exit(0)


class ProbedApplication(QtWidgets.QApplication):
    probe = FirstPaintProbe()

    def exec(self) -> int:  # type: ignore[override]  # static in Qt, called on the instance
        for window in self.topLevelWidgets():
            if window.isVisible():
                window.installEventFilter(self.probe)
                for child in window.findChildren(QtWidgets.QWidget):
                    child.installEventFilter(self.probe)
        return super().exec()


def bare() -> int:
    app = ProbedApplication(sys.argv[:1])
    window = QtWidgets.QMainWindow()
    window.setCentralWidget(QtWidgets.QLabel("Signaal"))
    window.resize(1000, 680)
    window.show()
    return app.exec()


def signaal() -> int:
    QtWidgets.QApplication = ProbedApplication  # type: ignore[misc]
    from signaal.app import main

    return main(sys.argv[:1])


if __name__ == "__main__":
    raise SystemExit({"bare": bare, "signaal": signaal}[sys.argv[1]]())
