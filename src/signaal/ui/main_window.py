"""The Signaal window: steps on the left, the current page, the live profile on the right.

Only Qt is imported at module level: the catalog, the assessment engine and the pages load after
the window is first painted (`attach_catalog`), and the PDF code only when a referral is made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from signaal import i18n
from signaal.i18n import _
from signaal.preferences import Preferences
from signaal.preferences import save as save_preferences
from signaal.ui.actions import HIDE_SHORTCUT

if TYPE_CHECKING:
    from signaal.assessment import Case
    from signaal.assessment.carried import Carried
    from signaal.content import Catalog
    from signaal.ui.idle import IdleGuard
    from signaal.ui.other_windows import WindowFollower
    from signaal.ui.pages.base import Page
    from signaal.ui.pdf_preview import PdfPreviewDialog
    from signaal.ui.profile_panel import ProfilePanel
    from signaal.ui.session import Session

SUGGESTED_FILE_NAME = "signaal-verwijzing.pdf"
MINUTE_MS = 60_000


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
        super().__init__()
        self.setObjectName("main-window")
        self.preferences = (preferences or Preferences()).validated()
        # Tests pass no path: then preferences live only in memory.
        self.preferences_path = preferences_path
        self._idle_timeout_ms = idle_timeout_ms
        self._idle_warning_ms = idle_warning_ms
        self._quit_confirmed = False
        self.setWindowTitle("Signaal")
        self.setAcceptDrops(True)
        self.resize(1200, 760)
        self.loading = QLabel(_("Signaal is starting…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.loading)
        self._session: Session | None = None
        self.pages: dict[str, Page] = {}
        self.preview_dialog: PdfPreviewDialog | None = None
        if catalog is not None:
            self.attach_catalog(catalog)

    # construction ---------------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        return self.session.catalog

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the catalog is not loaded yet")
        return self._session

    @property
    def case(self) -> Case:
        """The case on screen; it lives only in memory."""
        return self.session.case

    def attach_catalog(self, catalog: Catalog) -> None:
        """Build the working window around a loaded catalog."""
        from signaal.ui.actions import WindowActions
        from signaal.ui.idle import IdleGuard
        from signaal.ui.other_windows import WindowFollower
        from signaal.ui.profile_panel import ProfilePanel
        from signaal.ui.render_progress import RenderProgress
        from signaal.ui.render_worker import RenderJob
        from signaal.ui.session import Session
        from signaal.ui.steps import steps_for

        language = "nl" if i18n.content_language() == "nl" else "en"
        self._session = Session(catalog, self, language=language)
        self._flow = self.session.flow
        steps = steps_for(self._flow)
        self.actions_ = WindowActions(self)
        # Short names for the actions tests and the other helpers use most.
        self.action_new = self.actions_.new
        self.action_open = self.actions_.open
        self.action_copy_note = self.actions_.copy_note
        self.action_hide = self.actions_.hide
        self.action_quit = self.actions_.quit
        self.action_back = self.actions_.back
        self.action_next = self.actions_.next
        self.theme_actions = self.actions_.themes
        self.toolbar = self.actions_.toolbar

        self.step_list = QListWidget()
        self.step_list.setObjectName("step-list")
        for _step in steps:
            self.step_list.addItem(QListWidgetItem())
        self.step_list.setMinimumWidth(120)
        self.step_list.currentRowChanged.connect(self._show_step)

        self.stack = QStackedWidget()
        for _step in steps:
            self.stack.addWidget(QWidget())
        self.back_button = QPushButton()
        self.back_button.setObjectName("back-button")
        self.next_button = QPushButton()
        self.next_button.setObjectName("next-button")
        self.next_button.setDefault(False)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)

        self.idle_banner = QLabel()
        self.idle_banner.setObjectName("idle-warning")
        self.idle_banner.setWordWrap(True)
        self.idle_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.idle_banner.setVisible(False)

        # Until a role is chosen the pages show the first role's lists: say so, never silently.
        self.role_banner = QLabel()
        self.role_banner.setObjectName("role-not-chosen")
        self.role_banner.setWordWrap(True)
        self.role_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.role_banner.setVisible(False)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.idle_banner)
        centre_layout.addWidget(self.role_banner)
        centre_layout.addWidget(self.stack, 1)
        centre_layout.addLayout(navigation)

        self.profile_panel: ProfilePanel = ProfilePanel(self.session)
        self.profile_panel.setMinimumWidth(180)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.step_list)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.profile_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([180, 760, 260])

        self.cover = QWidget()
        self.cover.setObjectName("hidden-cover")
        cover_layout = QVBoxLayout(self.cover)
        cover_layout.addStretch(1)
        self.cover_button = QPushButton()
        self.cover_button.setObjectName("unhide-button")
        self.cover_button.clicked.connect(self.unhide)
        cover_layout.addWidget(self.cover_button, 0, Qt.AlignmentFlag.AlignCenter)
        cover_layout.addStretch(1)

        self.screens = QStackedWidget()
        self.screens.addWidget(self.splitter)
        self.screens.addWidget(self.cover)
        self.setCentralWidget(self.screens)
        self.loading.deleteLater()

        self.idle: IdleGuard = IdleGuard(
            self._idle_timeout_ms or self.preferences.idle_minutes * MINUTE_MS,
            self._idle_warning_ms,
            self,
        )
        self.idle.watch(self)
        self.followers: WindowFollower = WindowFollower(self, self.action_hide, self.idle)
        self.idle.warning.connect(self._idle_warning)
        self.idle.resumed.connect(lambda: self.idle_banner.setVisible(False))
        self.idle.expired.connect(self._idle_expired)
        self.session.changed.connect(self._update_steps)
        self.session.edited.connect(self._update_steps)

        # Referrals are made off the GUI thread; the strip shows progress and a Cancel button.
        self.render_job = RenderJob(self)
        self.render_progress = RenderProgress()
        self.statusBar().addPermanentWidget(self.render_progress)
        self.render_progress.cancel_requested.connect(self.cancel_render)
        self.render_job.progressed.connect(self.render_progress.set_percent)
        self.render_job.finished.connect(self._rendered)
        self.render_job.failed.connect(self._render_failed)
        self.render_job.cancelled.connect(self._render_cancelled)
        self._after_render: Callable[[bytes, Carried | None], None] | None = None

        self.setTabOrder(self.step_list, self.stack)
        self.retranslate()
        self.step_list.setCurrentRow(0)
        self._update_steps()

    # translation ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the window and of every page built so far, in the active language."""
        self.setWindowTitle("Signaal")
        self.actions_.retranslate()
        self.step_list.setAccessibleName(_("Steps"))
        self.step_list.setAccessibleDescription(
            _("The steps of the flow; a check mark shows the steps you have done")
        )
        self.back_button.setText(_("← &Back"))
        self.next_button.setText(_("&Next →"))
        for button, name, description in (
            (self.back_button, _("Back"), _("Go to the previous step (Alt+Left)")),
            (self.next_button, _("Next"), _("Go to the next step (Alt+Right)")),
        ):
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        self.cover_button.setText(
            _("Show Signaal again ({shortcut})").format(shortcut=HIDE_SHORTCUT)
        )
        self.cover_button.setAccessibleName(_("Show Signaal again"))
        self.cover_button.setAccessibleDescription(_("The screen was hidden; this shows it again"))
        self.idle_banner.setText(
            _(
                "No activity for a while: in one minute this case will be wiped. Press a key or "
                "move the mouse to keep working."
            )
        )
        self.idle_banner.setAccessibleName(self.idle_banner.text())
        self.statusBar().showMessage(
            _(
                "Nothing is stored: this case exists only in memory until you save or print the "
                "referral."
            )
        )
        self.profile_panel.retranslate()
        self.render_progress.retranslate()
        for page in self.pages.values():
            page.retranslate()
        self._update_steps()

    def set_language(self, language: str) -> None:
        """Switch the language of the whole window at run time; every answer stays."""
        from signaal.ui.qt_i18n import install_qt_translator

        if language == i18n.active_language():
            return
        i18n.set_language(language)
        install_qt_translator(language)
        self.session.case.language = "nl" if i18n.content_language() == "nl" else "en"
        if language in ("nl", "en"):
            self._store_preferences(language=language)
        self.retranslate()

    def set_theme(self, theme: str) -> None:
        from signaal.ui.theme import apply_theme

        apply_theme(theme)
        self.theme_actions[theme].setChecked(True)
        if theme in ("system", "light", "dark"):
            self._store_preferences(theme=theme)

    def choose_idle_minutes(self) -> None:
        from signaal.preferences import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES

        minutes, accepted = QInputDialog.getInt(
            self,
            _("Idle time"),
            _("Wipe the case after this many minutes without activity:"),
            self.preferences.idle_minutes,
            MIN_IDLE_MINUTES,
            MAX_IDLE_MINUTES,
        )
        if accepted:
            self.set_idle_minutes(minutes)

    def set_idle_minutes(self, minutes: int) -> None:
        self._store_preferences(idle_minutes=minutes)
        self.idle.set_timeout(self.preferences.idle_minutes * MINUTE_MS, self._idle_warning_ms)

    def _store_preferences(self, **changes: object) -> None:
        from dataclasses import replace

        self.preferences = replace(self.preferences, **changes).validated()  # type: ignore[arg-type]
        if self.preferences_path is not None:
            save_preferences(self.preferences, self.preferences_path)

    # navigation -----------------------------------------------------------------------------
    def step_keys(self) -> tuple[str, ...]:
        """The keys of the steps of the flow the case walks now (the role decides, in content)."""
        from signaal.ui.steps import steps_for

        return tuple(step.key for step in steps_for(self._flow))

    def _apply_flow(self) -> None:
        """The role changed the flow: the sidebar and the stack follow; pages of steps the new
        flow does not have are dropped (their answers stay in the case)."""
        from signaal.ui.steps import steps_for

        flow = self.session.flow
        if flow == self._flow:
            return
        self._flow = flow
        keys = self.step_keys()
        for key in [k for k in self.pages if k not in keys]:
            page = self.pages.pop(key)
            self.stack.removeWidget(page)
            page.setParent(None)
            page.deleteLater()
        while self.stack.count():
            widget = self.stack.widget(0)
            if widget is None:
                break
            self.stack.removeWidget(widget)
            if widget not in self.pages.values():
                widget.deleteLater()
        for key in keys:
            self.stack.addWidget(self.pages.get(key) or QWidget())
        row = max(0, self.step_list.currentRow())
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for _step in steps_for(flow):
            self.step_list.addItem(QListWidgetItem())
        self.step_list.setCurrentRow(min(row, len(keys) - 1))
        self.step_list.blockSignals(False)
        self.stack.setCurrentIndex(self.step_list.currentRow())
        self.actions_.retranslate()  # "referral" or "handover" in the toolbar

    def page(self, key: str) -> Page:
        """The page of a step, built the first time it is needed."""
        page = self.pages.get(key)
        if page is None:
            page = self._create_page(key)
            index = self.step_keys().index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[key] = page
        return page

    def _create_page(self, key: str) -> Page:
        session = self.session
        if key == "start":  # the first page: its module alone, without the case models
            from signaal.ui.pages.start import StartPage

            start = StartPage(session)
            start.language_chosen.connect(self.set_language)
            return start
        from signaal.ui.pages.concerns import ConcernsPage
        from signaal.ui.pages.intake import IntakePage
        from signaal.ui.pages.meldcode import MeldcodePage
        from signaal.ui.pages.outcome import OutcomePage
        from signaal.ui.pages.referral import ReferralPage
        from signaal.ui.pages.safety import SafetyPage
        from signaal.ui.pages.signals import SignalsPage
        from signaal.ui.pages.weighing import WeighingPage
        from signaal.ui.pages.who import WhoPage

        if key in ("referral", "handover"):
            referral = ReferralPage(session)
            referral.preview_requested.connect(self.preview)
            referral.print_requested.connect(self.print_referral)
            referral.save_requested.connect(self.save_referral)
            referral.note_requested.connect(self.copy_dossier_note)
            referral.signal_requested.connect(self.show_signal)
            return referral
        classes: dict[str, type[Page]] = {
            "who": WhoPage,
            "concerns": ConcernsPage,
            "signals": SignalsPage,
            "meldcode": MeldcodePage,
            "weighing": WeighingPage,
            "outcome": OutcomePage,
            "intake": IntakePage,
            "safety": SafetyPage,
        }
        return classes[key](session)

    def show_signal(self, indicator_id: str) -> None:
        """Go to the signals step with this signal's row in view and its facts field focused."""
        from signaal.ui.pages.signals import SignalsPage

        self.go_to("signals")
        page = self.page("signals")
        if isinstance(page, SignalsPage):
            page.show_indicator(indicator_id)

    def current_key(self) -> str:
        return self.step_keys()[max(0, self.step_list.currentRow())]

    def current_page(self) -> Page:
        return self.page(self.current_key())

    def go_to(self, key: str) -> None:
        self.step_list.setCurrentRow(self.step_keys().index(key))

    def go_next(self) -> None:
        row = self.step_list.currentRow()
        if row < self.step_list.count() - 1:
            self.step_list.setCurrentRow(row + 1)

    def go_back(self) -> None:
        row = self.step_list.currentRow()
        if row > 0:
            self.step_list.setCurrentRow(row - 1)

    def _show_step(self, row: int) -> None:
        from signaal.ui.steps import PANEL_STEPS

        if row < 0:
            return
        key = self.step_keys()[row]
        page = self.page(key)
        page.retranslate_guidance()  # the role may have changed which guidance applies
        page.refresh()
        # Give the page its final size before it shows: the side panel comes or goes first, and
        # the page gets the stack's size, so its wrapped labels are laid out once, not per width.
        with_panel = key in PANEL_STEPS
        if self.profile_panel.isHidden() == with_panel:
            self.profile_panel.setVisible(with_panel)
            self.splitter.refresh()
        page.setGeometry(self.stack.contentsRect())
        self.stack.setCurrentWidget(page)
        self._show_role_banner()
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.step_list.count() - 1)
        self.action_back.setEnabled(row > 0)
        self.action_next.setEnabled(row < self.step_list.count() - 1)
        focus = page.first_focus()
        if focus is not None and self.step_list.hasFocus() is False:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_steps(self) -> None:
        from signaal.ui.steps import steps_for

        if self._session is None:
            return
        self._apply_flow()
        self._show_role_banner()
        for row, step in enumerate(steps_for(self._flow)):
            item = self.step_list.item(row)
            done = self.session.has_case and step.done(self.session)
            title = f"{row + 1}. {_(step.title)}"
            text = f"{title}  ✓" if done else title
            if item.text() == text:
                continue  # an unchanged item is not repainted
            item.setText(text)
            state = _("done") if done else _("not done yet")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {state}")
            item.setData(Qt.ItemDataRole.UserRole, done)

    def _show_role_banner(self) -> None:
        session = self.session
        shown = not session.role_chosen and self.step_list.currentRow() > 0
        if shown:
            role = session.catalog.role(session.case.role).name.get(i18n.content_language())
            self.role_banner.setText(
                _(
                    "You have not chosen your role yet: Signaal now shows what fits the role "
                    '"{role}". Choose your role at step 1, Start.'
                ).format(role=role)
            )
        self.role_banner.setVisible(shown)

    def step_done(self, key: str) -> bool:
        item = self.step_list.item(self.step_keys().index(key))
        return bool(item.data(Qt.ItemDataRole.UserRole))

    # hide screen ----------------------------------------------------------------------------
    @property
    def is_hidden_screen(self) -> bool:
        return self.screens.currentWidget() is self.cover

    def toggle_hidden(self) -> None:
        if self.is_hidden_screen:
            self.unhide()
        else:
            self.hide_screen()

    def hide_screen(self) -> None:
        """Blank the window at once, closing every dialog: only a neutral button remains.

        A referral being made is cancelled, so no preview or dialog can open over the cover.
        """
        from signaal.ui.other_windows import close_other_windows

        self.cancel_render()
        close_other_windows(self)
        self.screens.setCurrentWidget(self.cover)
        self.menuBar().setVisible(False)
        self.toolbar.setVisible(False)
        self.statusBar().setVisible(False)
        self.cover_button.setFocus()

    def unhide(self) -> None:
        self.screens.setCurrentWidget(self.splitter)
        self.menuBar().setVisible(True)
        self.toolbar.setVisible(True)
        self.statusBar().setVisible(True)
        focus = self.current_page().first_focus()
        if focus is not None:
            focus.setFocus()

    # wiping ---------------------------------------------------------------------------------
    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def new_case(self) -> None:
        """Start again after one confirmation (none is needed when nothing was answered)."""
        if self.session.has_answers() and not self._confirm(
            _("New case"),
            _("Start a new case? Everything you entered in this case is wiped."),
        ):
            return
        self.wipe()

    def wipe(self) -> None:
        """Forget the case: a new empty Case, every page destroyed and rebuilt when shown."""
        from signaal.ui.other_windows import close_other_windows
        from signaal.ui.wiping import clear_clipboard_of, clear_texts, release_freed_memory

        self.cancel_render()
        close_other_windows(self)
        for page in self.pages.values():
            clear_texts(page)
        clear_clipboard_of(self.session.case, self.session.copied_note)
        self.session.reset()
        keys = self.step_keys()
        for key, page in list(self.pages.items()):
            index = keys.index(key)
            self.stack.insertWidget(index, QWidget())
            self.stack.removeWidget(page)
            page.setParent(None)
            page.deleteLater()
        self.pages.clear()
        self.idle_banner.setVisible(False)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(0)
        self.step_list.blockSignals(False)
        self._show_step(0)
        self._update_steps()
        # Back in the event loop the old pages are gone; then their freed memory goes too.
        QTimer.singleShot(0, release_freed_memory)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._session is not None:
            if self.session.has_answers() and not self._confirm(
                _("Quit Signaal"),
                _("Quit Signaal? Everything you entered in this case is wiped."),
            ):
                event.ignore()
                return
            self.wipe()
            self.idle.stop()
            self.render_job.wait()
        event.accept()

    def _idle_warning(self) -> None:
        if self.session.has_answers():
            self.idle_banner.setVisible(True)

    def _idle_expired(self) -> None:
        had_answers = self.session.has_answers()
        self.wipe()
        if had_answers:
            self.statusBar().showMessage(
                _("The case was wiped after {minutes} minutes without activity.").format(
                    minutes=self.preferences.idle_minutes
                )
            )

    # the referral ---------------------------------------------------------------------------
    def referral_pdf(self, *, with_case: bool = False) -> bytes:
        """The referral; `with_case` embeds the case (when the user left that on) for saving."""
        return self._referral(with_case=with_case)[0]

    def _referral(self, *, with_case: bool) -> tuple[bytes, Carried | None]:
        """The PDF and, when the case is embedded, the history it records (saved today)."""
        import datetime as dt

        from signaal.report import render_referral

        session = self.session
        session.propose_purpose()
        language = i18n.content_language()
        if with_case and session.embed_case:
            from signaal.report.case_document import referral_with_case

            return referral_with_case(
                session.catalog,
                session.case,
                session.assessment(),
                language,
                session.carried_now(),
                today=dt.date.today(),
            )
        pdf = render_referral(
            session.catalog,
            session.case,
            session.assessment(),
            language,
            carried=session.carried,
        )
        return pdf, None

    @property
    def rendering(self) -> bool:
        """Whether a referral is being made right now."""
        return self._session is not None and self.render_job.running

    def make_referral(
        self, then: Callable[[bytes, Carried | None], None], *, with_case: bool
    ) -> bool:
        """Render the referral off the GUI thread, then call `then` with the PDF.

        `with_case` embeds the case (when the user left that on), as for saving; `then` also
        gets the history the embedded case records. False when a render is already running
        (the new request is dropped, the first goes on).
        """
        import datetime as dt

        session = self.session
        session.propose_purpose()
        embed = with_case and session.embed_case
        started = self.render_job.start(
            session.catalog,
            session.case,
            session.assessment(),
            i18n.content_language(),
            carried=session.carried_now() if embed else session.carried,
            embed_on=dt.date.today() if embed else None,
        )
        if not started:
            self.statusBar().showMessage(_("The referral is still being made."), 4000)
            return False
        self._after_render = then
        self.render_progress.begin()
        return True

    def cancel_render(self) -> None:
        """Stop a referral being made; it leaves no PDF and no dialog behind."""
        if self._session is not None and self.render_job.running:
            self.render_job.cancel()

    def _rendered(self, pdf: bytes, carried: Carried | None) -> None:
        then, self._after_render = self._after_render, None
        self.render_progress.end()
        if then is not None and not self.is_hidden_screen:
            then(pdf, carried)

    def _render_failed(self, kind: str) -> None:
        self._after_render = None
        self.render_progress.end()
        box = QMessageBox(self)
        box.setObjectName("render-failed-dialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("The referral could not be made"))
        box.setText(
            _(
                "Signaal could not make the referral ({kind}). Nothing you typed is lost: the "
                "case is still open. Try again, or shorten very long or unusual text."
            ).format(kind=kind)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def _render_cancelled(self) -> None:
        self._after_render = None
        self.render_progress.end()
        if not self.is_hidden_screen:
            self.statusBar().showMessage(_("Making the referral was cancelled."), 4000)

    def preview(self) -> None:
        # The preview can save, so it shows the referral as it would be saved.
        self.make_referral(self.show_preview, with_case=True)

    def show_preview(self, pdf: bytes, carried: Carried | None = None) -> None:
        from signaal.ui.pdf_preview import PdfPreviewDialog

        if self.is_hidden_screen:
            return
        # Printing or saving from the preview counts as much as from the window's own actions.
        dialog = PdfPreviewDialog(pdf, self, SUGGESTED_FILE_NAME)
        del pdf
        dialog.printed.connect(
            lambda: self._referral_made(_("The referral was sent to the printer."))
        )
        dialog.saved.connect(lambda: self._referral_made(_("The referral was saved."), carried))
        self.preview_dialog = dialog
        try:
            dialog.exec()
        finally:
            # The dialog holds the rendered referral: let it go now, not with the window.
            self.preview_dialog = None
            dialog.release()
            dialog.deleteLater()

    def print_referral(self) -> None:
        """Print the pages only: paper carries no embedded case."""
        self.make_referral(self._print_pdf, with_case=False)

    def _print_pdf(self, pdf: bytes, _carried: Carried | None) -> None:
        from signaal.ui.printing import print_pdf

        if self.is_hidden_screen:
            return
        if print_pdf(pdf, self):
            self._referral_made(_("The referral was sent to the printer."))

    def save_referral(self) -> None:
        """Save where the user chooses (the report helper's dialog); nothing is kept otherwise."""
        self.make_referral(self._save_pdf, with_case=True)

    def _save_pdf(self, pdf: bytes, carried: Carried | None) -> None:
        from signaal.ui.saving import save_pdf

        if self.is_hidden_screen:
            return
        if save_pdf(pdf, self, SUGGESTED_FILE_NAME) is not None:
            self._referral_made(_("The referral was saved."), carried)

    def save_to(self, path: Path) -> bool:
        """Render and write the referral to `path` without a dialog (used by tests)."""
        from signaal.ui.saving import write_pdf

        pdf, carried = self._referral(with_case=True)
        if write_pdf(pdf, Path(path), self):
            self._referral_made(_("The referral was saved."), carried)
            return True
        return False

    # continuing a case ----------------------------------------------------------------------
    def open_referral(self) -> None:
        """Casus → Open referral…: choose a saved referral and continue its case."""
        from PySide6.QtWidgets import QFileDialog

        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Open referral"), str(Path.home()), _("PDF documents (*.pdf)")
        )
        if chosen:
            self.open_referral_file(Path(chosen))

    def open_referral_file(self, path: Path) -> bool:
        """Continue the case a referral carries (see `signaal.ui.continuing`)."""
        from signaal.ui.continuing import open_referral_file

        return open_referral_file(self, path)

    def _accepts_drop(self) -> bool:
        """Drops open a referral only on the working window, never behind the hidden screen."""
        return self._session is not None and not self.is_hidden_screen

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        from signaal.ui.continuing import dropped_file

        if self._accepts_drop() and dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        from signaal.ui.continuing import dropped_file

        path = dropped_file(event)
        if self._accepts_drop() and path is not None:
            event.acceptProposedAction()
            self.open_referral_file(path)

    def copy_dossier_note(self) -> None:
        """Put a short note for the professional's own file on the clipboard."""
        from signaal.ui.continuing import copy_dossier_note

        copy_dossier_note(self)

    def _referral_made(self, message: str, carried: Carried | None = None) -> None:
        if carried is not None:  # the saved referral carries the case: remember its history
            self.session.carried = self.session.carried.model_copy(
                update={"history": carried.history}
            )
        self.session.referral_done = True
        self._update_steps()
        self.statusBar().showMessage(message, 8000)

    def show_guide(self) -> None:
        """The offline user guide, opened at the step on screen."""
        from signaal.ui.guide import GuideDialog

        GuideDialog(self.current_key(), self).exec()

    def find_signal(self) -> None:
        """Ctrl+F: to the signals step, with the cursor in its search box."""
        from signaal.ui.pages.signals import SignalsPage

        if self.is_hidden_screen:
            return
        self.go_to("signals")
        page = self.page("signals")
        if isinstance(page, SignalsPage):
            page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            page.search.selectAll()

    def show_about(self) -> None:
        from signaal.ui.about import AboutDialog

        AboutDialog(self.catalog, self).exec()
