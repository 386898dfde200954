"""One signal on a checklist: not seen / seen / told, the facts, a quote, help on demand.

A row starts small (the signal and its choices); the facts and quote fields and the help text are
created when they are needed. A list of a hundred signals builds quickly that way, and a click
changes one row only. The signals page prepares the facts and quote fields of the rows on screen
in idle time (`prepare_details`), hidden, so that a click only has to show them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from signaal.assessment.case import (
    SHORT_TEXT_LIMIT,
    Observation,
    ObservationStatus,
    ToldBy,
    text_limit,
)
from signaal.content.models import Indicator
from signaal.content.notices import ADDITION
from signaal.i18n import _, content_language
from signaal.labels import QUOTE_OF
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_line, limit_plain
from signaal.ui.widgets import FieldLabel, WrapLabel, describe, form_layout

# (object name suffix, status, told by)
CHOICES: tuple[tuple[str, ObservationStatus, ToldBy | None], ...] = (
    ("not-seen", "not-seen", None),
    ("seen", "seen", None),
    ("told", "told", "person"),
    ("told-third-party", "told", "third-party"),
)


class SignalRow(QFrame):
    """Writes straight into the session's case; a status click asks for a new assessment."""

    def __init__(
        self, session: Session, indicator: Indicator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.indicator = indicator
        self.setObjectName(f"signal-{indicator.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Never taller than its contents: the facts field stays right under its choices.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # Children are created with their parent: a widget made without one starts as a window
        # of its own, and moving it into the row later costs more than creating it there.
        self.layout_ = QVBoxLayout(self)
        top = QHBoxLayout()
        self.layout_.addLayout(top)
        self.text = WrapLabel(parent=self)
        font = QFont(self.text.font())
        font.setBold(True)
        self.text.setFont(font)
        top.addWidget(self.text, 1)
        self.help_button: QToolButton | None = None
        self.help_text: WrapLabel | None = None
        if indicator.help is not None:
            self.help_button = QToolButton(self)
            self.help_button.setObjectName(f"help-{indicator.id}")
            self.help_button.setCheckable(True)
            self.help_button.setText("?")
            self.help_button.toggled.connect(self._toggle_help)
            top.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)

        statuses = QHBoxLayout()
        self.layout_.addLayout(statuses)
        self.buttons: dict[str, QRadioButton] = {}
        for suffix, status, told_by in CHOICES:
            button = QRadioButton(self)
            button.setObjectName(f"status-{indicator.id}-{suffix}")
            button.toggled.connect(
                lambda on, s=status, t=told_by: self._status(s, t) if on else None
            )
            statuses.addWidget(button)
            self.buttons[suffix] = button
        statuses.addStretch(1)

        self.details: QWidget | None = None
        self.facts: QPlainTextEdit | None = None
        self.quote: QLineEdit | None = None
        self.facts_label: FieldLabel | None = None
        self.quote_label: FieldLabel | None = None
        self.details_form: QFormLayout | None = None
        self.teller: QLineEdit | None = None
        self.teller_label: FieldLabel | None = None
        self.quote_of: QComboBox | None = None
        self.quote_of_label: FieldLabel | None = None
        self.load()
        self.retranslate()

    def focus_chain(self) -> list[QWidget]:
        """The row's controls in the order Tab visits them."""
        chain: list[QWidget] = [] if self.help_button is None else [self.help_button]
        chain += self.buttons.values()
        if self.facts is not None and self.quote is not None:
            chain += [self.facts, self.quote]
        if self.teller is not None and self.quote_of is not None and self._third_party:
            chain += [self.teller, self.quote_of]
        return chain

    @property
    def _third_party(self) -> bool:
        observation = self.session.observation(self.indicator.id)
        return (
            observation is not None
            and observation.status == "told"
            and (observation.source == "third-party")
        )

    @property
    def details_shown(self) -> bool:
        return self.details is not None and not self.details.isHidden()

    def load(self) -> None:
        """Show what the case holds for this signal."""
        observation = self.session.observation(self.indicator.id)
        suffix: str | None = None
        if observation is not None:
            suffix = observation.status
            if observation.status == "told" and observation.source == "third-party":
                suffix = "told-third-party"
        for key, button in self.buttons.items():
            if button.isChecked() != (key == suffix):
                button.blockSignals(True)
                button.setChecked(key == suffix)
                button.blockSignals(False)
        if observation is not None and (
            observation.counts or observation.facts or observation.quote
        ):
            self._ensure_details()
        if self.facts is not None and self.quote is not None:
            facts = observation.facts if observation else ""
            quote = observation.quote if observation else ""
            if self.facts.toPlainText() != facts:
                self.facts.setPlainText(facts)
            if self.quote.text() != quote:
                self.quote.setText(quote)
        self._load_teller()

    def _load_teller(self) -> None:
        """Who told it and whose words the quote holds: shown for "told by someone else" only."""
        if self.teller is None or self.quote_of is None or self.details_form is None:
            return
        observation = self.session.observation(self.indicator.id)
        third_party = self._third_party
        if self.details_form.isRowVisible(self.teller) != third_party:
            self.details_form.setRowVisible(self.teller, third_party)
            self.details_form.setRowVisible(self.quote_of, third_party)
        teller = observation.teller if observation is not None else ""
        # Hidden under another choice, the field keeps what was typed for a way back.
        if third_party and observation is not None and self.teller.text().strip() != teller:
            self.teller.blockSignals(True)
            self.teller.setText(teller)
            self.teller.blockSignals(False)
        position = max(0, self.quote_of.findData(observation.quote_of if observation else None))
        if self.quote_of.currentIndex() != position:
            self.quote_of.blockSignals(True)
            self.quote_of.setCurrentIndex(position)
            self.quote_of.blockSignals(False)

    def prepare_details(self) -> None:
        """Create the facts and quote fields, hidden until the signal is answered."""
        if self.details is not None:
            return
        self.details = details = QWidget(self)
        details.hide()
        form = form_layout(details)
        form.setContentsMargins(0, 0, 0, 0)
        self.facts = QPlainTextEdit(details)
        self.facts.setObjectName(f"facts-{self.indicator.id}")
        limit_plain(self.facts, text_limit(Observation, "facts"))
        self.facts.setTabChangesFocus(True)
        self.facts.setFixedHeight(self.facts.fontMetrics().lineSpacing() * 4 + 12)
        self.quote = QLineEdit(details)
        self.quote.setObjectName(f"quote-{self.indicator.id}")
        limit_line(self.quote, text_limit(Observation, "quote"))
        self.facts_label = FieldLabel(parent=details)
        self.quote_label = FieldLabel(parent=details)
        self.facts_label.setBuddy(self.facts)
        self.quote_label.setBuddy(self.quote)
        # Who told it and whose words the quote holds, for a signal told by someone else.
        self.teller = QLineEdit(details)
        self.teller.setObjectName(f"teller-{self.indicator.id}")
        limit_line(self.teller, SHORT_TEXT_LIMIT)
        self.quote_of = QComboBox(details)
        self.quote_of.setObjectName(f"quote-of-{self.indicator.id}")
        self.quote_of.addItem("", None)
        for value in QUOTE_OF:
            self.quote_of.addItem("", value)
        self.teller_label = FieldLabel(parent=details)
        self.quote_of_label = FieldLabel(parent=details)
        self.teller_label.setBuddy(self.teller)
        self.quote_of_label.setBuddy(self.quote_of)
        form.addRow(self.teller_label, self.teller)
        form.addRow(self.facts_label, self.facts)
        form.addRow(self.quote_label, self.quote)
        form.addRow(self.quote_of_label, self.quote_of)
        self.details_form = form
        self.layout_.addWidget(details)
        # Created late, the fields would sit at the end of the focus chain: put them after the
        # row's choices, so Tab goes choice → facts → quote → next signal.
        QWidget.setTabOrder(self.buttons[CHOICES[-1][0]], self.teller)
        QWidget.setTabOrder(self.teller, self.facts)
        QWidget.setTabOrder(self.facts, self.quote)
        QWidget.setTabOrder(self.quote, self.quote_of)
        self.facts.textChanged.connect(self._facts_changed)
        self.quote.textChanged.connect(self._quote_changed)
        self.teller.textChanged.connect(self._teller_changed)
        self.quote_of.currentIndexChanged.connect(self._quote_of_changed)
        self._load_teller()
        self._translate_details()
        # Style the hidden fields now, not in the click that shows them.
        details.ensurePolished()

    def show_details(self) -> None:
        """Show the facts and quote fields (for a signal the user is sent to)."""
        self._ensure_details()

    def _ensure_details(self) -> None:
        """Show the facts and quote fields (created now if idle time has not made them yet)."""
        self.prepare_details()
        if self.details is not None and self.details.isHidden():
            self.details.show()

    def retranslate(self) -> None:
        text = self.indicator.text.get(content_language())
        # An item on an ILO-based list that no ILO list has says so next to its text.
        shown = f"{text} ({_(ADDITION)})" if self.indicator.ilo_addition else text
        self.text.setText(shown)
        self.text.setAccessibleName(shown)
        labels = {
            "not-seen": (_("Not seen"), _("Not seen: {signal}")),
            "seen": (_("Seen myself"), _("Seen myself: {signal}")),
            "told": (_("Told by the person"), _("Told by the person: {signal}")),
            "told-third-party": (_("Told by someone else"), _("Told by someone else: {signal}")),
        }
        for key, (label, name) in labels.items():
            self.buttons[key].setText(label)
            describe(self.buttons[key], name.format(signal=text))
        if self.help_button is not None:
            self.help_button.setToolTip(_("What this can look like"))
            describe(
                self.help_button,
                _("Help for: {signal}").format(signal=text),
                _("Shows or hides what this signal can look like"),
            )
        if self.help_text is not None and self.indicator.help is not None:
            self.help_text.setText(self.indicator.help.get(content_language()))
        self._translate_details()

    def _translate_details(self) -> None:
        if self.facts is None or self.quote is None:
            return
        if self.facts_label is None or self.quote_label is None:
            return
        text = self.indicator.text.get(content_language())
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
        if (
            self.teller is None
            or self.quote_of is None
            or self.teller_label is None
            or self.quote_of_label is None
        ):
            return
        self.teller_label.setText(_("Told by"))
        self.teller.setPlaceholderText(_("Role or relation, for example mother, classmate"))
        describe(
            self.teller,
            _("Who told it, for: {signal}").format(signal=text),
            _("By role or relation; no name is needed"),
        )
        self.quote_of_label.setText(_("Whose words"))
        self.quote_of.setItemText(0, _("Not recorded"))
        for position, label in enumerate(QUOTE_OF.values(), start=1):
            self.quote_of.setItemText(position, _(label))
        describe(
            self.quote_of,
            _("Whose words the quote holds, for: {signal}").format(signal=text),
            _("The person's own words passed on, or the words of whoever told it"),
        )

    def matches(self, needle: str) -> bool:
        """Whether the search text occurs in the signal, its help or its keywords."""
        if not needle:
            return True
        return needle in self.indicator.search_text(content_language())

    def _toggle_help(self, shown: bool) -> None:
        if self.help_text is None and self.indicator.help is not None:
            self.help_text = WrapLabel(self.indicator.help.get(content_language()), self)
            self.help_text.setObjectName(f"help-text-{self.indicator.id}")
            self.layout_.insertWidget(1, self.help_text)
        if self.help_text is not None:
            self.help_text.setVisible(shown)

    def _status(self, status: ObservationStatus, told_by: ToldBy | None) -> None:
        self.session.set_status(self.indicator.id, status, told_by)
        if status != "not-seen":
            self.prepare_details()
        if told_by == "third-party" and self.teller is not None and self.teller.text():
            # Back to "someone else" after another choice: who told it still holds.
            self.session.set_teller(self.indicator.id, self.teller.text())
        # Rows shown or hidden before the details show, so they are laid out once, at their size.
        self._load_teller()
        if status != "not-seen":
            self._ensure_details()

    def _facts_changed(self) -> None:
        if self.facts is not None:
            self.session.set_observation_text(self.indicator.id, "facts", self.facts.toPlainText())

    def _quote_changed(self, text: str) -> None:
        self.session.set_observation_text(self.indicator.id, "quote", text)

    def _teller_changed(self, text: str) -> None:
        self.session.set_teller(self.indicator.id, text)

    def _quote_of_changed(self, position: int) -> None:
        if self.quote_of is not None:
            self.session.set_quote_of(self.indicator.id, self.quote_of.itemData(position))
