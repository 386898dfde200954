"""Wiping the case: after one confirmation on New case and Quit, or after the idle time; and
leaving nothing of it behind: no text in an editor, on the clipboard or selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from signaal.i18n import _
from signaal.ui.other_windows import close_other_windows

if TYPE_CHECKING:
    from signaal.assessment import Case
    from signaal.ui.main_window import MainWindow


class CaseWipe(QObject):
    """Forgets the window's case: a new empty `Case`, every page destroyed and made again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_new_case(self) -> bool:
        """Whether the case may go (asked only when something was answered)."""
        return not self.window.session.has_answers() or self.confirm(
            _("New case"),
            _("Start a new case? Everything you entered in this case is wiped."),
        )

    def new_case(self) -> None:
        """Start again after one confirmation (none is needed when nothing was answered)."""
        if self.confirm_new_case():
            self.wipe()

    def quit(self) -> bool:
        """Whether Signaal may close: after one confirmation the case is wiped."""
        if self.window.session.has_answers() and not self.confirm(
            _("Quit Signaal"),
            _("Quit Signaal? Everything you entered in this case is wiped."),
        ):
            return False
        self.wipe()
        return True

    def wipe(self) -> None:
        """Forget the case: a new empty Case, every page destroyed and made again when shown."""
        window = self.window
        window.referral_output.cancel()
        close_other_windows(window)
        for page in window.navigation.pages.values():
            clear_texts(page)
        clear_clipboard_of(window.session.case, window.session.copied_note)
        window.session.reset()
        window.idle_banner.setVisible(False)
        window.navigation.drop_pages()
        # Back in the event loop the old pages are gone; then their freed memory goes too.
        QTimer.singleShot(0, release_freed_memory)

    def after_idle(self) -> None:
        """The idle time has passed: wipe, and say why when there was something to wipe."""
        had_answers = self.window.session.has_answers()
        self.wipe()
        if had_answers:
            self.window.statusBar().showMessage(
                _("The case was wiped after {minutes} minutes without activity.").format(
                    minutes=self.window.prefs.current.idle_minutes
                )
            )


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
