"""Fill every free-text field of the real Signaal window, wipe with New case, then wait for a core.

Usage: python -B residue_driver.py MARKER

Built as `signaal.app` builds the window. Per step it types MARKER (with a field number) into
every enabled line edit and text box, one key press at a time as a user would (so Qt's undo
stacks and input buffers see it too), marks two signals as seen (to open their fact fields), then
runs New case (confirmed), collects garbage, prints `READY <fields typed>` and sleeps until the
test has taken a core of this process with gcore and kills it.
"""

from __future__ import annotations

import faulthandler
import gc
import sys
import time

MARKER = sys.argv[1]
faulthandler.dump_traceback_later(300, exit=True)  # never hang CI

from signaal.ui.privacy import prepare_environment  # noqa: E402

prepare_environment()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from signaal.content import load_catalog  # noqa: E402
from signaal.i18n import set_language  # noqa: E402
from signaal.ui.date_field import DateField  # noqa: E402
from signaal.ui.main_window import MainWindow  # noqa: E402
from signaal.ui.steps import STEP_KEYS  # noqa: E402

app = QApplication(["signaal"])
set_language("nl")
QMessageBox.question = staticmethod(  # type: ignore[method-assign]
    lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes
)
window = MainWindow(load_catalog())
window.show()
QApplication.processEvents()


def show(key: str) -> QWidget:
    window.step_list.setCurrentRow(STEP_KEYS.index(key))
    QApplication.processEvents()
    return window.navigation.current_page()


def click(name: str) -> None:
    button = window.findChild(QAbstractButton, name)
    if button is not None and button.isEnabled():
        button.click()
        QApplication.processEvents()


show("start")
click("role-teacher")
click("acute-no")
show("who")
click("person-child")
show("concerns")
click("concern-not-sure")
page = show("signals")
seen = 0
for radio in page.findChildren(QRadioButton):
    name = radio.objectName()
    if name.endswith("-seen") and not name.endswith("-not-seen") and seen < 2:
        radio.click()
        seen += 1
QApplication.processEvents()

typed = 0
for key in STEP_KEYS:
    page = show(key)
    if key == "referral":
        click("birth-date-known")
    if key == "meldcode":  # the text fields open when the step is marked as done
        for name in ("consultation-done", "vt-advice", "conversation-done"):
            click(name)
    editors = [
        widget
        for widget in page.findChildren(QWidget)
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit)
        and not isinstance(widget.parent(), QAbstractSpinBox | QComboBox | DateField)
        and widget.isEnabled()
        and not (isinstance(widget, QLineEdit | QPlainTextEdit) and widget.isReadOnly())
    ]
    for editor in editors:
        print(f"field {key}: {editor.objectName() or type(editor).__name__}", file=sys.stderr)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClicks(editor, f"{MARKER}{typed:02d} ")
        typed += 1
    QApplication.processEvents()

window.wiping.new_case()
for _round in range(3):
    QApplication.processEvents()
    gc.collect()
print(f"READY {typed}", flush=True)
while True:  # the test takes the core, then kills this process
    QApplication.processEvents()
    time.sleep(0.1)
