"""Every free-text field for the receiver (issue 16), typed into the real window: its own marker
is printed on the referral, and New case and the idle wipe leave none of it in the case, the
widgets or the clipboard. (That none of it reaches the disk is proven by the traced session in
`test_e2e_trace.py`, whose driver types into these fields too.)"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_faults import DialogRecorder, dialogs, show, texts_of

from signaal.assessment import assess
from signaal.content import Catalog
from signaal.i18n import set_language
from signaal.report import render_referral
from signaal.ui.main_window import MainWindow
from signaal.ui.steps import STEP_KEYS

__all__ = ["dialogs"]  # the fixture, shared with test_faults

MARKER = "RCVMARK"
# Every new free-text widget of the Who page, by object name (entry lists: one entry each).
WHO_FIELDS = (
    "person-address",
    "person-school",
    "person-class",
    "persons-0-1",  # relation
    "persons-0-2",  # name
    "persons-0-3",  # age
    "persons-0-5",  # notes
    "suspect-name",
    "suspect-age",
    "suspect-vehicle",
    "suspect-phone",
    "suspect-social-media",
    "suspect-description",
    "professionals-0-0",  # function
    "professionals-0-1",  # name
    "professionals-0-2",  # organisation
    "professionals-0-3",  # contact
    "professionals-0-4",  # notes
    "network-0-0",  # relation
    "network-0-1",  # name
    "network-0-2",  # contact
    "network-0-3",  # notes
)


def marker(name: str) -> str:
    """One marker per field, so that a field that is not printed or not wiped is named."""
    return f"{MARKER}{name.replace('-', '')}Q"


def fill_every_new_field(window: MainWindow) -> list[str]:
    """Type a marker into each new field the way a user would; the names of the fields typed."""
    show(window, "start")
    window.findChild(QRadioButton, "role-teacher").click()
    window.findChild(QRadioButton, "acute-no").click()
    page = show(window, "who")
    window.findChild(QRadioButton, "person-child").click()
    window.findChild(QWidget, "age-spin").setValue(14)
    for key in ("persons", "professionals", "network"):
        window.findChild(QAbstractButton, f"{key}-add").click()
        QApplication.processEvents()
    typed = []
    for name in WHO_FIELDS:
        editor = page.findChild(QWidget, name)
        assert editor is not None, f"no field {name} on the Who page"
        if isinstance(editor, QLineEdit):
            editor.setText(marker(name))
        else:
            assert isinstance(editor, QPlainTextEdit), name
            editor.setPlainText(marker(name))
        typed.append(name)
    show(window, "concerns")
    window.findChild(QAbstractButton, "concern-not-sure").click()
    page = show(window, "signals")
    told = next(
        r for r in page.findChildren(QRadioButton) if r.objectName().endswith("-told-third-party")
    )
    told.click()
    QApplication.processEvents()
    indicator = told.objectName().removeprefix("status-").removesuffix("-told-third-party")
    teller = page.findChild(QLineEdit, f"teller-{indicator}")
    assert teller is not None and teller.isVisibleTo(page), "no 'told by' field for the row"
    teller.setText(marker("teller"))
    typed.append("teller")
    show(window, "referral")
    window.findChild(QLineEdit, "reporter-job-title").setText(marker("reporter-job-title"))
    typed.append("reporter-job-title")
    return typed


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    set_language("nl")
    made = MainWindow(catalog, idle_timeout_ms=600_000)
    qtbot.addWidget(made)
    made.show()
    return made


def test_every_new_field_is_printed(
    window: MainWindow, catalog: Catalog, dialogs: DialogRecorder
) -> None:
    # `dialogs` answers the quit confirmation when the test closes the window.
    typed = fill_every_new_field(window)
    assert len(typed) == 24
    case = window.case
    pdf = render_referral(catalog, case, assess(catalog, case), "nl")
    text = "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    missing = [name for name in typed if marker(name) not in text]
    assert missing == []


def no_marker_left(window: MainWindow) -> None:
    assert MARKER not in window.case.model_dump_json()
    assert MARKER not in QGuiApplication.clipboard().text()
    for key in STEP_KEYS:  # pages are rebuilt from the (empty) case when shown
        show(window, key)
        assert [t for t in texts_of(window) if MARKER in t] == [], key


def test_new_case_wipes_every_new_field(
    window: MainWindow, qtbot: QtBot, dialogs: DialogRecorder
) -> None:
    fill_every_new_field(window)
    assert all(marker(name) in window.case.model_dump_json() for name in WHO_FIELDS)
    description = window.findChild(QPlainTextEdit, "suspect-description")
    description.selectAll()
    description.copy()  # case text on the clipboard must go too
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.findChild(QAction, "action-new-case").trigger()
    qtbot.waitUntil(lambda: not window.session.has_answers(), timeout=10_000)
    assert window.case.persons == [] and window.case.network == []
    no_marker_left(window)


def test_idle_wipe_wipes_every_new_field(
    window: MainWindow, qtbot: QtBot, dialogs: DialogRecorder
) -> None:
    fill_every_new_field(window)
    assert MARKER in window.case.model_dump_json()
    window.idle.set_timeout(1500, 500)  # now leave the window alone for 1.5 seconds
    qtbot.waitUntil(lambda: not window.session.has_answers(), timeout=20_000)
    no_marker_left(window)
