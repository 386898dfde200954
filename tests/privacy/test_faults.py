"""Nothing lost on faults, nothing leaked on the way out.

- An exception inside a slot (a status click, the live assessment, the PDF for preview or save,
  a timer) shows one error dialog that names only the kind of error — never its message, which
  may quote the case — and the window keeps running with every answer in place.
- Saving into a folder that cannot be written, onto a full disk (`/dev/full`: every write fails
  with ENOSPC) or printing to a printer that cannot start gives a clear message; the case stays.
- Closing the window with unsaved work asks first; "No" keeps everything.
- The idle wipe and "New case" leave no case data in the model, the widgets or the clipboard.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

import signaal.report
from signaal.content import Catalog
from signaal.i18n import _, set_language
from signaal.ui import saving
from signaal.ui.errors import ErrorGuard, install_exception_hook
from signaal.ui.main_window import MainWindow
from signaal.ui.steps import STEP_KEYS

MARKER = "SIGNAAL-MARKER-7f3a"


class InjectedError(RuntimeError):
    """The injected fault; its message quotes the case, as a real one might."""


class DialogRecorder:
    """Answers every modal message box like a user would and keeps what it said."""

    def __init__(self, answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok):
        self.seen: list[dict[str, str]] = []
        self.answer = answer
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QMessageBox):
            if modal is not None:
                modal.close()
            return
        self.seen.append(
            {
                "name": modal.objectName(),
                "title": modal.windowTitle(),
                "text": "\n".join((modal.text(), modal.informativeText(), modal.detailedText())),
            }
        )
        button = modal.button(self.answer) or modal.defaultButton() or modal.buttons()[0]
        button.click()

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def dialogs() -> Iterator[DialogRecorder]:
    recorder = DialogRecorder()
    yield recorder
    recorder.stop()


@pytest.fixture
def guard() -> Iterator[ErrorGuard]:
    previous = sys.excepthook
    installed = install_exception_hook()
    yield installed
    sys.excepthook = previous


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    set_language("nl")
    made = MainWindow(catalog)
    qtbot.addWidget(made)
    made.show()
    return made


def show(window: MainWindow, key: str) -> QWidget:
    window.step_list.setCurrentRow(STEP_KEYS.index(key))
    QApplication.processEvents()
    return window.navigation.current_page()


def fill_case(window: MainWindow, qtbot: QtBot) -> list[str]:
    """Answer like a teacher worried about a 9-year-old; facts hold the marker."""
    show(window, "start")
    window.findChild(QRadioButton, "role-teacher").click()
    window.findChild(QRadioButton, "acute-no").click()
    show(window, "who")
    window.findChild(QRadioButton, "person-child").click()
    window.findChild(QWidget, "age-spin").setValue(9)
    show(window, "concerns")
    window.findChild(QAbstractButton, "concern-not-sure").click()
    page = show(window, "signals")
    answered = []
    for radio in page.findChildren(QRadioButton):
        name = radio.objectName()
        if name.endswith("-seen") and not name.endswith("-not-seen") and len(answered) < 2:
            indicator = name.removeprefix("status-").removesuffix("-seen")
            radio.click()
            window.findChild(QPlainTextEdit, f"facts-{indicator}").setPlainText(
                f"Zei op maandag: {MARKER} {len(answered)}"
            )
            answered.append(indicator)
    assert answered, "no signal on screen to answer"
    return answered


def texts_of(root: QWidget) -> list[str]:
    found = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QLabel | QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        found += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    return found


def answers_intact(window: MainWindow, answered: list[str]) -> None:
    for index, indicator in enumerate(answered):
        observation = window.case.observation(indicator)
        assert observation is not None and observation.status == "seen"
        assert observation.facts == f"Zei op maandag: {MARKER} {index}"
    show(window, "signals")
    editors = [window.findChild(QPlainTextEdit, f"facts-{i}") for i in answered]
    assert all(MARKER in editor.toPlainText() for editor in editors)


def raise_boom(*_args: Any, **_kwargs: Any) -> Any:
    raise InjectedError(f"could not handle {MARKER}")


def fault_in_assessment(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = show(window, "signals")
    monkeypatch.setattr(type(window.session), "assessment", raise_boom)
    for radio in page.findChildren(QRadioButton):
        indicator = radio.objectName().removeprefix("status-").removesuffix("-told")
        if radio.objectName().endswith("-told") and window.case.observation(indicator) is None:
            radio.click()  # a slot asks for a fresh assessment and fails
            break
    # The sidebar's slot builds the outcome page, which needs the assessment: fails too.
    window.step_list.setCurrentRow(STEP_KEYS.index("outcome"))
    QApplication.processEvents()


def fault_in_preview(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signaal.report, "render_referral", raise_boom)
    window.findChild(QAction, "action-preview").trigger()


def fault_in_save(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signaal.report, "render_referral", raise_boom)
    window.findChild(QAction, "action-save").trigger()


def fault_in_timer(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    QTimer.singleShot(0, raise_boom)


FAULTS: dict[str, Callable[[MainWindow, pytest.MonkeyPatch], None]] = {
    "assessment": fault_in_assessment,
    "timer": fault_in_timer,
}
# The referral is made in a worker thread, which reports a failure with its own dialog.
RENDER_FAULTS: dict[str, Callable[[MainWindow, pytest.MonkeyPatch], None]] = {
    "preview": fault_in_preview,
    "save": fault_in_save,
}


@pytest.mark.parametrize("where", sorted(RENDER_FAULTS))
def test_a_failed_render_says_so_and_keeps_every_answer(
    where: str,
    window: MainWindow,
    qtbot: QtBot,
    dialogs: DialogRecorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answered = fill_case(window, qtbot)
    with monkeypatch.context() as patch:
        RENDER_FAULTS[where](window, patch)
        qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=10_000)
    [dialog] = dialogs.seen
    assert dialog["name"] == "render-failed-dialog"
    assert dialog["title"] == _("The referral could not be made")
    assert dialog["text"].strip() == _(
        "Signaal could not make the referral ({kind}). Nothing you typed is lost: the "
        "case is still open. Try again, or shorten very long or unusual text."
    ).format(kind="InjectedError")
    assert MARKER not in dialog["text"] and "could not handle" not in dialog["text"]
    output = capsys.readouterr()
    assert MARKER not in output.err + output.out
    assert not window.referral_output.rendering
    answers_intact(window, answered)


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("where", sorted(FAULTS))
def test_an_exception_in_a_slot_shows_a_dialog_and_keeps_every_answer(
    where: str,
    window: MainWindow,
    qtbot: QtBot,
    dialogs: DialogRecorder,
    guard: ErrorGuard,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answered = fill_case(window, qtbot)
    with monkeypatch.context() as patch:
        FAULTS[where](window, patch)
        qtbot.waitUntil(lambda: guard.count > 0, timeout=10_000)
        qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=10_000)
    errors = [d for d in dialogs.seen if d["name"] == "error-dialog"]
    assert len(errors) >= 1
    for dialog in errors:
        assert dialog["title"] == _("Unexpected error")
        assert "InjectedError" in dialog["text"]
        assert MARKER not in dialog["text"] and "could not handle" not in dialog["text"]
    output = capsys.readouterr()
    assert MARKER not in output.err + output.out
    assert "InjectedError" in output.err, "developers still learn where it happened"
    assert window.isVisible()
    answers_intact(window, answered)
    # The app keeps working: with the fault gone, the outcome page builds its assessment.
    show(window, "outcome")
    QApplication.processEvents()
    assert window.session.assessment() is not None


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write in (root ignores permissions, but not sysfs)."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir(mode=0o500)
        return folder
    if os.access("/sys", os.F_OK):
        return Path("/sys")
    pytest.skip("running as root without sysfs: no folder is unwritable")


def full_disk(tmp_path: Path) -> Path:
    """A PDF name on a 'full disk': a link to /dev/full, where every write fails with ENOSPC."""
    link = tmp_path / "verwijzing.pdf"
    link.symlink_to("/dev/full")
    return link


@pytest.mark.parametrize("where", ["read-only", "full-disk", "missing-folder"])
def test_a_failed_save_explains_and_keeps_the_case(
    where: str,
    window: MainWindow,
    qtbot: QtBot,
    dialogs: DialogRecorder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answered = fill_case(window, qtbot)
    target = {
        "read-only": unwritable_folder(tmp_path) / "verwijzing.pdf",
        "full-disk": full_disk(tmp_path),
        "missing-folder": tmp_path / "gone" / "verwijzing.pdf",
    }[where]
    # The user picks the place in the save dialog (and, for an existing file, agrees to replace
    # it); then the app writes.
    monkeypatch.setattr(saving, "chosen_file", lambda *args: str(target))
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.findChild(QAction, "action-save").trigger()
    qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=10_000)
    message = dialogs.seen[-1]["text"]
    expected = {
        "read-only": (_("You may not write in this folder."), _("This folder is read-only.")),
        "full-disk": (_("The disk is full."),),
        "missing-folder": (_("This folder does not exist (any more)."),),
    }[where]
    assert any(reason in message for reason in expected), message
    assert MARKER not in message
    if where == "full-disk":
        assert target.is_symlink(), "an existing file must not be removed after a failure"
    else:
        assert not target.exists()
    answers_intact(window, answered)
    assert not window.session.referral_done
    assert all(d["name"] != "error-dialog" for d in dialogs.seen)


def test_a_full_disk_is_a_real_enospc() -> None:
    with pytest.raises(OSError) as failure, Path("/dev/full").open("wb") as disk:
        disk.write(b"x" * 65536)
        disk.flush()
    assert failure.value.errno == errno.ENOSPC


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_failed_print_explains_and_keeps_the_case(
    window: MainWindow, qtbot: QtBot, dialogs: DialogRecorder, tmp_path: Path
) -> None:
    from signaal.ui.printing import new_printer, print_to

    answered = fill_case(window, qtbot)
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "print.pdf"))
    pdf = signaal.report.render_referral(
        window.catalog, window.case, window.session.assessment(), "nl"
    )
    assert print_to(printer, pdf, window) is False
    qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=10_000)
    assert dialogs.seen[-1]["text"].strip()
    assert MARKER not in dialogs.seen[-1]["text"]
    answers_intact(window, answered)


def test_closing_with_unsaved_work_asks_first(
    window: MainWindow, qtbot: QtBot, dialogs: DialogRecorder
) -> None:
    answered = fill_case(window, qtbot)
    dialogs.answer = QMessageBox.StandardButton.No
    window.close()
    qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=10_000)
    assert window.isVisible(), "closing without a 'yes' must keep the window"
    answers_intact(window, answered)
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert len(dialogs.seen) == 2
    assert not window.session.has_answers()


def no_case_left(window: MainWindow) -> None:
    assert MARKER not in window.case.model_dump_json()
    assert window.case.observations == []
    leftovers = [t for t in texts_of(window) if MARKER in t]
    assert leftovers == []
    assert MARKER not in QGuiApplication.clipboard().text()
    for key in STEP_KEYS:  # pages are rebuilt from the (empty) case when shown
        show(window, key)
        assert [t for t in texts_of(window) if MARKER in t] == [], key


def test_new_case_leaves_nothing_reachable(
    window: MainWindow, qtbot: QtBot, dialogs: DialogRecorder
) -> None:
    answered = fill_case(window, qtbot)
    facts = window.findChild(QPlainTextEdit, f"facts-{answered[0]}")
    facts.selectAll()
    facts.copy()  # the user copied case text: the wipe must not leave it on the clipboard
    assert MARKER in QGuiApplication.clipboard().text()
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.findChild(QAction, "action-new-case").trigger()
    qtbot.waitUntil(lambda: not window.session.has_answers(), timeout=10_000)
    no_case_left(window)


def test_idle_wipe_leaves_nothing_reachable(
    qtbot: QtBot, catalog: Catalog, dialogs: DialogRecorder
) -> None:
    set_language("nl")
    window = MainWindow(catalog, idle_timeout_ms=600_000)
    qtbot.addWidget(window)
    window.show()
    fill_case(window, qtbot)
    assert MARKER in window.case.model_dump_json()
    window.idle.set_timeout(1500, 500)  # now leave the window alone for 1.5 seconds
    qtbot.waitUntil(lambda: not window.session.has_answers(), timeout=20_000)
    no_case_left(window)
