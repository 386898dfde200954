"""The referral is made off the GUI thread: the window, Hide screen and Cancel keep answering.

The render is the real `render_referral` on a real case; to make it long enough to act during it
on any machine, each progress report sleeps a little (the stand-in for hundreds of pages).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import signaal.report
from signaal.assessment.case_file import read_case
from signaal.content import Catalog
from signaal.i18n import set_language
from signaal.ui import saving
from signaal.ui.main_window import MainWindow
from signaal.ui.render_progress import SHOW_AFTER_MS
from signaal.ui.render_worker import RenderJob

CASES = Path(__file__).resolve().parent.parent / "cases"
REAL_RENDER = signaal.report.render_referral


class SlowRender:
    """The real render, slowed at every progress report, remembering which thread ran it."""

    def __init__(self, pause: float = 0.02) -> None:
        self.pause = pause
        self.threads: list[int] = []
        self.ended = threading.Event()
        self.completed = False

    def __call__(self, *args: Any, progress: Callable[[float], None] | None = None, **kw: Any):
        self.threads.append(threading.get_ident())

        def slow(share: float) -> None:
            time.sleep(self.pause)
            if progress is not None:
                progress(share)

        try:
            pdf = REAL_RENDER(*args, progress=slow, **kw)
            self.completed = True
            return pdf
        finally:
            self.ended.set()


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    # New case and closing the window ask first; the user says yes.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    set_language("nl")
    made = MainWindow(catalog)
    qtbot.addWidget(made)
    made.session.case = read_case(CASES / "vt-15-year-old.json", catalog)
    made.show()
    yield made
    made.referral_output.cancel()
    made.referral_output.render_job.wait()


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> SlowRender:
    render = SlowRender()
    monkeypatch.setattr(signaal.report, "render_referral", render)
    return render


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """What reached the save dialog (nothing is written anywhere)."""
    written: list[bytes] = []
    monkeypatch.setattr(saving, "save_pdf", lambda pdf, _parent, _name: written.append(pdf))
    return written


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None and action.isEnabled()
    action.trigger()


def test_the_render_runs_off_the_gui_thread_and_delivers_the_pdf(window, qtbot, saved) -> None:
    render = SlowRender(pause=0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signaal.report, "render_referral", render)
        trigger(window, "action-save")
        assert window.referral_output.rendering
        qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
    assert render.threads and render.threads[0] != threading.get_ident()
    assert saved[0].startswith(b"%PDF-")
    # Saved from the worker like from the window before: with the case embedded.
    from signaal.report.embedded_case import extract_case

    assert window.session.embed_case and extract_case(saved[0])
    assert not window.referral_output.rendering
    assert not window.referral_output.progress.isVisible()


def test_the_window_answers_during_a_long_render(window, qtbot, slow, saved) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    trigger(window, "action-save")
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=10_000)
    timer.stop()
    assert window.referral_output.rendering, "the render outlasts a second of GUI timer ticks"
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.5, f"the GUI thread stalled for {max(gaps):.2f} s"
    qtbot.waitUntil(lambda: bool(saved), timeout=60_000)


def test_progress_shows_after_half_a_second_and_grows(window, qtbot, slow, saved) -> None:
    trigger(window, "action-save")
    QApplication.processEvents()
    assert not window.referral_output.progress.isVisible(), "a short render shows no progress"
    qtbot.waitUntil(window.referral_output.progress.isVisible, timeout=SHOW_AFTER_MS * 4)
    first = window.referral_output.progress.bar.value()
    qtbot.waitUntil(lambda: window.referral_output.progress.bar.value() > first + 5, timeout=20_000)
    assert window.referral_output.progress.label.text() == "De verwijzing wordt gemaakt…"
    qtbot.waitUntil(lambda: bool(saved), timeout=60_000)
    assert not window.referral_output.progress.isVisible()


def test_hide_screen_works_during_a_render_and_nothing_opens_over_the_cover(
    window, qtbot, slow, saved
) -> None:
    opened: list[object] = []
    trigger(window, "action-preview")
    qtbot.waitUntil(lambda: window.referral_output.progress.bar.value() > 0, timeout=10_000)
    started = time.monotonic()
    trigger(window, "action-hide")
    assert window.hiding.hidden
    assert time.monotonic() - started < 0.5
    assert not window.referral_output.rendering
    assert slow.ended.wait(10), "the cancelled render stops at the next flowable"
    assert not slow.completed
    QApplication.processEvents()
    assert QApplication.activeModalWidget() is None
    assert window.hiding.hidden
    assert saved == [] and opened == []


def test_cancel_stops_the_render_and_leaves_nothing_behind(window, qtbot, slow, saved) -> None:
    trigger(window, "action-save")
    qtbot.waitUntil(window.referral_output.progress.isVisible, timeout=5_000)
    window.referral_output.progress.cancel.click()
    assert not window.referral_output.rendering
    assert not window.referral_output.progress.isVisible()
    assert slow.ended.wait(10)
    assert not slow.completed
    qtbot.wait(200)
    assert saved == []
    assert window.statusBar().currentMessage() == "Het maken van de verwijzing is geannuleerd."
    assert not window.navigation.step_done("referral")
    # The next request works as if nothing happened.
    slow.pause = 0
    trigger(window, "action-save")
    qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
    assert len(saved) == 1


def test_new_case_during_a_render_cancels_it(window, qtbot, slow, saved) -> None:
    trigger(window, "action-save")
    qtbot.waitUntil(lambda: window.referral_output.progress.bar.value() > 0, timeout=10_000)
    window.wiping.new_case()
    assert not window.referral_output.rendering
    assert slow.ended.wait(10) and not slow.completed
    qtbot.wait(200)
    assert saved == []
    assert window.case.observations == []


def test_a_second_request_during_a_render_is_refused_politely(window, qtbot, slow, saved) -> None:
    trigger(window, "action-save")
    trigger(window, "action-print")
    assert window.statusBar().currentMessage() == "De verwijzing wordt nog gemaakt."
    qtbot.waitUntil(lambda: bool(saved), timeout=60_000)
    assert len(saved) == 1


def test_the_job_on_its_own(qtbot, catalog) -> None:
    from signaal.assessment import assess

    case = read_case(CASES / "gp-adult-seasonal-worker.json", catalog)
    job = RenderJob()
    results: list[bytes] = []
    job.finished.connect(lambda pdf, carried: results.append(pdf) if carried is None else None)
    assert job.start(catalog, case, assess(catalog, case), "en")
    assert not job.start(catalog, case, assess(catalog, case), "en")
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    assert results[0].startswith(b"%PDF-") and not job.running
    job.wait()
