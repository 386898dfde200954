"""Continue a case: save the referral with the case, open it again (also in a new process)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from continue_driver import snapshot
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, referral_pdf, save_referral_to

from signaal.assessment.carried import Carried
from signaal.assessment.case_file import read_case
from signaal.assessment.json_output import assessment_json
from signaal.content import Catalog
from signaal.report.embedded_case import ATTACHMENT_NAME
from signaal.ui.main_window import MainWindow

CASES = Path(__file__).parents[1] / "cases"
DRIVER = Path(__file__).with_name("continue_driver.py")
ONE_PER_ROLE = ("teacher-9-year-old", "gp-adult-seasonal-worker", "vt-15-year-old")


class Warnings:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def warning(self, _parent: object, _title: str, text: str, *_args: object) -> object:
        self.shown.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    recorder = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    monkeypatch.setattr(QMessageBox, "information", recorder.warning)
    return recorder


def _load(window: MainWindow, name: str) -> None:
    """A case as if typed: its role was chosen on the first screen."""
    window.session.continue_with(read_case(CASES / f"{name}.json", window.catalog), Carried())


@pytest.mark.slow
@pytest.mark.parametrize("name", ONE_PER_ROLE)
def test_saved_case_opens_identically_in_a_new_process(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, name: str
) -> None:
    _load(window, name)
    before = {
        "pages": snapshot(window),
        "assessment": assessment_json(window.session.assessment(), "nl"),
    }
    path = tmp_path / "referral.pdf"
    assert save_referral_to(qtbot, window, path)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, str(DRIVER), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    after = json.loads(run.stdout)
    assert after["assessment"] == before["assessment"]
    assert after["pages"].keys() == before["pages"].keys()
    for key in before["pages"]:
        assert after["pages"][key] == before["pages"][key], f"step {key} differs"
    facts = [o.facts for o in window.case.observations if o.facts]
    page_texts = json.dumps(after["pages"]["signals"], ensure_ascii=False)
    assert facts and all(fact in page_texts for fact in facts)


def test_open_replaces_the_case_only_after_confirmation(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, answers: Any, warnings: Warnings
) -> None:
    _load(window, "teacher-9-year-old")
    path = tmp_path / "referral.pdf"
    assert save_referral_to(qtbot, window, path)
    saved = window.case.model_copy(deep=True)  # saving settles the proposed purpose
    _load(window, "gp-adult-seasonal-worker")
    current = window.case.model_copy(deep=True)
    answers.reply = QMessageBox.StandardButton.No
    assert not window.referral_output.open_file(path)
    assert answers.asked == ["Nieuwe casus"] or answers.asked == ["New case"]
    assert window.case == current
    answers.reply = QMessageBox.StandardButton.Yes
    assert window.referral_output.open_file(path)
    assert window.case == saved
    assert window.session.carried.history.first_saved_on == dt.date.today()
    assert not warnings.shown


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"hello, not a PDF", ("geen pdf", "not a PDF")),
        (b"%PDF-1.7\n" + b"\x00" * 300, ("beschadigd", "damaged")),
    ],
    ids=["not-pdf", "damaged"],
)
def test_bad_files_leave_the_case_untouched(
    window: MainWindow,
    tmp_path: Path,
    answers: Any,
    warnings: Warnings,
    content: bytes,
    words: tuple[str, ...],
) -> None:
    _load(window, "teacher-9-year-old")
    current = window.case.model_copy(deep=True)
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    assert not window.referral_output.open_file(path)
    assert window.case == current
    assert not answers.asked, "no confirmation for a file that cannot be opened"
    assert len(warnings.shown) == 1
    assert any(word in warnings.shown[0] for word in words)
    assert "ongewijzigd" in warnings.shown[0]


def test_huge_file_is_refused(window: MainWindow, tmp_path: Path, warnings: Warnings) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as file:
        file.truncate(100 * 1024 * 1024)
    assert not window.referral_output.open_file(path)
    assert "te groot" in warnings.shown[0]


def test_unticked_box_saves_without_the_case(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    _load(window, "teacher-9-year-old")
    window.navigation.go_to("referral")
    box = find(window, QCheckBox, "embed-case-checkbox")
    assert box.isChecked(), "on by default"
    assert "verder te gaan" in box.text()
    click(qtbot, box)
    assert not box.isChecked()
    path = tmp_path / "referral.pdf"
    assert save_referral_to(qtbot, window, path)
    assert not PdfReader(path).attachments
    click(qtbot, box)
    assert save_referral_to(qtbot, window, path)
    assert list(PdfReader(path).attachments) == [ATTACHMENT_NAME]


def test_printing_embeds_nothing(qtbot: QtBot, window: MainWindow) -> None:
    _load(window, "teacher-9-year-old")
    assert not PdfReader(io.BytesIO(referral_pdf(qtbot, window)[0])).attachments


def test_dropping_a_referral_opens_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, answers: Any, warnings: Warnings
) -> None:
    _load(window, "vt-15-year-old")
    path = tmp_path / "referral.pdf"
    assert save_referral_to(qtbot, window, path)
    saved = window.case.model_copy(deep=True)  # saving settles the proposed purpose
    window.wiping.wipe()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.case == saved


def test_ctrl_o_opens_the_open_action(window: MainWindow) -> None:
    assert window.action_open.shortcut().toString() == "Ctrl+O"
    assert window.action_open in window.actions_.case_menu.actions()


def test_dossier_note_is_copied_and_wiped(
    window: MainWindow, catalog: Catalog, answers: Any
) -> None:
    _load(window, "gp-adult-seasonal-worker")
    window.referral_output.copy_note()
    clipboard = QGuiApplication.clipboard()
    note = clipboard.text()
    assert note == window.session.copied_note
    assert len(note) <= 1_500
    assert "\nS: " in note and "\nO: " in note and "\nE: " in note and "\nP: " in note
    window.wiping.new_case()
    assert clipboard.text() == ""
