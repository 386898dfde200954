"""Keep the app alive after an unexpected error, and say so without showing case data."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from signaal.i18n import _


def describe_error(error_type: type[BaseException]) -> str:
    """What the user reads: the kind of error only, never its message (it may hold case text)."""
    return _(
        "Something went wrong inside Signaal ({kind}). Your answers are still there; "
        "you can continue or save the referral."
    ).format(kind=error_type.__name__)


def install_exception_hook() -> None:
    """An exception inside a Qt slot otherwise leaves a frozen app; show a dialog and go on."""

    def hook(
        error_type: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # The traceback goes to stderr for developers: frames only, no exception message.
        print("".join(traceback.format_tb(trace)), f"{error_type.__name__}", file=sys.stderr)
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.critical(None, _("Unexpected error"), describe_error(error_type))

    sys.excepthook = hook
