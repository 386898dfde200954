"""A wipe clears the X11 PRIMARY selection when it holds case text (issue 22 item 3).

Selecting text in a field puts it in PRIMARY (middle-click paste) without any copy. The first
test drives the logic through a clipboard that has a selection; the second checks it on a real
X server (Xvfb, xclip), in a process of its own, since the tests otherwise run offscreen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication

from signaal.assessment import Case
from signaal.ui import wiping

MARKER = "ZQX-selectie-Łukasz"


class FakeClipboard:
    """A clipboard with an X11 selection, each with its text and whether Signaal owns it."""

    def __init__(self, texts: dict[QClipboard.Mode, tuple[str, bool]]) -> None:
        self.texts = texts
        self.cleared: list[QClipboard.Mode] = []

    def supportsSelection(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def text(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> str:
        return self.texts.get(mode, ("", False))[0]

    def ownsClipboard(self) -> bool:  # noqa: N802 - Qt's name
        return self.texts.get(QClipboard.Mode.Clipboard, ("", False))[1]

    def ownsSelection(self) -> bool:  # noqa: N802 - Qt's name
        return self.texts.get(QClipboard.Mode.Selection, ("", False))[1]

    def clear(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        self.cleared.append(mode)


@pytest.mark.parametrize(
    ("selection", "cleared"),
    [
        ((MARKER, True), True),  # selected in a Signaal field
        (("Łukasz", False), True),  # case text, even if another program now holds it
        (("boodschappenlijst", False), False),  # someone else's text stays
    ],
)
def test_the_selection_is_cleared_when_it_holds_case_text(
    monkeypatch: pytest.MonkeyPatch, selection: tuple[str, bool], cleared: bool
) -> None:
    clipboard = FakeClipboard({QClipboard.Mode.Selection: selection})
    monkeypatch.setattr(QGuiApplication, "clipboard", staticmethod(lambda: clipboard))
    case = Case(role="teacher")
    case.decision.decision = f"Gesprek met {MARKER}"
    wiping.clear_clipboard_of(case)
    assert (QClipboard.Mode.Selection in clipboard.cleared) is cleared
    assert QClipboard.Mode.Clipboard not in clipboard.cleared


X11_PROBE = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from signaal.assessment import Case
from signaal.ui.wiping import clear_clipboard_of

app = QApplication(sys.argv)
field = QLineEdit(sys.argv[1])
field.show()
QTest.qWaitForWindowExposed(field)
# A double click selects the word; Qt puts a mouse selection in PRIMARY.
QTest.mouseDClick(field, Qt.MouseButton.LeftButton)
QTest.qWait(200)
if app.clipboard().text(QClipboard.Mode.Selection) != sys.argv[1]:
    field.selectAll()
    app.clipboard().setText(field.selectedText(), QClipboard.Mode.Selection)
    QTest.qWait(200)
print("owned" if app.clipboard().ownsSelection() else "not owned", flush=True)
case = Case(role="teacher")
case.person.name = sys.argv[1]

def wait_for_line():
    # The event loop runs meanwhile: xclip asks this process for the selection.
    import select
    while not select.select([sys.stdin], [], [], 0.02)[0]:
        app.processEvents()
    sys.stdin.readline()

wait_for_line()  # the test reads the selection now
clear_clipboard_of(case)
QTest.qWait(200)
print("wiped", flush=True)
wait_for_line()
"""


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    if not (shutil.which("Xvfb") and shutil.which("xclip")):
        pytest.skip("needs Xvfb and xclip")
    display = f":{200 + os.getpid() % 500}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
                break
            time.sleep(0.1)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def primary(display: str) -> str:
    result = subprocess.run(
        ["xclip", "-o", "-selection", "primary"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return result.stdout


def test_a_real_x11_selection_of_case_text_is_gone_after_the_wipe(x_display: str) -> None:
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    with subprocess.Popen(
        [sys.executable, "-c", X11_PROBE, MARKER],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as app:
        assert app.stdin is not None and app.stdout is not None
        try:
            assert app.stdout.readline().strip() == "owned"
            assert primary(x_display) == MARKER
            app.stdin.write("\n")
            app.stdin.flush()
            assert app.stdout.readline().strip() == "wiped"
            assert MARKER not in primary(x_display)
            app.stdin.write("\n")
            app.stdin.flush()
            app.wait(timeout=10)
        finally:
            app.kill()
