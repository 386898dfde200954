"""Leave nothing of a wiped case behind: no text in an editor, on the clipboard or selection."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication
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


def clear_clipboard_of(case: Case) -> None:
    """Empty the clipboard, and on X11 the selection, when it holds text of the case.

    Selecting text in a field puts it in the X11 PRIMARY selection (middle-click paste) without
    any copy; it is cleared like the clipboard. Text another program put there stays.
    """
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    strings: list[str] | None = None
    for mode in modes:
        text = clipboard.text(mode).strip()
        if not text:
            continue
        owned = (
            clipboard.ownsClipboard()
            if mode == QClipboard.Mode.Clipboard
            else clipboard.ownsSelection()
        )
        if not owned and strings is None:
            strings = _strings(case.model_dump())
        if owned or any(text in value for value in strings or []):
            clipboard.clear(mode)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []
