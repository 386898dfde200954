"""A scripted session of the real Signaal window, run as its own process under strace.

Usage: python -B e2e_driver.py MARKER OUTPUT.pdf

It builds the app the way `signaal.app` does (privacy guards before the QApplication), then acts
like a user: chooses a role, marks signals as seen with facts holding MARKER, walks every step,
opens the preview, saves the PDF through Qt's own file dialog (typing OUTPUT.pdf into its name
field and pressing Save), starts a new case, types again, opens the saved referral through the
Open dialog (the case it carries replaces the typed one), and quits. Every modal dialog is
answered by a timer, as a user would click it. At the end it prints one line `REPORT {json}`
with what it saw (window titles, message-box texts, clipboard, widgets still showing the
marker, ...). The report holds no case text itself unless the app leaked it.
"""

from __future__ import annotations

import faulthandler
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

MARKER, TARGET = sys.argv[1], Path(sys.argv[2])
faulthandler.dump_traceback_later(200, exit=True)  # never hang CI

# Everything any logger writes goes to stderr, which the test scans for the marker.
logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)

from signaal.ui.privacy import prepare_environment  # noqa: E402

prepare_environment()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QAction, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from signaal import preferences  # noqa: E402
from signaal.app import load_content  # noqa: E402
from signaal.i18n import set_language  # noqa: E402
from signaal.ui.errors import install_exception_hook  # noqa: E402
from signaal.ui.main_window import MainWindow  # noqa: E402
from signaal.ui.qt_i18n import install_qt_translator  # noqa: E402

report: dict[str, Any] = {
    "steps": [],
    "titles": set(),
    "messages": [],
    "dialogs": [],
    "saved_via": None,
    "opened_via": None,
    "dialogs_by_step": {},
    "errors": [],
}

