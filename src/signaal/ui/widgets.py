"""Small widgets shared by the pages: labels that wrap, headings, contact cards."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLayout, QVBoxLayout, QWidget

from signaal.content.models import Contact
from signaal.i18n import N_, _, content_language, format_date


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Give a control the accessible name and description a screen reader announces."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description or name)


class WrapLabel(QLabel):
    """Plain text that wraps: content text is never interpreted as markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class Heading(WrapLabel):
    def __init__(self, text: str = "", level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * {1: 1.45, 2: 1.2}.get(level, 1.05))
        self.setFont(font)
        self.setAccessibleName(text)


def set_heading(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleName(text)


URGENCY_LABELS = {
    "immediate": N_("Now"),
    "today": N_("Today"),
    "soon": N_("Soon"),
    "info": N_("For information"),
}


def urgency_label(urgency: str) -> str:
    return _(URGENCY_LABELS.get(urgency, urgency))


def verification_text(contact: Contact) -> str:
    """A number that is not verified is never shown as certain."""
    language = content_language()
    note = contact.verification_note.get(language) if contact.verification_note else ""
    if contact.verification in ("verified", "verified-old"):
        day = format_date(contact.verified_on)
        checked = _("Checked on {date}.").format(date=day)
        if contact.verification == "verified-old":
            checked = _("Checked on {date}; check again before you rely on it.").format(date=day)
        return f"{checked} {note}".strip()
    warning = {
        "secondary": _("Number taken from a secondary source: check it before calling."),
        "unverified": _("Number not verified: check it before calling."),
        "conflict": _("Sources disagree about this number: check it before calling."),
    }[contact.verification]
    return f"{warning} {note}".strip()


class ContactCard(QFrame):
    """Who to call, the number, when they can be reached, why, and how sure the number is."""

    def __init__(
        self, contact: Contact, reason: str, urgency: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"contact-{contact.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        language = content_language()
        layout = QVBoxLayout(self)
        title = Heading(f"{contact.name.get(language)} — {urgency_label(urgency)}", level=3)
        layout.addWidget(title)
        number = contact.phone or (contact.channel.get(language) if contact.channel else "")
        phone = QLabel(f"<b>{html.escape(number)}</b>")
        phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        phone.setObjectName(f"contact-{contact.id}-number")
        if number:
            layout.addWidget(phone)
        hours = WrapLabel(_("Reachable: {hours}").format(hours=contact.hours.get(language)))
        layout.addWidget(hours)
        why = WrapLabel(reason or contact.purpose.get(language))
        layout.addWidget(why)
        check = WrapLabel(verification_text(contact))
        check.setEnabled(contact.verification in ("verified", "verified-old"))
        layout.addWidget(check)
        describe(
            self,
            _("Contact: {name}, {number}").format(name=contact.name.get(language), number=number),
            " ".join(
                (
                    contact.hours.get(language),
                    reason or contact.purpose.get(language),
                    verification_text(contact),
                )
            ),
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
