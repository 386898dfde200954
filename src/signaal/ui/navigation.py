"""Walking the steps: the step list, the page of the current step, Back and Next.

Each page is made the first time its step is shown (its class is named by its `Step`), and kept
until a wipe or a change of flow drops it; the sidebar marks the steps that are done.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from signaal import i18n
from signaal.i18n import _
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.steps import Step, steps_for


class StepNavigation(QObject):
    """Shows one step at a time; `requests` wires what pages ask for (a signal of that name)."""

    # The page of this step is about to be shown (at its final size: the window's side panel
    # comes or goes first).
    about_to_show = Signal(str)
    # A step is on screen: whether Back and Next lead anywhere.
    moved = Signal(bool, bool)
    # The role changed the flow (a Veilig Thuis worker makes a handover, not a referral).
    flow_changed = Signal()

    def __init__(
        self,
        session: Session,
        requests: Mapping[str, Callable[..., object]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._requests = {**requests, "signal_requested": self.show_signal}
        self.flow = session.flow
        self.pages: dict[str, Page] = {}
        self.step_list = QListWidget()
        self.step_list.setObjectName("step-list")
        self.step_list.setMinimumWidth(120)
        self.stack = QStackedWidget()
        for _step in self.steps():
            self.step_list.addItem(QListWidgetItem())
            self.stack.addWidget(QWidget())
        self.step_list.currentRowChanged.connect(self.show_step)
        self.back_button = QPushButton()
        self.back_button.setObjectName("back-button")
        self.next_button = QPushButton()
        self.next_button.setObjectName("next-button")
        self.next_button.setDefault(False)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.back_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.next_button)
        # Until a role is chosen the pages show the first role's lists: say so, never silently.
        self.role_banner = QLabel()
        self.role_banner.setObjectName("role-not-chosen")
        self.role_banner.setWordWrap(True)
        self.role_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.role_banner.setVisible(False)

    def steps(self) -> tuple[Step, ...]:
        return steps_for(self.flow)

    def step_keys(self) -> tuple[str, ...]:
        """The keys of the steps of the flow the case walks now (the role decides, in content)."""
        return tuple(step.key for step in self.steps())

    def retranslate(self) -> None:
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
        for page in self.pages.values():
            page.retranslate()
        self.update_steps()

    # pages -------------------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page of a step, made the first time it is needed."""
        page = self.pages.get(key)
        if page is None:
            index = self.step_keys().index(key)
            page = self.steps()[index].page_class()(self.session)
            for name, slot in self._requests.items():
                request = getattr(page, name, None)
                if isinstance(request, SignalInstance):
                    request.connect(slot)
            self._replace(index, page)
            self.pages[key] = page
        return page

    def _replace(self, index: int, widget: QWidget) -> None:
        """Put `widget` in the stack at `index`, in place of what stood there."""
        old = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.setParent(None)
            old.deleteLater()

    def drop_pages(self) -> None:
        """Destroy every page (each is made again when shown) and go back to the first step."""
        keys = self.step_keys()
        for key in list(self.pages):
            self._replace(keys.index(key), QWidget())
        self.pages.clear()
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(0)
        self.step_list.blockSignals(False)
        self.show_step(0)
        self.update_steps()

    def _apply_flow(self) -> None:
        """The role changed the flow: the sidebar and the stack follow; pages of steps the new
        flow does not have are dropped (their answers stay in the case)."""
        flow = self.session.flow
        if flow == self.flow:
            return
        self.flow = flow
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
        for _key in keys:
            self.step_list.addItem(QListWidgetItem())
        self.step_list.setCurrentRow(min(row, len(keys) - 1))
        self.step_list.blockSignals(False)
        self.stack.setCurrentIndex(self.step_list.currentRow())
        self.flow_changed.emit()

    # moving ------------------------------------------------------------------------------------
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

    def show_step(self, row: int) -> None:
        if row < 0:
            return
        key = self.step_keys()[row]
        page = self.page(key)
        page.retranslate_guidance()  # the role may have changed which guidance applies
        page.refresh()
        # Give the page its final size before it shows, so its wrapped labels are laid out once,
        # not per width.
        self.about_to_show.emit(key)
        page.setGeometry(self.stack.contentsRect())
        self.stack.setCurrentWidget(page)
        self._show_role_banner()
        last = self.step_list.count() - 1
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < last)
        self.moved.emit(row > 0, row < last)
        focus = page.first_focus()
        if focus is not None and self.step_list.hasFocus() is False:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_signal(self, indicator_id: str) -> None:
        """Go to the signals step with this signal's row in view and its facts field focused."""
        from signaal.ui.pages.signals import SignalsPage

        self.go_to("signals")
        page = self.page("signals")
        if isinstance(page, SignalsPage):
            page.show_indicator(indicator_id)

    def find_signal(self) -> None:
        """To the signals step, with the cursor in its search box."""
        from signaal.ui.pages.signals import SignalsPage

        self.go_to("signals")
        page = self.page("signals")
        if isinstance(page, SignalsPage):
            page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            page.search.selectAll()

    # the sidebar -------------------------------------------------------------------------------
    def update_steps(self) -> None:
        """Follow the case: the flow its role walks, and which steps are done."""
        self._apply_flow()
        self._show_role_banner()
        for row, step in enumerate(self.steps()):
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
