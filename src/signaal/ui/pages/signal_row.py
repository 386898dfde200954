"""One signal on a checklist: not seen / seen / told, the facts, a quote, help on demand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from signaal.assessment.case import ObservationStatus, ToldBy
from signaal.content.models import Indicator
from signaal.i18n import _, content_language
from signaal.ui.session import Session
from signaal.ui.widgets import FieldLabel, WrapLabel, describe, form_layout


class SignalRow(QFrame):
    """Writes straight into the session's case; a status click asks for a new assessment."""

    def __init__(self, session: Session, indicator: Indicator, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.indicator = indicator
        self.setObjectName(f"signal-{indicator.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.text = WrapLabel()
        font = QFont(self.text.font())
        font.setBold(True)
        self.text.setFont(font)
        top.addWidget(self.text, 1)
        self.help_button: QToolButton | None = None
        self.help_text: WrapLabel | None = None
        if indicator.help is not None:
            self.help_button = QToolButton()
            self.help_button.setObjectName(f"help-{indicator.id}")
            self.help_button.setCheckable(True)
            self.help_button.setText("?")
            top.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
            self.help_text = WrapLabel()
            self.help_text.setObjectName(f"help-text-{indicator.id}")
            self.help_text.setVisible(False)
            self.help_button.toggled.connect(self.help_text.setVisible)
        layout.addLayout(top)
        if self.help_text is not None:
            layout.addWidget(self.help_text)

        statuses = QHBoxLayout()
        self.not_seen = QRadioButton()
        self.seen = QRadioButton()
        self.told = QRadioButton()
        self.told_by = QComboBox()
        self.told_by.setObjectName(f"told-by-{indicator.id}")
        self.told_by.addItem("", "person")
        self.told_by.addItem("", "third-party")
        self.told_by.setEnabled(False)
        for suffix, button in (
            ("not-seen", self.not_seen),
            ("seen", self.seen),
            ("told", self.told),
        ):
            button.setObjectName(f"status-{indicator.id}-{suffix}")
            statuses.addWidget(button)
        statuses.addWidget(self.told_by)
        statuses.addStretch(1)
        layout.addLayout(statuses)

        self.details = QWidget()
        details_form = form_layout(self.details)
        details_form.setContentsMargins(0, 0, 0, 0)
        self.facts = QPlainTextEdit()
        self.facts.setObjectName(f"facts-{indicator.id}")
        self.facts.setTabChangesFocus(True)
        self.facts.setFixedHeight(self.facts.fontMetrics().lineSpacing() * 4 + 12)
        self.quote = QLineEdit()
        self.quote.setObjectName(f"quote-{indicator.id}")
        self.facts_label = FieldLabel()
        self.quote_label = FieldLabel()
        details_form.addRow(self.facts_label, self.facts)
        details_form.addRow(self.quote_label, self.quote)
        layout.addWidget(self.details)

        self.load()
        self.not_seen.toggled.connect(lambda on: self._status("not-seen") if on else None)
        self.seen.toggled.connect(lambda on: self._status("seen") if on else None)
        self.told.toggled.connect(lambda on: self._status("told") if on else None)
        self.told_by.currentIndexChanged.connect(self._told_by_changed)
        self.facts.textChanged.connect(self._facts_changed)
        self.quote.textChanged.connect(self._quote_changed)
        self.retranslate()

    def load(self) -> None:
        """Show what the case holds for this signal."""
        observation = self.session.observation(self.indicator.id)
        status = observation.status if observation else None
        buttons = {"not-seen": self.not_seen, "seen": self.seen, "told": self.told}
        for key, button in buttons.items():
            button.setChecked(key == status)
        if observation is not None:
            self.facts.setPlainText(observation.facts)
            self.quote.setText(observation.quote)
            self.told_by.setCurrentIndex(1 if observation.told_by == "third-party" else 0)
        self._show_details(status)

    def retranslate(self) -> None:
        language = content_language()
        indicator = self.indicator
        text = indicator.text.get(language)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.not_seen.setText(_("Not seen"))
        self.seen.setText(_("Seen myself"))
        self.told.setText(_("Told by"))
        describe(self.not_seen, _("Not seen: {signal}").format(signal=text))
        describe(self.seen, _("Seen myself: {signal}").format(signal=text))
        describe(self.told, _("Told by someone: {signal}").format(signal=text))
        self.told_by.setItemText(0, _("the person"))
        self.told_by.setItemText(1, _("someone else"))
        describe(self.told_by, _("Who told you"), _("The person themselves or a third party"))
        self.facts_label.setText(_("Facts"))
        self.facts.setPlaceholderText(
            _("Only facts: what did you see or hear, when, where, and who was there?")
        )
        describe(
            self.facts,
            _("Facts for: {signal}").format(signal=text),
            _("Write what happened, when, where and who was there; no interpretation"),
        )
        self.quote_label.setText(_("Quote"))
        self.quote.setPlaceholderText(_("Their own words, if you wrote them down (optional)"))
        describe(
            self.quote,
            _("Direct quote for: {signal}").format(signal=text),
            _("The exact words someone used, kept as a quote in the referral"),
        )
        if self.help_button is not None and self.help_text is not None and indicator.help:
            self.help_text.setText(indicator.help.get(language))
            self.help_button.setToolTip(_("What this can look like"))
            describe(
                self.help_button,
                _("Help for: {signal}").format(signal=text),
                _("Shows or hides what this signal can look like"),
            )

    def matches(self, needle: str) -> bool:
        """Whether the search text occurs in the signal or its help, in the shown language."""
        if not needle:
            return True
        language = content_language()
        haystack = self.indicator.text.get(language)
        if self.indicator.help is not None:
            haystack += " " + self.indicator.help.get(language)
        return needle in haystack.casefold()

    def _show_details(self, status: str | None) -> None:
        present = status in ("seen", "told")
        self.details.setVisible(present or bool(self.facts.toPlainText() or self.quote.text()))
        self.told_by.setEnabled(status == "told")

    def _status(self, status: ObservationStatus) -> None:
        told_by: ToldBy | None = None
        if status == "told":
            told_by = "third-party" if self.told_by.currentIndex() == 1 else "person"
        self.session.set_status(self.indicator.id, status, told_by)
        self._show_details(status)

    def _told_by_changed(self, index: int) -> None:
        if self.told.isChecked():
            self._status("told")

    def _facts_changed(self) -> None:
        self.session.set_observation_text(self.indicator.id, "facts", self.facts.toPlainText())

    def _quote_changed(self, text: str) -> None:
        self.session.set_observation_text(self.indicator.id, "quote", text)