# Built exactly as `signaal.app.main` builds it, including the stored preferences.
stored = preferences.load()
app = QApplication(["signaal"])
app.setApplicationName("Signaal")
app.setOrganizationName("Signaal")
install_exception_hook()
set_language(stored.language)
install_qt_translator(stored.language)
window = MainWindow(preferences=stored, preferences_path=preferences.preferences_path())
window.show()
load_content(window)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user could read or edit in `root` and its children."""
    texts: list[str] = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
            texts.append(widget.currentText())
        elif isinstance(widget, (QSpinBox, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
        texts.append(widget.accessibleDescription())
    return texts


def answer_modal() -> None:
    """Play the user in front of whatever modal dialog is open."""
    for widget in app.topLevelWidgets():
        if widget.isVisible() and widget.windowTitle():
            report["titles"].add(widget.windowTitle())
    modal = app.activeModalWidget()
    if modal is None:
        return
    kind = type(modal).__name__
    if isinstance(modal, QFileDialog):
        report["dialogs"].append("file")
        name = modal.findChild(QLineEdit, "fileNameEdit")
        buttons = modal.findChild(QDialogButtonBox, "buttonBox")
        if name is None or buttons is None:
            report["errors"].append("file dialog is native or unexpected; could not drive it")
            modal.reject()
            return
        name.setText(str(TARGET))
        if modal.acceptMode() == QFileDialog.AcceptMode.AcceptOpen:
            # Casus → Verwijzing openen: read the referral just saved back in.
            buttons.button(QDialogButtonBox.StandardButton.Open).click()
            report["opened_via"] = "file-dialog"
            return
        buttons.button(QDialogButtonBox.StandardButton.Save).click()
        report["saved_via"] = "file-dialog"
        return
    if isinstance(modal, QMessageBox):
        report["dialogs"].append("message")
        report["messages"].append(
            "\n".join(
                (modal.windowTitle(), modal.text(), modal.informativeText(), modal.detailedText())
            )
        )
        for role in (
            QMessageBox.ButtonRole.YesRole,
            QMessageBox.ButtonRole.AcceptRole,
            QMessageBox.ButtonRole.DestructiveRole,
        ):
            for button in modal.buttons():
                if modal.buttonRole(button) == role:
                    button.click()
                    return
        modal.close()
        return
    report["dialogs"].append(kind)
    report["titles"].add(modal.windowTitle())
    report["messages"].extend(t for t in visible_texts(modal) if MARKER in t)
    if isinstance(modal, QDialog):
        modal.reject()
    else:
        modal.close()


poller = QTimer()
poller.setInterval(30)
poller.timeout.connect(answer_modal)
poller.start()


def find(kind: type[Any], name: str) -> Any:
    return window.findChild(kind, name)


def action(name: str) -> QAction | None:
    found = window.findChild(QAction, name)
    return found if isinstance(found, QAction) else None


def step(label: str, work: Callable[[], None]) -> None:
    report["steps"].append(label)
    before = len(report["dialogs"])
    try:
        work()
        app.processEvents()
    finally:
        report["dialogs_by_step"][label] = report["dialogs"][before:]


def click(name: str) -> bool:
    button = find(QAbstractButton, name)
    if button is None or not button.isEnabled():
        return False
    button.click()
    app.processEvents()
    return True


def show_step(key: str) -> QWidget:
    from signaal.ui.steps import STEP_KEYS

    window.step_list.setCurrentRow(STEP_KEYS.index(key))
    app.processEvents()
    report["titles"].add(window.windowTitle())
    return window.navigation.current_page()


def type_marker_everywhere(page: QWidget, label: str) -> int:
    """Type case text with the marker into every free-text editor the page offers."""
    typed = 0
    for editor in page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit):
        parent = editor.parentWidget()
        if (
            editor.objectName() in {"signal-search"}
            or isinstance(parent, QAbstractSpinBox | QComboBox)
            or not editor.isEnabled()
            or editor.isReadOnly()
            or not editor.isVisibleTo(page)
        ):
            continue
        text = f"{label} {typed}: op maandag zei ze {MARKER}"
        if isinstance(editor, QLineEdit):
            editor.setText(text)
        else:
            editor.setPlainText(text)
        typed += 1
        app.processEvents()
    return typed


def answer_case() -> None:
    # A preference changed during the session: the one file Signaal may keep.
    trigger("action-theme-light")
    show_step("start")
    if not click("role-teacher"):
        raise RuntimeError("no role-teacher radio button: the UI contract changed")
    click("acute-no")
    page = show_step("who")
    click("person-child")
    age = find(QSpinBox, "age-spin")
    if age is not None:
        age.setValue(9)
    # One person, professional and network entry, so that their fields exist to type into.
    for key in ("persons", "professionals", "network"):
        if not click(f"{key}-add"):
            raise RuntimeError(f"no {key}-add button on the Who page: the UI contract changed")
    report["typed_who"] = type_marker_everywhere(page, "who")
    show_step("concerns")
    click("concern-not-sure")
    page = show_step("signals")
    answered = 0
    for radio in page.findChildren(QRadioButton):
        name = radio.objectName()
        if (
            answered < 3
            and name.startswith("status-")
            and name.endswith("-seen")
            and not name.endswith("-not-seen")
        ):
            indicator = name[len("status-") : -len("-seen")]
            radio.click()
            app.processEvents()
            facts = find(QPlainTextEdit, f"facts-{indicator}")
            if facts is None:
                raise RuntimeError("no facts editor next to a signal: the UI contract changed")
            facts.setPlainText(f"Op maandag zei ze: {MARKER} {answered}")
            answered += 1
    report["answered"] = answered
    # A signal told by someone else: who told it (a role or relation) is case text too.
    told = next(
        (
            r
            for r in page.findChildren(QRadioButton)
            if r.objectName().endswith("-told-third-party") and not r.isChecked()
        ),
        None,
    )
    if told is None:
        raise RuntimeError("no 'told by someone else' choice: the UI contract changed")
    told.click()
    app.processEvents()
    indicator = told.objectName()[len("status-") : -len("-told-third-party")]
    teller = find(QLineEdit, f"teller-{indicator}")
    if teller is None:
        raise RuntimeError("no 'told by' field next to a signal: the UI contract changed")
    teller.setText(f"klasgenoot {MARKER}")
    app.processEvents()
    page = show_step("meldcode")
    click("consultation-done")
    click("conversation-done")
    report["typed"] = type_marker_everywhere(page, "meldcode")
    show_step("weighing")
    for _ in range(8):
        if not click("answer-yes"):
            break
    page = show_step("outcome")
    report["typed"] += type_marker_everywhere(page, "outcome")
    page = show_step("referral")
    report["typed"] += type_marker_everywhere(page, "referral")


def walk_all_steps() -> None:
    """Visit every step by the sidebar, then again with the Next button from the start."""
    steps = find(QListWidget, "step-list")
    for row in range(steps.count()):
        steps.setCurrentRow(row)
        app.processEvents()
        report["titles"].add(window.windowTitle())
    steps.setCurrentRow(0)
    following = find(QPushButton, "next-button")
    for _ in range(steps.count() + 2):
        if following is not None and following.isEnabled() and following.isVisible():
            following.click()
            app.processEvents()


def trigger(name: str) -> None:
    found = action(name)
    if found is None:
        raise RuntimeError(f"no QAction {name}: the UI contract changed")
    found.trigger()
    app.processEvents()


def trigger_render(name: str) -> None:
    """Preview, print and save make the PDF in a worker thread first: wait until it is done."""
    import time

    trigger(name)
    deadline = time.monotonic() + 120
    while window.referral_output.rendering and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def script() -> None:
    try:
        step("answer", answer_case)
        report["case_holds_marker_after_typing"] = MARKER in window.case.model_dump_json()
        step("walk", walk_all_steps)
        step("preview", lambda: trigger_render("action-preview"))
        step("save", lambda: trigger_render("action-save"))
        if report["saved_via"] is None or not TARGET.exists():
            report["errors"].append("the file dialog did not save")
        step("new-case", lambda: trigger("action-new-case"))
        report["observations_after_new"] = len(window.case.observations)
        report["widgets_with_marker_after_new"] = [
            type(w).__name__ for w in [window] if any(MARKER in t for t in visible_texts(window))
        ]
        report["case_holds_marker_after_new"] = MARKER in window.case.model_dump_json()
        report["clipboard_has_marker"] = MARKER in (QGuiApplication.clipboard().text() or "")
        report["titles"].add(window.windowTitle())
        # Type again, so that quitting has unsaved work to confirm and wipe.
        step("answer-again", answer_case)
        # Continue the saved case: open the referral (replacing the case after a confirmation).
        step("open", lambda: trigger("action-open-referral"))
        report["case_holds_marker_after_open"] = MARKER in window.case.model_dump_json()
        report["observations_after_open"] = len([o for o in window.case.observations if o.counts])
    except BaseException as error:  # report, then still quit cleanly
        report["errors"].append(f"script failed: {type(error).__name__}: {error}")
    step("quit", lambda: trigger("action-quit"))
    report["window_visible_after_quit"] = window.isVisible()
    QTimer.singleShot(0, app.quit)


QTimer.singleShot(50, script)
code = app.exec()
report["titles"] = sorted(report["titles"])
report["exit_code"] = code
report["qt_network_module_loaded"] = "PySide6.QtNetwork" in sys.modules
print("REPORT " + json.dumps(report, ensure_ascii=True), flush=True)
