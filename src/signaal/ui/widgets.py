"""Small widgets shared by the pages: labels that wrap, headings, contact cards."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from signaal.content import Catalog
from signaal.content.code_ids import GUIDANCE_PAGES
from signaal.content.models import Contact, Guidance
from signaal.content.notices import contact_check_line
from signaal.content.references import guidance_problems
from signaal.i18n import _, content_language, format_date
from signaal.labels import URGENCIES, wording


class PageBody(QWidget):
    """The scrolled part of a page; says when it has been painted (for `IdleWork`)."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.painted.emit()


# Idle work runs in slices this long: a click that comes meanwhile waits at most this much.
IDLE_SLICE_SECONDS = 0.005


class IdleWork(QObject):
    """Work a page does while the event loop is idle, in short slices, after it is on screen.

    `wake()` asks for work; it starts at the next `painted` signal of `body` (so the page is shown
    before any of it) and runs `step(deadline)` from a zero-delay timer until `step` answers that
    nothing is left. `deadline` is a `time.perf_counter()` value to stop at.
    """

    def __init__(self, body: PageBody, step: Callable[[float], bool]) -> None:
        super().__init__(body)
        self._body = body
        self._step = step
        self._wanted = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)
        body.painted.connect(self._painted)

    @property
    def busy(self) -> bool:
        """Whether work was asked for and has not been found done yet."""
        return self._wanted or self._timer.isActive()

    def wake(self, *_args: object) -> None:
        self._wanted = True

    def _painted(self) -> None:
        if self._wanted and not self._timer.isActive():
            self._timer.start()

    def _run(self) -> None:
        if not self._body.isVisible():
            self._timer.stop()  # the next paint starts it again
            return
        if not self._step(time.perf_counter() + IDLE_SLICE_SECONDS):
            self._wanted = False
            self._timer.stop()


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Give a control the accessible name and description a screen reader announces."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description or name)


class WrapLabel(QLabel):
    """Plain text that wraps: content text is never interpreted as markup.

    Qt lays the wrapped text out again for every height-for-width question, and a relayout of a
    long signal list asks hundreds of them; the answers are cached per width until the text or
    the font changes.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        self._heights: dict[int, int] = {}
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        height = self._heights.get(width)
        if height is None:
            height = super().heightForWidth(width)
            self._heights[width] = height
        return height

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


class Heading(WrapLabel):
    def __init__(self, text: str = "", level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * {1: 1.45, 2: 1.2}.get(level, 1.05))
        self.setFont(font)
        self.setAccessibleName(text)


def set_shown(widget: QWidget, visible: bool) -> None:
    """Show or hide a widget, calling setVisible only when that changes something.

    Each call relayouts, and a list has hundreds of widgets. A widget never hidden on purpose
    shows together with its parent: showing it earlier would style it and lay it out at a size
    it does not have yet.
    """
    explicit = widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    if visible:
        parent = widget.parentWidget()
        if widget.isHidden() and (explicit or parent is None or parent.isVisible()):
            widget.setVisible(True)
    elif not (widget.isHidden() and explicit):
        widget.setVisible(False)


def show_added(widget: QWidget) -> None:
    """Show a widget just added to a shown, margin-less column, laid out at its final width.

    Left alone, Qt would show it from a queued call after laying it out at a default size.
    """
    parent = widget.parentWidget()
    if parent is not None and parent.isVisible() and widget.isHidden():
        widget.resize(parent.width(), widget.height())
        widget.show()


def set_checked(group: QButtonGroup, *states: tuple[QAbstractButton, bool]) -> None:
    """Check the buttons of an exclusive group as given, also none (the group refuses that)."""
    group.setExclusive(False)
    for button, checked in states:
        button.setChecked(checked)
    group.setExclusive(True)


def set_heading(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleName(text)


def urgency_label(urgency: str) -> str:
    return wording(URGENCIES, urgency, _)


@cache
def _long_date(day: dt.date, language: str) -> str:
    """Dates of the catalog, formatted once per language (babel is slow to ask)."""
    return format_date(day, language)


def verification_text(contact: Contact) -> str:
    """One calm line on how sure the number is, with the day it was checked (never the
    editors' reasons, which stay in the catalog's editor_note)."""
    day = _long_date(contact.verified_on, content_language())
    return contact_check_line(contact, _, day)


class ContactCard(QFrame):
    """Who to call, the number, when they can be reached, why, and how sure the number is."""

    def __init__(
        self,
        contact: Contact,
        reason: str,
        urgency: str,
        parent: QWidget | None = None,
        *,
        large: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"contact-{contact.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        language = content_language()
        layout = QVBoxLayout(self)
        # Children made with their parent: cheaper than moving them in from windows of their own.
        title = Heading(
            f"{contact.name.get(language)} — {urgency_label(urgency)}", level=3, parent=self
        )
        layout.addWidget(title)
        number = contact.phone or (contact.channel.get(language) if contact.channel else "")
        if number:
            import html  # with its entity table: not needed until the first card

            phone = QLabel(f"<b>{html.escape(number)}</b>", self)
            phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            phone.setObjectName(f"contact-{contact.id}-number")
            if large:  # readable from a metre away, in the calm default colours
                font = QFont(phone.font())
                font.setPointSizeF(font.pointSizeF() * 2)
                phone.setFont(font)
            layout.addWidget(phone)
        hours = WrapLabel(_("Reachable: {hours}").format(hours=contact.hours.get(language)), self)
        layout.addWidget(hours)
        why = WrapLabel(reason or contact.purpose.get(language), self)
        layout.addWidget(why)
        checked = verification_text(contact) if contact.shows_check else ""
        if checked:
            check = WrapLabel(checked, self)
            check.setEnabled(contact.verification in ("verified", "verified-old"))
            layout.addWidget(check)
        describe(
            self,
            _("Contact: {name}, {number}").format(name=contact.name.get(language), number=number),
            " ".join(
                (
                    contact.hours.get(language),
                    reason or contact.purpose.get(language),
                    checked,
                )
            ).strip(),
        )


class NoteLabel(WrapLabel):
    """Secondary text (a description under a choice): italic, indented, full contrast."""

    def __init__(self, text: str = "", indent: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        font = QFont(self.font())
        font.setItalic(True)
        self.setFont(font)
        if indent:
            self.setIndent(indent)


class FieldLabel(QLabel):
    """A form label: one line, with a mnemonic that focuses its buddy field."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)


