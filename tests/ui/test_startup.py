"""The window paints before the heavy parts load; the app starts, shows, loads and quits."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from signaal.content import Catalog
from signaal.ui.main_window import MainWindow


def test_first_paint_imports_no_pydantic_reportlab_or_babel() -> None:
    code = (
        "import sys\n"
        "import signaal.app, signaal.ui.main_window\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'reportlab', 'babel', 'signaal.content', 'signaal.assessment')]\n"
        "heavy += [m for m in sys.modules if m.startswith(('signaal.content', 'signaal.assessment',"
        " 'signaal.report'))]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_window_shows_before_the_catalog(qtbot: QtBot, catalog: Catalog) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window.centralWidget(), QLabel)
    window.attach_catalog(catalog)
    assert window.current_key() == "start"
    assert window.findChild(QLabel, "privacy-line") is not None
