"""The live side panel: the indicator profile per ILO list and the level of concern.

It shows only what `assess` returns, so the panel, the outcome page and the PDF always agree.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from signaal.i18n import N_, _, content_language
from signaal.ui.session import Session
from signaal.ui.widgets import Heading, NoteLabel, set_heading

PROFILE_NAMES = {
    "indicated": N_("indicated"),
    "partly-indicated": N_("partly indicated"),
    "not-indicated": N_("not indicated"),
}
CONCERN_NAMES = {"none": N_("no concern yet"), "possible": N_("possible"), "clear": N_("clear")}


def profile_name(profile: str) -> str:
    return _(PROFILE_NAMES.get(profile, profile))


def concern_name(level: str) -> str:
    return _(CONCERN_NAMES.get(level, level))


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
        self.text = QLabel()
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
        set_heading(self.heading, _("Indicator profile"))
        self.note.setText(_("A profile of signals, not a determination. You decide."))
        self.update_profile()

    def update_profile(self) -> None:
        """Show the current assessment; cheap enough to run on every click."""
        if not self.isVisible() and self.text.text():
            self._stale = True
            return
        self._stale = False
        text = self.html()
        if text == self.text.text():
            return
        self.text.setText(text)
        self.text.setAccessibleName(_("Indicator profile"))
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
            parts.append(
                f"<p><b>{title}</b><br>"
                + html.escape(_("Profile: {profile}").format(profile=profile_name(result.profile)))
                + "</p><p>"
            )
            for dimension_id, dimension in result.dimensions.items():
                info = catalog.dimensions_by_id.get(dimension_id)
                name = info.name.get(language) if info else dimension_id
                mark = "●" if dimension.positive else "○"
                counts = _("{strong} strong, {medium} medium, {weak} weak").format(
                    strong=dimension.strong, medium=dimension.medium, weak=dimension.weak
                )
                state = _("met") if dimension.positive else _("not met")
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
