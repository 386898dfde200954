"""The Signaal window: steps on the left, the current page, the live profile on the right.

Only Qt is imported at module level, and no more of it than the "starting…" window needs (it is
painted before anything else): the catalog, the assessment engine and the pages load after
the window is first painted (`attach_catalog`), and the PDF code only when a referral is made.
The window puts together what the helpers do: walking the steps (`navigation`), the referral
(`referral_output`), hide screen (`hide_screen`), the wipe (`wiping`), the idle wipe (`idle`)
and the preferences (`window_preferences`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from signaal.i18n import _
from signaal.preferences import MINUTE_MS, Preferences
from signaal.ui.window_preferences import WindowPreferences

PANEL_WIDTH = 260  # the side panel's width at the start

if TYPE_CHECKING:
    from signaal.assessment import Case
    from signaal.content import Catalog
    from signaal.ui.profile_panel import ProfilePanel
    from signaal.ui.session import Session


class MainWindow(QMainWindow):
    """Shown before the catalog is loaded; `attach_catalog` builds the working window."""

    def __init__(
        self,
        catalog: Catalog | None = None,
        *,
        preferences: Preferences | None = None,
        preferences_path: Path | None = None,
        idle_timeout_ms: int | None = None,
        idle_warning_ms: int = MINUTE_MS,
    ) -> None:
        """`preferences_path` None (as in tests) keeps the preferences in memory only."""
        super().__init__()
        self.setObjectName("main-window")
        self.prefs = WindowPreferences(self, preferences or Preferences(), preferences_path)
        self._idle_timeout_ms = idle_timeout_ms
        self.idle_warning_ms = idle_warning_ms
        self.setWindowTitle("Signaal")
        self.setAcceptDrops(True)
        self.resize(1200, 760)
        self.loading = QLabel(_("Signaal is starting…"))
        # Centred by name: `Qt.AlignmentFlag` would make PySide build the whole `Qt` namespace
        # (≈ 15 ms) before the first paint; the working window needs it only after that.
        self.loading.setProperty("alignment", "AlignCenter")
        self.setCentralWidget(self.loading)
        self._session: Session | None = None
        self.profile_panel: ProfilePanel | None = None  # made after the working window's paint
        if catalog is not None:
            self.attach_catalog(catalog)

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the catalog is not loaded yet")
        return self._session

    @property
    def catalog(self) -> Catalog:
        return self.session.catalog

    @property
    def case(self) -> Case:
        """The case on screen; it lives only in memory."""
        return self.session.case

    def attach_catalog(self, catalog: Catalog) -> None:
        """Build the working window around a loaded catalog: what its first page shows now,
        the rest (side panel, the other pages' code) once that has been painted."""
        from signaal import i18n
        from signaal.ui.actions import WindowActions
        from signaal.ui.first_paint import AfterFirstPaint
        from signaal.ui.hide_screen import HideScreen
        from signaal.ui.idle import IdleBanner, IdleGuard
        from signaal.ui.navigation import StepNavigation
        from signaal.ui.other_windows import WindowFollower
        from signaal.ui.referral_output import ReferralOutput
        from signaal.ui.session import Session
        from signaal.ui.wiping import CaseWipe

        # The case itself is made when first asked for, after the working paint (`Session`).
        language = "nl" if i18n.content_language() == "nl" else "en"
        self._session = session = Session(catalog, self, language=language)
        self.referral_output = ReferralOutput(self)
        self.wiping = CaseWipe(self)
        # What a page asks for (a signal of that name) and who answers it.
        requests: dict[str, Callable[..., object]] = {
            "language_chosen": self.prefs.set_language,
            "preview_requested": self.referral_output.preview,
            "print_requested": self.referral_output.print,
            "save_requested": self.referral_output.save,
            "note_requested": self.referral_output.copy_note,
        }
        self.navigation = navigation = StepNavigation(session, requests, self)
        self.step_list = navigation.step_list
        timeout = self._idle_timeout_ms or self.prefs.current.idle_minutes * MINUTE_MS
        self.idle = IdleGuard(timeout, self.idle_warning_ms, self)
        self.idle_banner = IdleBanner(self.idle, session.has_answers)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        for widget in (self.idle_banner, navigation.role_banner):
            layout.addWidget(widget)
        layout.addWidget(navigation.stack, 1)
        layout.addLayout(navigation.buttons)
        self.splitter = QSplitter()
        self.splitter.addWidget(navigation.step_list)
        self.splitter.addWidget(centre)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([180, 760 + PANEL_WIDTH])  # the side panel takes its part later
        self.actions_ = actions = WindowActions(self)
        # Short names for the actions used most.
        self.action_new, self.action_open = actions.new, actions.open
        self.action_hide, self.action_quit = actions.hide, actions.quit
        navigation.about_to_show.connect(self._side_panel)
        navigation.moved.connect(self._moved)
        navigation.flow_changed.connect(actions.retranslate)  # "referral" or "handover"
        bars = (self.menuBar(), actions.toolbar, self.statusBar())
        self.hiding = HideScreen(self, self.splitter, bars)
        self.hiding.hiding.connect(self.referral_output.cancel)
        self.hiding.unhidden.connect(self._focus_page)
        self.setCentralWidget(self.hiding)
        self.loading.deleteLater()
        self.idle.watch(self)
        self.followers = WindowFollower(self, actions.hide, self.idle)
        self.idle.expired.connect(self.wiping.after_idle)
        session.changed.connect(navigation.update_steps)
        session.edited.connect(navigation.update_steps)
        self.setTabOrder(navigation.step_list, navigation.stack)
        self.retranslate()
        navigation.step_list.setCurrentRow(0)
        navigation.update_steps()
        self._finishing = AfterFirstPaint(navigation.step_list, self._finish)

    def _finish(self) -> None:
        """After the working window's first paint: make what its first page does not show, one
        piece per turn of the event loop (a click meanwhile waits for one piece at most)."""
        pieces: list[Callable[[], object]] = [self._make_side_panel]
        # The code of every page, so that no step waits for it when first shown.
        pieces += [step.page_class for step in self.navigation.steps()]

        def next_piece() -> None:
            pieces.pop(0)()
            if pieces:
                QTimer.singleShot(0, self, next_piece)

        next_piece()

    def _make_side_panel(self) -> ProfilePanel:
        """The live profile, made once: hidden, at its width beside the page."""
        if self.profile_panel is None:
            from signaal.ui.profile_panel import ProfilePanel

            sizes = self.splitter.sizes()
            self.profile_panel = ProfilePanel(self.session)
            self.profile_panel.setMinimumWidth(180)
            self.profile_panel.setVisible(False)
            self.splitter.addWidget(self.profile_panel)
            self.splitter.setStretchFactor(2, 0)
            self.splitter.setSizes([*sizes[:2], PANEL_WIDTH])
        return self.profile_panel

    def _side_panel(self, key: str) -> None:
        """Show the live profile on the steps that have it, hide it on the others.

        It comes or goes before the page of the step is shown: the page is laid out only once,
        at its final width.
        """
        from signaal.ui.steps import PANEL_STEPS

        with_panel = key in PANEL_STEPS
        if self.profile_panel is None and not with_panel:
            return
        panel = self._make_side_panel()
        if panel.isHidden() == with_panel:
            panel.setVisible(with_panel)
            self.splitter.refresh()

    def retranslate(self) -> None:
        """Every text of the window and of every page built so far, in the active language."""
        self.setWindowTitle("Signaal")
        self.actions_.retranslate()
        self.hiding.retranslate()
        self.idle_banner.retranslate()
        self.statusBar().showMessage(
            _(
                "Nothing is stored: this case exists only in memory until you save or print the "
                "referral."
            )
        )
        if self.profile_panel is not None:
            self.profile_panel.retranslate()
        self.referral_output.retranslate()
        self.navigation.retranslate()

    def _moved(self, back: bool, ahead: bool) -> None:
        self.actions_.back.setEnabled(back)
        self.actions_.next.setEnabled(ahead)

    def _focus_page(self) -> None:
        focus = self.navigation.current_page().first_focus()
        if focus is not None:
            focus.setFocus()

    def find_signal(self) -> None:
        """Ctrl+F: to the signals step, with the cursor in its search box (not while hidden)."""
        if not self.hiding.hidden:
            self.navigation.find_signal()

    def show_guide(self) -> None:
        """The offline user guide, opened at the step on screen."""
        from signaal.ui.guide import GuideDialog

        GuideDialog(self.navigation.current_key(), self).exec()

    def show_about(self) -> None:
        from signaal.ui.about import AboutDialog

        AboutDialog(self.catalog, self).exec()

    # the window's own events -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._session is not None:
            if not self.wiping.quit():
                event.ignore()
                return
            self.idle.stop()
            self.referral_output.render_job.wait()
        event.accept()

    def _accepts_drop(self) -> bool:
        """Drops open a referral only on the working window, never behind the hidden screen."""
        return self._session is not None and not self.hiding.hidden

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        from signaal.ui.continuing import dropped_file

        if self._accepts_drop() and dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        from signaal.ui.continuing import dropped_file

        path = dropped_file(event)
        if self._accepts_drop() and path is not None:
            event.acceptProposedAction()
            self.referral_output.open_file(path)
