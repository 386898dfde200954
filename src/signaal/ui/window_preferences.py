"""The window's side of the preferences: language, theme and idle time, stored when changed.

What may be stored is declared in `signaal.preferences`; this module applies a change to the
running window and stores it (only when the window was given a path: tests keep it in memory).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from signaal.i18n import _
from signaal.preferences import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, MINUTE_MS, Preferences
from signaal.preferences import save as save_preferences

if TYPE_CHECKING:
    from signaal.ui.main_window import MainWindow


class WindowPreferences(QObject):
    def __init__(self, window: MainWindow, preferences: Preferences, path: Path | None) -> None:
        super().__init__(window)
        self.window = window
        self.current = preferences.validated()
        self.path = path

    def store(self, **changes: object) -> None:
        self.current = replace(self.current, **changes).validated()  # type: ignore[arg-type]
        if self.path is not None:
            save_preferences(self.current, self.path)

    def set_language(self, language: str) -> None:
        """Switch the language of the whole window at run time; every answer stays."""
        from signaal import i18n
        from signaal.ui.qt_i18n import install_qt_translator

        if language == i18n.active_language():
            return
        i18n.set_language(language)
        install_qt_translator(language)
        self.window.session.case.language = "nl" if i18n.content_language() == "nl" else "en"
        if language in ("nl", "en"):
            self.store(language=language)
        self.window.retranslate()

    def set_theme(self, theme: str) -> None:
        from signaal.ui.theme import apply_theme

        apply_theme(theme)
        self.window.actions_.themes[theme].setChecked(True)
        if theme in ("system", "light", "dark"):
            self.store(theme=theme)

    def choose_idle_minutes(self) -> None:
        minutes, accepted = QInputDialog.getInt(
            self.window,
            _("Idle time"),
            _("Wipe the case after this many minutes without activity:"),
            self.current.idle_minutes,
            MIN_IDLE_MINUTES,
            MAX_IDLE_MINUTES,
        )
        if accepted:
            self.set_idle_minutes(minutes)

    def set_idle_minutes(self, minutes: int) -> None:
        self.store(idle_minutes=minutes)
        window = self.window
        window.idle.set_timeout(self.current.idle_minutes * MINUTE_MS, window.idle_warning_ms)
