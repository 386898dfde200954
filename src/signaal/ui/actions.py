"""The window's actions, menus and toolbar: what can be done from anywhere, with its shortcut.

Every action is also added to the window itself, so its shortcut keeps working while the menus
and the toolbar are hidden (hide screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from signaal.i18n import _

if TYPE_CHECKING:
    from signaal.ui.main_window import MainWindow

HIDE_SHORTCUT = "Ctrl+Shift+H"
THEMES = ("system", "light", "dark")


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        standard = QKeySequence.StandardKey
        new_case = window.wiping.new_case
        self.new = self._action("action-new-case", new_case, QKeySequence(standard.New))
        output = window.referral_output
        self.open = self._action("action-open-referral", output.open, QKeySequence(standard.Open))
        self.copy_note = self._action("action-copy-note", output.copy_note, None)
        # The hide screen is made after the actions: it hides their toolbar.
        self.hide = self._action("action-hide", lambda: window.hiding.toggle(), HIDE_SHORTCUT)
        self.preview = self._action("action-preview", output.preview, "Ctrl+Shift+P")
        self.print = self._action("action-print", output.print, QKeySequence(standard.Print))
        self.save = self._action("action-save", output.save, QKeySequence(standard.Save))
        self.quit = self._action("action-quit", window.close, "Ctrl+Q")
        self.about = self._action("action-about", window.show_about, None)
        self.guide = self._action(
            "action-guide", window.show_guide, QKeySequence(standard.HelpContents)
        )
        self.find = self._action("action-find", window.find_signal, QKeySequence(standard.Find))
        self.idle = self._action("action-idle-time", window.prefs.choose_idle_minutes, None)
        self.next = self._action("action-next", window.navigation.go_next, "Alt+Right")
        self.back = self._action("action-back", window.navigation.go_back, "Alt+Left")
        self.theme_group = QActionGroup(window)
        self.themes: dict[str, QAction] = {}
        for theme in THEMES:
            action = QAction(window)
            action.setObjectName(f"action-theme-{theme}")
            action.setCheckable(True)
            action.setChecked(theme == window.prefs.current.theme)
            action.triggered.connect(lambda _checked=False, t=theme: window.prefs.set_theme(t))
            self.theme_group.addAction(action)
            self.themes[theme] = action
        self._build_menus()

    def _action(
        self, name: str, slot: Callable[[], object], shortcut: QKeySequence | str | None
    ) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self.case_menu = bar.addMenu("")
        for action in (self.new, self.open, self.preview, self.print, self.save):
            self.case_menu.addAction(action)
        self.case_menu.addAction(self.copy_note)
        self.case_menu.addSeparator()
        self.case_menu.addAction(self.quit)
        self.view_menu = bar.addMenu("")
        for action in (self.hide, self.back, self.next, self.find):
            self.view_menu.addAction(action)
        self.theme_menu = self.view_menu.addMenu("")
        for action in self.themes.values():
            self.theme_menu.addAction(action)
        self.view_menu.addAction(self.idle)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new, self.hide, self.preview, self.print, self.save):
            self.toolbar.addAction(action)
        self.window.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        self.case_menu.setTitle(_("&Case"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self.theme_menu.setTitle(_("&Theme"))
        self.toolbar.setWindowTitle(_("Actions"))
        # A Veilig Thuis worker makes a handover, not a referral (the flow is content).
        handover = self.window._session is not None and self.window.session.flow == "intake"
        document = (
            {
                self.preview: (_("Pre&view handover"), _("Show the handover PDF")),
                self.print: (_("&Print handover…"), _("Print the handover")),
                self.save: (_("&Save handover as PDF…"), _("Save the handover where you choose")),
            }
            if handover
            else {
                self.preview: (_("Pre&view referral"), _("Show the referral PDF")),
                self.print: (_("&Print referral…"), _("Print the referral")),
                self.save: (_("&Save referral as PDF…"), _("Save the referral where you choose")),
            }
        )
        texts = {
            **document,
            self.new: (_("&New case"), _("Wipe everything and start again")),
            self.open: (
                _("&Open referral…"),
                _("Continue a case from a referral saved with Signaal"),
            ),
            self.copy_note: (
                _("Copy &note for the file"),
                _("A short summary for the dossier, on the clipboard"),
            ),
            self.hide: (
                _("&Hide screen"),
                _("Blank the window at once ({shortcut})").format(shortcut=HIDE_SHORTCUT),
            ),
            self.quit: (_("&Quit"), _("Close Signaal; the case is wiped")),
            self.about: (_("&About Signaal"), _("Version, sources and licence")),
            self.guide: (_("&User guide"), _("How to use Signaal, step by step")),
            self.find: (_("&Find a signal"), _("Go to the search box of the signals")),
            self.idle: (_("&Idle time…"), _("After how many idle minutes the case is wiped")),
            self.next: (_("Next step"), _("Go to the next step")),
            self.back: (_("Previous step"), _("Go to the previous step")),
            self.themes["system"]: (_("Follow the &system"), _("Use the system colours")),
            self.themes["light"]: (_("&Light"), _("Light colours")),
            self.themes["dark"]: (_("&Dark"), _("Dark colours")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setIconText(text.replace("&", ""))
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut and shortcut not in tip else tip)
            action.setStatusTip(tip)
        # The toolbar shows the hide shortcut, so it is learnt before it is needed.
        self.hide.setIconText(f"{self.hide.iconText()} ({HIDE_SHORTCUT})")
