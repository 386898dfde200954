"""Leave nothing of a wiped case behind: no text in an editor, on the clipboard or selection."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from signaal.assessment import Case


def clear_texts(widget: QWidget) -> None:
    """Empty every editor before the widget goes, with its undo history.

    A text area keeps removed text in its undo stack and a line field keeps every typed character
    in its history: turning undo off drops the stack, and `setText("")` (unlike `clear()`, which
    can be undone) drops the history. Each is first overwritten by blanks of the same length, so
    a buffer Qt reuses in place holds no case text.
    """
    for editor in widget.findChildren(QPlainTextEdit):
        editor.blockSignals(True)
        document = editor.document()
        document.setUndoRedoEnabled(False)
        length = document.characterCount()
        if length > 1:
            editor.setPlainText(" " * (length - 1))
        document.clear()
    for line in widget.findChildren(QLineEdit):
        line.blockSignals(True)
        if line.text():
            line.setText(" " * len(line.text()))
        line.setText("")


def release_freed_memory() -> None:
    """After a wipe: destroy what was deleted, collect garbage, return free memory to the system.

    Freed memory is not overwritten by the allocator; handing whole free pages back (glibc's
    `malloc_trim`) means they read as zeros from then on, also in a core or a memory dump.
    """
    import contextlib
    import ctypes
    import gc
    import sys

    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # not glibc (musl): nothing to trim
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def clear_clipboard_of(case: Case, copied: str = "") -> None:
    """Empty the clipboard, and on X11 the selection, when it holds text of the case or the
    dossier note that was copied (`copied`); anything else the user copied stays.

    Selecting text in a field puts it in the X11 PRIMARY selection (middle-click paste) without
    any copy; it is cleared like the clipboard.
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
        if owned or (copied.strip() and text == copied.strip()):
            clipboard.clear(mode)
            continue
        if strings is None:
            strings = _strings(case.model_dump())
        if any(text in value for value in strings):
            clipboard.clear(mode)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []
