"""A date typed as text: empty until the user gives one, and Tab always leaves the field.

QDateEdit could not be empty (it showed today, which then was printed as if someone had said it)
and used Tab to move between its day, month and year, so the next text typed was lost.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from signaal.i18n import _

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> dt.date | None:
    """A Dutch day-month-year date (5-3-2026, 05/03/2026, 5.3.2026) or an ISO one; else None."""
    if match := _DAY_FIRST.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def show_date(value: dt.date | None) -> str:
    return "" if value is None else f"{value.day:02d}-{value.month:02d}-{value.year}"


class DateField(QWidget):
    """A line edit for a date plus a message beside it when the text is no date.

    `date()` is None while the field is empty or the text is not a valid date; `edited` fires on
    every change the user makes. The message is shown, not hidden in a tooltip.
    """

    edited = Signal()

    def __init__(
        self, name: str, latest: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}-field")
        self.latest = latest
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setMaxLength(10)
        width = self.edit.fontMetrics().horizontalAdvance("00-00-00000") + 24
        self.edit.setFixedWidth(width)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.edit)
        layout.addWidget(self.message, 1)
        layout.addStretch(0)  # keeps the field at the left while the message is hidden
        self.setFocusProxy(self.edit)
        self._description = ""
        self.edit.textEdited.connect(self._edited)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(_("dd-mm-yyyy"))
        self._check()

    def date(self) -> dt.date | None:
        value = parse_date(self.edit.text())
        if value is not None and self.latest is not None and value > self.latest:
            return None
        return value

    def setDate(self, value: dt.date | None) -> None:  # noqa: N802 - like Qt's own
        """Show a date from the case; a text the user is still typing (no date yet) stays."""
        if value is None:
            if self.date() is not None:
                self.edit.setText("")
        elif parse_date(self.edit.text()) != value:
            self.edit.setText(show_date(value))
        self._check()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """The name belongs to the line edit: that is what a screen reader lands on."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleDescription(description)
        self._description = description
        self._check()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - Qt's name
        super().setEnabled(enabled)
        self._check()

    def _edited(self) -> None:
        self._check()
        self.edited.emit()

    def _check(self) -> None:
        text = self.edit.text().strip()
        problem = ""
        if text and parse_date(text) is None:
            problem = _("Not a date: type it as dd-mm-yyyy, for example 05-03-2026.")
        elif text and self.date() is None:
            problem = _("This date is in the future.")
        self.message.setText(problem)
        self.message.setVisible(bool(problem) and self.isEnabled())
        self.edit.setAccessibleDescription(problem or self._description)
