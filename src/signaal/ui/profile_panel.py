"""The live side panel: the indicator profile per ILO list and the level of concern.

It shows only what `assess` returns, so the panel, the outcome page and the PDF always agree.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QVBoxLayout,
    QWidget,
)

from signaal.content.notices import (
    PROVISIONAL,
    RULE_UNCONFIRMED,
    WEIGHTS_DERIVED,
    dimension_state,
    dimension_title,
)
from signaal.i18n import _, content_language
from signaal.labels import CONCERN_LEVELS, profile_line, wording
from signaal.ui.session import Session
from signaal.ui.widgets import Heading, NoteLabel, set_heading


def profile_name(profile: str) -> str:
    """Plain words first, the ILO term after them: 'Partly fits trafficking (indicator profile:
    partly indicated)'."""
    return profile_line(profile, _)


def concern_name(level: str) -> str:
    return wording(CONCERN_LEVELS, level, _)


class ProfileText(QLabel):
    """The panel's rich text, wrapped to the width the panel gives it.

    A QLabel (its text is what tests and screen readers read), but laid out and painted from a
    QTextDocument of its own: QLabel's size hint for wrapped rich text lays the text out at
    several trial widths, about 5 ms on every click. Here the width is the panel's; heights are
    kept per width until the text or font changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._heights: dict[int, int] = {}
        self._document = QTextDocument()
        self._document.setDocumentMargin(0)
        super().__init__(parent)
        self._document.setDefaultFont(self.font())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text != self.text():
            self._heights.clear()
            self._document.setHtml(text)
            super().setText(text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        height = self._heights.get(width)
        if height is None:
            margins = self.contentsMargins()
            self._set_text_width(max(1, width - margins.left() - margins.right()))
            height = math.ceil(self._document.size().height()) + margins.top() + margins.bottom()
            self._heights[width] = height
        return height

    def _set_text_width(self, width: int) -> None:
        if self._document.textWidth() != width:  # each change lays the text out again
            self._document.setTextWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = max(self.width(), 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        rect = self.contentsRect()
        self._set_text_width(rect.width())
        painter = QPainter(self)
        painter.translate(rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette()
        context.palette.setColor(
            QPalette.ColorRole.Text, self.palette().color(self.foregroundRole())
        )
        context.clip = QRectF(event.rect().translated(-rect.topLeft()))
        self._document.documentLayout().draw(painter, context)
        if self.hasFocus():  # reached with Tab: show it, like every other focus stop
            painter.resetTransform()
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
            )
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._document.setDefaultFont(self.font())
            self._heights.clear()
        super().changeEvent(event)


class ProfilePanel(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("profile-panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._stale = False
        outer = QVBoxLayout(self)
        self.heading = Heading(level=2)
        outer.addWidget(self.heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = ProfileText()
        self.text.setObjectName("profile-text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        scroll.setWidget(self.text)
        outer.addWidget(scroll, 1)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note = NoteLabel()
        outer.addWidget(self.note)
        session.changed.connect(self.update_profile)
        self.retranslate()

    def retranslate(self) -> None:
        set_heading(self.heading, _("What the signals fit (indicator profile)"))
        self.note.setText(_("A profile of signals, not a determination. You decide."))
        self.update_profile()

    def update_profile(self) -> None:
        """Show the current assessment; cheap enough to run on every click."""
        # Hidden, it catches up when shown; before the case is made there is nothing to show.
        if not self.isVisible() and (self.text.text() or not self.session.has_case):
            self._stale = True
            return
        self._stale = False
        text = self.html()
        if text == self.text.text():
            return
        self.text.setText(text)
        self.text.setAccessibleName(_("What the signals fit (indicator profile)"))
        self.text.setAccessibleDescription(self.text.text())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self.update_profile()
        super().showEvent(event)

    def html(self) -> str:
        session = self.session
        catalog = session.catalog
        case = session.case
        assessment = session.assessment()
        language = content_language()
        seen = sum(1 for o in case.observations if o.status == "seen")
        told = sum(1 for o in case.observations if o.status == "told")
        parts = [
            "<p>"
            + html.escape(
                _("Signals marked: {seen} seen, {told} told").format(seen=seen, told=told)
            )
            + "</p>"
        ]
        titles = {c.id: c.title.get(language) for c in catalog.checklists}
        for result in assessment.trafficking:
            title = html.escape(titles.get(result.checklist, result.checklist))
            parts.append(f"<p><b>{title}</b><br>" + html.escape(profile_name(result.profile)))
            if result.provisional:
                parts.append("<br><i>" + html.escape(_(WEIGHTS_DERIVED)) + "</i>")
            if result.rule_unconfirmed:
                parts.append("<br><i>" + html.escape(_(RULE_UNCONFIRMED)) + "</i>")
            parts.append("</p><p>")
            for dimension_id, dimension in result.dimensions.items():
                info = catalog.dimensions_by_id.get(dimension_id)
                name = dimension_title(info).get(language) if info else dimension_id
                mark = "●" if dimension.positive else "○"
                counts = _("{strong} strong, {medium} medium, {weak} weak").format(
                    strong=dimension.strong, medium=dimension.medium, weak=dimension.weak
                )
                state = dimension_state(dimension.positive, _)
                if result.provisional:
                    state += ", " + _(PROVISIONAL)
                parts.append(
                    f"{mark} {html.escape(name)}: {html.escape(state)} "
                    f"<small>({html.escape(counts)})</small><br>"
                )
            parts.append("</p>")
        if not assessment.trafficking:
            parts.append(
                "<p>"
                + html.escape(_("No ILO indicator list applies to the concerns and age chosen."))
                + "</p>"
            )
        if assessment.concern.assessed:
            parts.append(
                "<p><b>"
                + html.escape(_("Level of concern (sexual abuse)"))
                + "</b><br>"
                + html.escape(concern_name(assessment.concern.level))
                + "</p>"
            )
        return "".join(parts)
