"""Leave nothing of a wiped case behind: no text in an editor, none on the clipboard."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from signaal.assessment import Case


def clear_texts(widget: QWidget) -> None:
    """Empty every editor before the widget goes, so no typed text lingers in memory."""
    for editor in widget.findChildren(QPlainTextEdit):
        editor.blockSignals(True)
        editor.clear()
    for line in widget.findChildren(QLineEdit):
        line.blockSignals(True)
        line.clear()


def clear_clipboard_of(case: Case, copied: str = "") -> None:
    """Empty the clipboard when it holds text copied from the case or the dossier note that
    was copied (`copied`); anything else the user copied stays."""
    clipboard = QGuiApplication.clipboard()
    text = clipboard.text().strip()
    if not text:
        return
    if (
        clipboard.ownsClipboard()
        or (copied.strip() and text == copied.strip())
        or any(text in value for value in _strings(case.model_dump()))
    ):
        clipboard.clear()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []
