"""A long consultation in the real window: 20,000 characters typed and 2,000 scroll steps.

With PySide6 6.12.0 every signal emit dropped a reference to `True`, and the app aborted
part-way through typing about 4,600 characters (issue 22 item 1). Here the window gets far more
than that, through its native window as keyboard and wheel input arrive, and every answer must
still be there afterwards.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea
from pytestqt.qtbot import QtBot
from test_session_guards import MARKER, fill_case
from ui_helpers import find

from signaal.ui.main_window import MainWindow

CHARACTERS = 20_000
SCROLL_STEPS = 2_000
# Dutch text with the letters a professional types, line breaks included.
SENTENCE = "Zij zei op 3 maart: ‘ik mag niet naar huis’. Łukasz bracht haar.\n"


def type_text(window: MainWindow, text: str) -> None:
    """Each character as a key press and release on the window, as the keyboard delivers it.

    (QTest's keyClicks knows only ASCII.)
    """
    handle = window.windowHandle()
    for character in text:
        if character == "\n":
            key, typed = Qt.Key.Key_Return, "\r"
        elif character.isascii() and character.isalnum():
            key, typed = Qt.Key(ord(character.upper())), character
        else:
            key, typed = Qt.Key.Key_unknown, character
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                handle, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed)
            )


def wheel(area: QScrollArea, down: bool) -> None:
    """One notch of the mouse wheel over the page's scroll area.

    Sent to the viewport itself: Qt passes a wheel event it did not get from the system on to
    no parent, so one aimed at the window would stop at whatever field is under the pointer.
    """
    viewport = area.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        viewport.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_twenty_thousand_characters_and_two_thousand_scroll_steps(
    qtbot: QtBot, window: MainWindow
) -> None:
    started = time.monotonic()
    indicator = fill_case(qtbot, window)
    true_before = sys.getrefcount(True)
    expected = (SENTENCE * (CHARACTERS // len(SENTENCE) + 1))[:CHARACTERS]

    window.navigation.go_to("outcome")
    reasoning = find(window, QPlainTextEdit, "decision-reasoning")
    reasoning.setFocus()
    reasoning.moveCursor(reasoning.textCursor().MoveOperation.End)
    for start in range(0, CHARACTERS, 500):
        type_text(window, expected[start : start + 500])
        QApplication.processEvents()
    assert window.case.decision.reasoning == expected

    window.navigation.go_to("signals")
    area = window.navigation.current_page().findChild(QScrollArea)
    assert area is not None
    bar = area.verticalScrollBar()
    positions = set()
    for step in range(SCROLL_STEPS):
        wheel(area, down=(step // 100) % 2 == 0)
        positions.add(bar.value())
        if step % 50 == 0:
            QApplication.processEvents()
    assert len(positions) > 10, "the wheel did not scroll the page"

    # The case is intact: everything typed before and during the soak is still there.
    assert window.case.decision.reasoning == expected
    assert window.case.decision.decision == MARKER
    observation = window.case.observation(indicator)
    assert observation is not None and observation.facts == MARKER
    assert window.case.person.initials == "K.L."
    assert sys.getrefcount(True) >= true_before - 10
    assert time.monotonic() - started < 120
