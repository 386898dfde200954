"""Saving through the real save dialog: no file replaced without asking, a read-only disk
explained in Dutch, the case intact (issue 22 item 5)."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from dialog_helpers import WhenOpen, stop_openers, until_referral_done
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from test_session_guards import MARKER, fill_case

from signaal.ui.main_window import MainWindow

# The offscreen platform cannot raise a window or grab the keyboard for a box over a dialog.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)
OLD = b"%PDF-1.4 an earlier referral"
# The window fixture answers QMessageBox.question itself; here the real box is answered.
REAL_QUESTION = QMessageBox.question


@pytest.fixture(autouse=True)
def _stop_openers() -> Iterator[None]:
    yield
    stop_openers()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> Path:
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    monkeypatch.setattr(QMessageBox, "question", REAL_QUESTION)
    return tmp_path


def type_name(qtbot: QtBot, name: str) -> Callable[[QWidget], None]:
    """Type `name` into the save dialog's file name field and press Enter."""

    def act(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        field.selectAll()
        qtbot.keyClicks(field, name)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    return act


def test_a_bare_name_does_not_replace_an_existing_pdf_without_asking(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    existing = home / "verwijzing.pdf"
    existing.write_bytes(OLD)
    fill_case(qtbot, window)
    questions: list[str] = []

    def answer_no(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        questions.append(box.text())
        # "No": the dialog comes back to choose again; the user then cancels.
        WhenOpen(QFileDialog, lambda again: again.reject())
        box.button(QMessageBox.StandardButton.No).click()

    def choose(dialog: QWidget) -> None:
        WhenOpen(QMessageBox, answer_no)
        type_name(qtbot, "verwijzing")(dialog)

    opened = WhenOpen(QFileDialog, choose)
    until_referral_done(qtbot, window, window.referral_output.save)
    assert opened.found is not None
    assert len(questions) == 1
    assert "verwijzing.pdf bestaat al. Wil je het bestand vervangen?" in questions[0]
    assert existing.read_bytes() == OLD
    assert sorted(p.name for p in home.iterdir()) == ["verwijzing.pdf"]
    assert not window.session.referral_done
    assert window.case.decision.decision == MARKER


def test_yes_replaces_and_a_new_name_gets_pdf_added(
    qtbot: QtBot, window: MainWindow, home: Path
) -> None:
    existing = home / "verwijzing.pdf"
    existing.write_bytes(OLD)
    fill_case(qtbot, window)

    def answer_yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    def choose(dialog: QWidget) -> None:
        WhenOpen(QMessageBox, answer_yes)
        type_name(qtbot, "verwijzing")(dialog)

    WhenOpen(QFileDialog, choose)
    until_referral_done(qtbot, window, window.referral_output.save)
    assert existing.read_bytes().startswith(b"%PDF") and existing.read_bytes() != OLD
    assert window.session.referral_done

    WhenOpen(QFileDialog, type_name(qtbot, "melding leerling"))
    until_referral_done(qtbot, window, window.referral_output.save)
    assert (home / "melding leerling.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in home.iterdir()) == ["melding leerling.pdf", "verwijzing.pdf"]


def test_a_read_only_disk_is_explained_in_dutch(
    qtbot: QtBot, window: MainWindow, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only file system both creating and removing the file fail with EROFS."""

    def read_only(path: Path, *args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    fill_case(qtbot, window)
    monkeypatch.setattr(Path, "open", read_only)
    monkeypatch.setattr(Path, "unlink", read_only)
    shown: list[tuple[str, str]] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append((box.objectName(), box.text()))
        box.accept()

    def choose(dialog: QWidget) -> None:
        WhenOpen(QMessageBox, read)
        type_name(qtbot, "verwijzing")(dialog)

    WhenOpen(QFileDialog, choose)
    until_referral_done(qtbot, window, window.referral_output.save)
    [(name, text)] = shown
    assert name != "error-dialog"
    assert "Deze map is alleen-lezen." in text
    assert "Er gaat niets verloren" in text
    assert not window.session.referral_done
    assert window.case.decision.decision == MARKER


def test_the_save_dialog_is_gone_once_done(qtbot: QtBot, window: MainWindow, home: Path) -> None:
    """Nothing of the dialog (the typed file name) lingers as a hidden window."""
    fill_case(qtbot, window)
    WhenOpen(QFileDialog, type_name(qtbot, "een"))
    until_referral_done(qtbot, window, window.referral_output.save)
    assert (home / "een.pdf").exists()
    qtbot.waitUntil(lambda: window.findChild(QFileDialog) is None, timeout=2000)
