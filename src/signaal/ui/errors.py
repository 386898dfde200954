"""Keep the app alive after an unexpected error, and say so without showing case data.

An exception raised inside a Qt slot reaches `sys.excepthook`. Its message may quote what the
professional typed (a validation error repeats the input, a `KeyError` shows the key), so neither
the dialog nor the developer output ever shows it: only the kind of error and where in the code
it happened.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from signaal.i18n import _

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def describe_error(error_type: type[BaseException]) -> str:
    """What the user reads: the kind of error only, never its message (it may hold case text)."""
    return _(
        "Something went wrong inside Signaal ({kind}). Your answers are still there; "
        "you can continue or save the referral."
    ).format(kind=error_kind(error_type))


def error_kind(error_type: type[BaseException]) -> str:
    """The class name, trimmed to a plain identifier: a class name never holds typed text."""
    name = getattr(error_type, "__name__", "") or "Error"
    kept = "".join(char for char in name if char.isascii() and (char.isalnum() or char == "_"))
    return kept[:60] or "Error"


def developer_report(error_type: type[BaseException], trace: TracebackType | None) -> str:
    """File, line and function of every frame, and the kind of error: no message, no values."""
    lines = [
        f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
        for frame in traceback.extract_tb(trace)
    ]
    return "\n".join(
        [
            "Signaal: unexpected error (message withheld: it may hold case data)",
            *lines,
            error_kind(error_type),
        ]
    )


class ErrorGuard:
    """The `sys.excepthook` of the app: one calm dialog per error, never a crash or a freeze."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.showing = False
        self.count = 0

    def __call__(
        self,
        error_type: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        self.count += 1
        stream = self.stream or sys.stderr
        if stream is not None:
            print(developer_report(error_type, trace), file=stream, flush=True)
        if issubclass(error_type, KeyboardInterrupt):
            return
        if self.showing:  # an error while the dialog is open: one dialog is enough
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            return
        self.showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setObjectName("error-dialog")
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(_("Unexpected error"))
            box.setText(describe_error(error_type))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.exec()
        finally:
            self.showing = False


def install_exception_hook(stream: TextIO | None = None) -> ErrorGuard:
    """Route every uncaught exception (also inside Qt slots and threads) to an `ErrorGuard`."""
    guard = ErrorGuard(stream)
    sys.excepthook = guard

    def thread_hook(arguments: threading.ExceptHookArgs) -> None:
        # Not the GUI thread: no dialog from here, only the message-free developer report.
        print(developer_report(arguments.exc_type, arguments.exc_traceback), file=sys.stderr)

    threading.excepthook = thread_hook
    return guard