def form_layout(parent: QWidget) -> QFormLayout:
    """A form whose long labels go above their field instead of being cut off."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def clear_layout(layout: QLayout) -> None:
    """Remove and destroy every widget of a layout at once (hidden first, so none lingers)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


class GuidanceBox(QWidget):
    """Longer guidance from the catalog, folded away behind its title until asked for."""

    def __init__(
        self,
        guidance: Guidance,
        parent: QWidget | None = None,
        resolve: Callable[[], Guidance | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.guidance = guidance
        # The variant for the current role (a role's own replacement, or none for this role).
        self.resolve = resolve
        self.setObjectName(f"guidance-{guidance.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QToolButton()
        self.button.setObjectName(f"guidance-button-{guidance.id}")
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.toggled.connect(self._toggle)
        self.body = WrapLabel()
        self.body.setVisible(False)
        layout.addWidget(self.button)
        layout.addWidget(self.body)
        self.retranslate()

    def retranslate(self) -> None:
        language = content_language()
        if self.resolve is not None:
            resolved = self.resolve()
            if resolved is None:
                self.hide()  # not for this role; its texts stay set, in the language
            else:
                if self.isHidden() and self.parentWidget() is not None:
                    self.show()  # hidden for an earlier role (never as a window of its own)
                self.guidance = resolved
        title = self.guidance.title.get(language)
        self.button.setText(title)
        self.body.setText("\n\n".join(part.get(language) for part in self.guidance.body))
        describe(self.button, title, _("Shows or hides this explanation"))

    def _toggle(self, shown: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.body.setVisible(shown)


# Guidance problems already written to stderr in this process (each is said once).
_REPORTED: set[str] = set()


def guidance_boxes(
    catalog: Catalog, page: str, role: Callable[[], str] | None = None
) -> list[GuidanceBox]:
    """The guidance the catalog places on this page (its `page`), in the order of the files;
    with `role`, each box shows the variant for the current role (its own replacement, or
    nothing). Guidance that no page would show as meant is reported on stderr, once."""
    if page not in GUIDANCE_PAGES:
        raise ValueError(f"no page {page!r} in content/code_ids.py GUIDANCE_PAGES")
    report_guidance_problems(catalog)
    boxes = []
    for guidance in catalog.guidance:
        if guidance.page != page:
            continue
        resolve = None
        if role is not None:
            resolve = lambda i=guidance.id: catalog.guidance_for(i, role())  # noqa: E731
        boxes.append(GuidanceBox(guidance, resolve=resolve))
    return boxes


def report_guidance_problems(catalog: Catalog) -> None:
    """Say on stderr, once per process, which guidance no page shows as its editor meant (a
    catalog is checked when it is loaded; this catches one that was made some other way)."""
    for problem in guidance_problems(catalog):
        line = f"signaal: content: guidance.{problem.entry_id}.{problem.field}: {problem.message}"
        if line not in _REPORTED:
            _REPORTED.add(line)
            print(line, file=sys.stderr)
