"""The window paints before the heavy parts load; the catalog arrives once, after that paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

import signaal.content
from signaal.app import load_content
from signaal.content import Catalog, ContentError, ContentProblem
from signaal.ui.first_paint import AfterFirstPaint
from signaal.ui.main_window import MainWindow

# Long enough that only a paint can start the load in the tests that expect one.
NEVER_MS = 3_600_000

# Runs the real `signaal.app.main()` and, at the window's first Paint event, prints what is
# imported and on screen by then, then ends the process.
FIRST_PAINT_PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
import PySide6.QtGui as QtGui
import PySide6.QtWidgets as QtWidgets

HEAVY = ("pydantic", "reportlab", "babel", "signaal.content", "signaal.assessment",
         "signaal.report")

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.objectName() == "main-window":
            heavy = sorted(m for m in sys.modules if m.startswith(HEAVY))
            central = type(watched.centralWidget()).__name__
            colour = watched.palette().color(QtGui.QPalette.ColorRole.Window).name()
            print(json.dumps({"heavy": heavy, "central": central, "colour": colour}), flush=True)
            os._exit(0)
        return False

class ProbedApplication(QtWidgets.QApplication):
    def exec(self):
        self.probe = Probe()
        self.installEventFilter(self.probe)
        return super().exec()

QtWidgets.QApplication = ProbedApplication
from signaal.app import main
main(["signaal"])
"""


# Runs the real `signaal.app.main()` and, at the step list's first paint (the working window),
# prints which of the case models' and the PDF's libraries are imported by then.
WORKING_PAINT_PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from signaal.ui.main_window import MainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "reportlab"))
            style = type(QApplication.style()).__name__
            yes = QApplication.translate("QPlatformTheme", "&Yes")  # Qt's own Dutch
            print(json.dumps({"heavy": heavy, "step": watched.currentRow(), "style": style,
                              "yes": yes}), flush=True)
            os._exit(0)
        return False

attach = MainWindow.attach_catalog

def attach_probed(window, catalog):
    attach(window, catalog)
    window.probe = Probe()
    window.step_list.installEventFilter(window.probe)

MainWindow.attach_catalog = attach_probed
from signaal.app import main
main(["signaal"])
"""


class PaintCounter(QObject):
    """Counts the Paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def run_probe(probe: str, config: Path) -> object:
    """Start the real app with `probe` patched in; what it printed at the paint it waits for."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr
    return json.loads(lines[-1])


def test_first_paint_comes_before_pydantic_reportlab_and_babel(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "signaal").mkdir(parents=True)
    # A stored theme takes the theme module onto the path to the first paint as well.
    (config / "signaal" / "preferences.json").write_text('{"theme": "dark"}', encoding="utf-8")
    painted = run_probe(FIRST_PAINT_PROBE, config)
    # The stored dark theme's colours are there from the first paint on.
    assert painted == {"heavy": [], "central": "QLabel", "colour": "#2b2b2b"}


def test_the_working_window_paints_before_pydantic_and_reportlab(tmp_path: Path) -> None:
    """The catalog and the first page need neither: the case models and the PDF code load once
    the step list has painted."""
    # The focus ring's style and Qt's Dutch (both set after the first paint) are there when the
    # working window paints.
    assert run_probe(WORKING_PAINT_PROBE, tmp_path) == {
        "heavy": [],
        "step": 0,
        "style": "FocusStyle",
        "yes": "&Ja",
    }


def test_window_shows_before_the_catalog(qtbot: QtBot, catalog: Catalog) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window.centralWidget(), QLabel)
    window.attach_catalog(catalog)
    assert window.navigation.current_key() == "start"
    assert window.findChild(QLabel, "privacy-line") is not None


def attaching(
    window: MainWindow, catalog: Catalog, paints: PaintCounter
) -> tuple[list[int], Callable[[], None]]:
    """A load action that attaches the catalog and notes how many paints came before each call."""
    paints_before_load: list[int] = []

    def load() -> None:
        paints_before_load.append(paints.count)
        window.attach_catalog(catalog)

    return paints_before_load, load


def test_catalog_is_attached_once_after_the_first_paint(qtbot: QtBot, catalog: Catalog) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    paints = PaintCounter(window)
    paints_before_load, load = attaching(window, catalog, paints)

    window.show()
    loading = AfterFirstPaint(window, load, fallback_ms=NEVER_MS)
    assert paints_before_load == []
    assert isinstance(window.centralWidget(), QLabel)

    qtbot.waitUntil(lambda: loading.done)
    assert len(paints_before_load) == 1
    assert paints_before_load[0] >= 1
    assert window.navigation.current_key() == "start"
    assert not any(timer.isActive() for timer in loading.findChildren(QTimer))
    # Later paints do not load again.
    window.repaint()
    qtbot.waitUntil(lambda: paints.count > paints_before_load[0])
    QApplication.processEvents()
    assert len(paints_before_load) == 1


def test_a_window_that_never_paints_still_gets_its_catalog_once(
    qtbot: QtBot, catalog: Catalog
) -> None:
    window = MainWindow()  # never shown, as when started hidden: no Paint event comes
    qtbot.addWidget(window)
    paints = PaintCounter(window)
    paints_before_load, load = attaching(window, catalog, paints)

    loading = AfterFirstPaint(window, load, fallback_ms=0)
    qtbot.waitUntil(lambda: loading.done)
    assert paints_before_load == [0]
    assert window.navigation.current_key() == "start"
    # A first paint after the fallback does not load again.
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: paints.count > 0)
    QApplication.processEvents()
    assert paints_before_load == [0]


def test_broken_content_is_explained_and_ends_signaal(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    problem = ContentProblem(file="signals.toml", key="signals", message="broken")

    def broken_catalog() -> Catalog:
        raise ContentError([problem])

    shown: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(signaal.content, "load_catalog", broken_catalog)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    window = MainWindow()
    qtbot.addWidget(window)

    load_content(window)
    assert shown == [str(problem)]
    assert exits == [1]
    assert isinstance(window.centralWidget(), QLabel)
