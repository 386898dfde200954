"""The thin path end to end: role → signals → outcome → referral PDF, as a user clicks it."""

from __future__ import annotations

import io
import subprocess
import sys

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from signaal.content import Catalog
from signaal.i18n import set_language
from signaal.ui.main_window import MainWindow


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_click_through_thin_path_and_save(qtbot: QtBot, catalog: Catalog, tmp_path) -> None:
    set_language("nl")
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.show()
    indicator = catalog.checklists[0].indicators[0]
    box, facts = window.signal_boxes[indicator.id]
    window.steps.setCurrentRow(1)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    qtbot.keyClicks(facts, "zei op 3 maart: 'ik werk elke dag 14 uur' - ")
    facts.insert("Łukasz")  # keyClicks asserts inside Qt on non-ASCII characters
    window.steps.setCurrentRow(2)
    assert window.outcome_label.text()
    target = tmp_path / "verwijzing.pdf"
    assert window.save_to(str(target))
    text = pdf_text(target.read_bytes())
    assert indicator.text.nl in text.replace("\n", " ")
    assert "Łukasz" in text


def test_domain_imports_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import signaal.content, signaal.assessment, signaal.report, signaal.cli\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m])\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
