"""No case text in log output, even with every Qt debug category switched on.

Qt's own debug logging (`QT_LOGGING_RULES="*.debug=true"`, or a `QtProject/qtlogging.ini` in the
user's config folder) prints, among much else, every string it lays out
(`qt.text.font.cmap: Mapping characters in "…"`). `prepare_environment` installs a message
handler that drops debug and info messages and blanks quoted parts of warnings. The control run
without the guard shows that the leak is real, so the guarded run proves something.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from signaal.ui.privacy import redact

MARKER = "SIGNAAL-MARKER-7f3a"

PROGRAM = r"""
import sys
guarded = sys.argv[1] == "guarded"
if guarded:
    from signaal.ui.privacy import prepare_environment
    prepare_environment()
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
app = QApplication(["signaal"])
window = QWidget()
window.setWindowTitle("Signaal")
layout = QVBoxLayout(window)
editor = QPlainTextEdit()
line = QLineEdit()
layout.addWidget(editor)
layout.addWidget(line)
window.show()
editor.setPlainText(sys.argv[2] + " zei: ik werk elke dag")
line.setText(sys.argv[2])
app.processEvents()
window.grab()
qWarning(f'could not do something with "{sys.argv[2]}"')
QTimer.singleShot(0, app.quit)
app.exec()
print("done", flush=True)
"""


def run(mode: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*.debug=true")
    return subprocess.run(
        [sys.executable, "-B", "-c", PROGRAM, mode, MARKER],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


@pytest.mark.slow
def test_without_the_guard_qt_debug_logging_leaks_typed_text() -> None:
    done = run("bare")
    assert done.returncode == 0, done.stderr[-2000:]
    assert MARKER in done.stderr


@pytest.mark.slow
def test_with_the_guard_no_typed_text_reaches_the_log() -> None:
    done = run("guarded")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
    assert MARKER not in done.stderr
    assert 'could not do something with "…"' in done.stderr, "warnings must still be shown"


def test_redact_blanks_every_quoted_part() -> None:
    assert (
        redact("Invalid font \"Anna de Vries\" for 'x' at 3") == "Invalid font \"…\" for '…' at 3"
    )
    assert redact("no quotes, 42") == "no quotes, 42"
