"""Text fields hold no more than the case stores, and say so before the limit is reached.

The limits come from the case model (`signaal.assessment.case.text_limit`). A line field gets it
as its maximum length; a text area cuts what goes beyond it (a paste), so what the screen shows
is always what the case holds. From nine tenths of the limit on, the window's status bar says how
many characters are left; the tooltip names the limit all along. Qt counts UTF-16 units, Python
code points: Qt's count is never the smaller, so a field within its limit is within the model's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QMainWindow, QPlainTextEdit, QWidget

from signaal.i18n import _

# From this share of the limit on, the remaining characters are shown.
WARN_FROM = 0.9
STATUS_MS = 10_000


def number(value: int) -> str:
    """12345 as "12.345" (Dutch) or "12,345": a limit is read, not counted."""
    from signaal.i18n import active_language

    text = f"{value:,}"
    return text.replace(",", ".") if active_language() == "nl" else text


def limit_line(edit: QLineEdit, limit: int) -> None:
    """A line field of at most `limit` characters (Qt's default would be 32,767)."""
    edit.setMaxLength(limit)
    _describe_limit(edit, limit)
    edit.textChanged.connect(lambda text: _report(edit, len(text), limit))


class _PlainLimit(QObject):
    """Cuts a text area back to `limit` characters before the page stores its text."""

    def __init__(self, edit: QPlainTextEdit, limit: int) -> None:
        super().__init__(edit)
        self.edit = edit
        self.limit = limit
        self._cutting = False
        # Connected before the page connects its own slot, so the page sees only kept text.
        edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if self._cutting:
            return
        document = self.edit.document()
        length = document.characterCount() - 1  # without the final paragraph end
        if length > self.limit:
            self._cutting = True
            try:
                cursor = QTextCursor(document)
                cursor.setPosition(self.limit)
                cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
            finally:
                self._cutting = False
            length = document.characterCount() - 1
        _report(self.edit, length, self.limit)


def limit_plain(edit: QPlainTextEdit, limit: int) -> None:
    """A text area of at most `limit` characters; call before connecting the page's slot."""
    _PlainLimit(edit, limit)
    _describe_limit(edit, limit)


def _describe_limit(edit: QWidget, limit: int) -> None:
    hint = _("At most {limit} characters.").format(limit=number(limit))
    tip = edit.toolTip()
    edit.setToolTip(f"{tip}\n{hint}" if tip else hint)


def _report(edit: QWidget, length: int, limit: int) -> None:
    """Tell, in the status bar, how much room is left once the field is nearly full."""
    if length < limit * WARN_FROM:
        return
    window = edit.window()
    if not isinstance(window, QMainWindow):
        return
    if length >= limit:
        message = _(
            "This field is full: it holds at most {limit} characters. Nothing more was added."
        ).format(limit=number(limit))
    else:
        message = _("This field can hold {left} more characters (at most {limit}).").format(
            left=number(limit - length), limit=number(limit)
        )
    window.statusBar().showMessage(message, STATUS_MS)
