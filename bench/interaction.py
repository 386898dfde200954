"""Benchmark: how fast the window answers a click, over scripted walks through the whole flow.

    uv run python bench/interaction.py [--rounds 3] [--signals 40] [--x11]

Three walks (a teacher worried about a 9-year-old, a GP seeing an adult, a Veilig Thuis worker
with a 15-year-old) drive the real MainWindow through the UI's object names (`role-<id>`,
`acute-no`, `age-spin`, `concern-not-sure`, `status-<id>-seen`, `next-button`, ...), as a user
would, with QTest clicks. Measured per action, from just before the click until the window has
been repainted:
- signal click → side panel updated: the first repaint after the click has been handled and,
  when the indicator profile (`profile-text`) repaints within 100 ms of it, that repaint;
- "next" → next page painted (pages are built lazily, so their construction is included; what a
  page makes in idle time after it is painted is not). The signals are clicked after a reader's
  pause (READING_MS), whatever the page is still building in idle time by then.
The first walk of a process pays for loading and building every page once: it is reported on
its own ("first walk"), beside the later, warm walks. As in the app, the case models load once
the first window's step list has painted and the PDF code a second later on a helper thread
(`signaal.app.warm_up_after_working_paint`); each walk begins after a reader's pause on the
first page.
"Repainted" means: a Paint event was delivered and a zero-delay timer queued from it has run,
i.e. the whole flush of dirty widgets is done. Goals: median under 16 ms, p95 under 50 ms.
Offscreen by default; `--x11` uses $DISPLAY (e.g. Xvfb); `--profile` adds a pyinstrument
profile of one more GP walk. The app-wide event filter that
watches for Paint events (installed only while an action is measured) costs a little on every
event, so the figures are slightly pessimistic.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Series, ensure_bytecode_cache, print_table, verdict

GOAL_MEDIAN_MS = 16.0
GOAL_P95_MS = 50.0
TARGET_GRACE_MS = 100
# A person glances at a new page before the first click; idle work may still be running.
READING_MS = 300


@dataclass(frozen=True)
class Walk:
    role: str
    age: int


WALKS = (Walk("teacher", 9), Walk("gp", 34), Walk("veilig-thuis", 15))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="walks per role")
    parser.add_argument("--signals", type=int, default=40, help="signals clicked per walk")
    parser.add_argument("--x11", action="store_true", help="use $DISPLAY instead of offscreen")
    parser.add_argument("--profile", action="store_true", help="pyinstrument one GP walk")
    arguments = parser.parse_args()
    ensure_bytecode_cache()
    if not arguments.x11:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from signaal.ui.privacy import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QSpinBox, QWidget

    from signaal.app import warm_up_after_working_paint
    from signaal.content import load_catalog
    from signaal.i18n import set_language
    from signaal.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    set_language("nl")
    catalog = load_catalog()

    class RepaintWatch(QObject):
        """Ends a local event loop once a repaint after the action has completely finished."""

        def __init__(self) -> None:
            super().__init__()
            self.loop = QEventLoop()
            self.target: QWidget | None = None
            self.armed = False
            self.flushed_at: float | None = None
            self.target_at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if self.armed and event.type() == QEvent.Type.Paint:
                if self.flushed_at is None:
                    QTimer.singleShot(0, self._flushed)
                if watched is self.target and self.target_at is None:
                    QTimer.singleShot(0, self._target_painted)
            return False

        def _flushed(self) -> None:
            if self.flushed_at is None:
                self.flushed_at = time.perf_counter()
                if self.target is None or self.target_at is not None:
                    self.loop.quit()

        def _target_painted(self) -> None:
            if self.target_at is None:
                self.target_at = time.perf_counter()
                self.loop.quit()

        def measure(self, action: Callable[[], None], target: QWidget | None = None) -> float:
            self.target = target if target is not None and target.isVisible() else None
            self.flushed_at = self.target_at = None
            self.armed = True
            app.installEventFilter(self)  # only while measuring: a Python filter costs per event
            start = time.perf_counter()
            action()
            timeout = QTimer()
            timeout.setSingleShot(True)
            timeout.timeout.connect(self.loop.quit)
            timeout.start(2000)
            if self.flushed_at is None:
                self.loop.exec()
            if self.target is not None and self.target_at is None:
                timeout.start(TARGET_GRACE_MS)
                self.loop.exec()
            timeout.stop()
            self.armed = False
            app.removeEventFilter(self)
            end = self.target_at or self.flushed_at
            if end is None:
                raise RuntimeError("no repaint within 2 s of the action")
            return (end - start) * 1000

    watch = RepaintWatch()

    def find(window: QWidget, name: str) -> QWidget:
        widget = window.findChild(QWidget, name)
        if widget is None:
            raise LookupError(name)
        return widget

    def click(button: QWidget) -> None:
        assert isinstance(button, QAbstractButton)
        position = button.rect().center() if isinstance(button, QPushButton) else None
        QTest.mouseClick(
            button,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            position or QPoint(8, button.height() // 2),
        )

    clicks = Series("signal click → side panel painted")
    nexts = Series('"next" → next page painted')
    other = Series("other clicks (role, concern, answer)")
    per_step: dict[str, Series] = {}

    warmed: list[bool] = []

    def walk(plan: Walk) -> None:
        window = MainWindow(catalog)
        if not warmed:  # once per process, as in the app
            warm_up_after_working_paint(window)
            warmed.append(True)
        window.show()
        QTest.qWaitForWindowExposed(window)
        QTest.qWait(READING_MS)
        next_button = find(window, "next-button")

        def go_next() -> None:
            key = window.navigation.current_key() if hasattr(window, "current_key") else "?"
            elapsed = watch.measure(lambda: click(next_button))
            nexts.add(elapsed)
            per_step.setdefault(key, Series(f"  next from {key}")).add(elapsed)

        other.add(watch.measure(lambda: click(find(window, f"role-{plan.role}"))))
        other.add(watch.measure(lambda: click(find(window, "acute-no"))))
        go_next()
        age = find(window, "age-spin")
        assert isinstance(age, QSpinBox)
        other.add(watch.measure(lambda: age.setValue(plan.age)))
        go_next()
        # Steps added between the age and the concerns (the flow grows) are walked through too.
        for _extra in range(4):
            if window.findChild(QWidget, "concern-not-sure") is not None:
                break
            go_next()
        other.add(watch.measure(lambda: click(find(window, "concern-not-sure"))))
        go_next()
        QTest.qWait(READING_MS)
        panel = window.findChild(QWidget, "profile-text")
        buttons = [
            button
            for button in window.findChildren(QAbstractButton)
            if button.objectName().startswith("status-")
            and button.objectName().endswith("-seen")
            and not button.objectName().endswith("-not-seen")
            and button.isVisible()
        ][: arguments.signals]
        for button in buttons:
            button.ensurePolished()
            scroller = button.parentWidget()
            while scroller is not None and not hasattr(scroller, "ensureWidgetVisible"):
                scroller = scroller.parentWidget()
            if scroller is not None:
                scroller.ensureWidgetVisible(button)
                app.processEvents()
            clicks.add(watch.measure(lambda b=button: click(b), target=panel))  # type: ignore[misc]
        go_next()
        consultation = window.findChild(QWidget, "consultation-done")
        if consultation is not None and consultation.isVisible():
            other.add(watch.measure(lambda: click(consultation)))
        go_next()
        for _ in range(6):
            answer = window.findChild(QWidget, "answer-yes")
            if answer is None or not answer.isVisible() or not answer.isEnabled():
                break
            other.add(watch.measure(lambda a=answer: click(a)))  # type: ignore[misc]
        go_next()
        go_next()
        window.hide()  # not close(): that would ask whether to discard the case
        window.deleteLater()
        app.processEvents()

    try:
        # The first walk loads and builds every page once per process: reported on its own.
        walk(WALKS[0])
        first = [
            Series(f"first walk: {series.name}", series.unit, list(series.values))
            for series in (clicks, nexts, other)
        ]
        first_steps = [
            Series(f"  first walk, next from {key}", series.unit, list(series.values))
            for key, series in per_step.items()
        ]
        for series in (clicks, nexts, other):
            series.values.clear()
        per_step.clear()
        for _ in range(arguments.rounds):
            for plan in WALKS:
                walk(plan)
        if arguments.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
            walk(WALKS[1])
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
    except LookupError as missing:
        print(f"the window has no control named {missing}: this bench needs the full UI")
        return 1

    print_table("First walk in a fresh process (teacher)", [*first, *first_steps])
    print_table("Warm walks (per action, whole walks, all roles)", [clicks, nexts, other])
    print_table("Next, per step left (warm)", list(per_step.values()))
    print()
    for series in (first[0], first[1], clicks, nexts):
        print(verdict(f"{series.name}, median", series.median, GOAL_MEDIAN_MS, " ms"))
        print(verdict(f"{series.name}, p95", series.percentile(0.95), GOAL_P95_MS, " ms"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
