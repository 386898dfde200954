"""A scripted session of the real Signaal window, run as its own process under strace.

Usage: python -B e2e_driver.py MARKER OUTPUT.pdf

It builds the app the way `signaal.app` does (privacy guards before the QApplication), then acts
like a user: chooses a role, marks signals as seen with facts holding MARKER, walks every step,
opens the preview, saves the PDF through Qt's own file dialog (typing OUTPUT.pdf into its name
field and pressing Save), starts a new case, and quits. Every modal dialog is answered by a timer,
as a user would click it. At the end it prints one line `REPORT {json}` with what it saw (window
titles, message-box texts, clipboard, widgets still showing the marker, ...). The report holds
no case text itself unless the app leaked it.
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
faulthandler.dump_traceback_later(120, exit=True)  # never hang CI

# Everything any logger writes goes to stderr, which the test scans for the marker.
logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)

from signaal.ui.privacy import prepare_environment  # noqa: E402

prepare_environment()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QAction, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
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

from signaal.i18n import set_language  # noqa: E402
from signaal.ui.errors import install_exception_hook  # noqa: E402
from signaal.ui.qt_i18n import install_qt_translator  # noqa: E402

report: dict[str, Any] = {
    "steps": [],
    "titles": set(),
    "messages": [],
    "dialogs": [],
    "saved_via": None,
    "errors": [],
}

app = QApplication(["signaal"])
app.setApplicationName("Signaal")
app.setOrganizationName("Signaal")
install_exception_hook()
set_language("nl")
install_qt_translator("nl")

from signaal.content import load_catalog  # noqa: E402
from signaal.ui.main_window import MainWindow  # noqa: E402

catalog = load_catalog()
window = MainWindow(catalog)
window.show()


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
    work()
    app.processEvents()


def choose_role() -> None:
    button = find(QRadioButton, "role-teacher")
    if button is None:
        raise SystemExit("no role-teacher radio button: the UI contract changed")
    button.click()


def answer_signals() -> int:
    """Mark up to three signals seen and type facts with the marker; return how many."""
    steps = find(QListWidget, "step-list") or window.findChild(QListWidget)
    answered = 0
    for row in range(steps.count()):
        steps.setCurrentRow(row)
        app.processEvents()
        for radio in window.findChildren(QRadioButton):
            name = radio.objectName()
            if not (name.startswith("status-") and name.endswith("-seen")) or answered >= 3:
                continue
            indicator = name[len("status-") : -len("-seen")]
            radio.click()
            app.processEvents()
            facts = window.findChild(QPlainTextEdit, f"facts-{indicator}")
            if facts is None:
                continue
            facts.setPlainText(f"Op maandag zei ze: {MARKER} {answered}")
            answered += 1
        if answered:
            break
    if not answered:  # the walking skeleton: a check box and a line edit per signal
        for box in window.findChildren(QAbstractButton):
            name = box.objectName()
            if name.startswith("seen-") and answered < 3:
                box.click()
                facts = window.findChild(QLineEdit, f"facts-{name[5:]}")
                facts.setText(f"Op maandag zei ze: {MARKER} {answered}")
                answered += 1
    return answered


def walk_all_steps() -> None:
    steps = find(QListWidget, "step-list") or window.findChild(QListWidget)
    following = find(QPushButton, "next-button")
    for row in range(steps.count()):
        steps.setCurrentRow(row)
        app.processEvents()
        report["titles"].add(window.windowTitle())
    if following is not None:
        steps.setCurrentRow(0)
        for _ in range(steps.count() + 2):
            if following.isEnabled() and following.isVisible():
                following.click()
                app.processEvents()


def trigger(name: str, fallback: Callable[[], None] | None = None) -> None:
    found = action(name)
    if found is not None:
        found.trigger()
    elif fallback is not None:
        fallback()
    else:
        report["errors"].append(f"no QAction {name}")


def script() -> None:
    try:
        step("role", choose_role)
        report["answered"] = 0

        def signals() -> None:
            report["answered"] = answer_signals()

        step("signals", signals)
        report["case_holds_marker_after_typing"] = MARKER in window.case.model_dump_json()
        step("walk", walk_all_steps)
        step("preview", lambda: trigger("action-preview", window.preview))
        step("save", lambda: trigger("action-save", window.save_referral))
        if report["saved_via"] is None or not TARGET.exists():
            report["errors"].append("the file dialog did not save; using window.save_to")
            window.save_to(str(TARGET))
            report["saved_via"] = "save_to"
        report["ui_contract"] = action("action-new-case") is not None
        if report["ui_contract"]:
            step("new-case", lambda: trigger("action-new-case"))
        else:
            report["steps"].append("new-case")
        report["observations_after_new"] = len(window.case.observations)
        report["widgets_with_marker_after_new"] = [t for t in visible_texts(window) if MARKER in t]
        report["case_holds_marker_after_new"] = MARKER in window.case.model_dump_json()
        clipboard = QGuiApplication.clipboard()
        report["clipboard_has_marker"] = MARKER in (clipboard.text() or "")
        report["titles"].add(window.windowTitle())
    except BaseException as error:  # report, then still quit cleanly
        report["errors"].append(f"script failed: {type(error).__name__}")
    step("quit", lambda: trigger("action-quit", window.close))
    QTimer.singleShot(0, app.quit)


QTimer.singleShot(50, script)
code = app.exec()
report["titles"] = sorted(report["titles"])
report["exit_code"] = code
report["qt_network_module_loaded"] = "PySide6.QtNetwork" in sys.modules
print("REPORT " + json.dumps(report, ensure_ascii=True), flush=True)
