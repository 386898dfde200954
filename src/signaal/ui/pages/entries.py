"""A box of repeatable entries (people involved, professionals, the network), written through.

Each entry is one pydantic model in a list of the case; its fields are line edits or choices.
"Add" appends an empty entry and focuses its first field, "Remove" drops it. Nothing is kept
here: the case list is the only copy, so New case and the idle wipe leave nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from signaal.assessment.case import SHORT_TEXT_LIMIT, CaseModel
from signaal.i18n import _
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_line
from signaal.ui.widgets import (
    FieldLabel,
    WrapLabel,
    clear_layout,
    describe,
    form_layout,
    show_added,
)

# Choices of a field: (value stored in the case, English label for gettext).
Choices = tuple[tuple[Any, str], ...]


@dataclass(frozen=True)
class EntryField:
    """One field of an entry: the model attribute, its label and, for a choice, the choices."""

    attribute: str
    label: str
    placeholder: str = ""
    choices: Choices | None = None


class EntryList(QGroupBox):
    """The entries of one list of the case, each a small form with a remove button."""

    def __init__(
        self,
        key: str,
        field: str,
        make: Callable[[], CaseModel],
        fields: tuple[EntryField, ...],
        texts: Callable[[], tuple[str, str, str]],
        session: Session,
        parent: QWidget | None = None,
    ) -> None:
        """The entries are the case's list `field`; `texts` gives the box title, its
        explanation and the add button's label."""
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"{key}-box")
        self.session = session
        self._field = field
        self._make = make
        self._fields = fields
        self._texts = texts
        layout = QVBoxLayout(self)
        self.explanation = WrapLabel(parent=self)
        layout.addWidget(self.explanation)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"{key}-add")
        self.add_button.clicked.connect(self.add)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._shown: list[int] = []
        self.refresh()
        self.retranslate()

    def _entries(self) -> list[CaseModel]:
        entries: list[CaseModel] = getattr(self.session.case, self._field)
        return entries

    def add(self) -> None:
        self.session.write(self.session.case, **{self._field: [*self._entries(), self._make()]})
        self.refresh()
        first = self.findChild(QWidget, f"{self.key}-{len(self._entries()) - 1}-0")
        if first is not None:
            first.setFocus()

    def remove(self, index: int) -> None:
        entries = self._entries()
        if 0 <= index < len(entries):
            kept = entries[:index] + entries[index + 1 :]
            self.session.write(self.session.case, **{self._field: kept})
        self.refresh()
        self.add_button.setFocus()

    def refresh(self) -> None:
        """Rebuild the rows when the case's list is another one than shown; else sync texts."""
        entries = self._entries()
        ids = [id(e) for e in entries]
        if ids != self._shown:
            start = len(self._shown)
            if ids[:start] != self._shown:
                # Empty the old editors first, so no typed text lingers in a widget being deleted.
                for editor in self.findChildren(QLineEdit):
                    editor.blockSignals(True)
                    editor.clear()
                clear_layout(self.rows)
                start = 0
            for index, entry in enumerate(entries[start:], start=start):
                row = self._row(index, entry)
                self.rows.addWidget(row)
                show_added(row)
            self._shown = ids
            self.retranslate()
            return
        for index, entry in enumerate(entries):
            for number, field in enumerate(self._fields):
                self._load(self.findChild(QWidget, f"{self.key}-{index}-{number}"), field, entry)

    def _row(self, index: int, entry: CaseModel) -> QFrame:
        row = QFrame(self)
        row.setFrameShape(QFrame.Shape.StyledPanel)
        row.setObjectName(f"{self.key}-{index}")
        form = form_layout(row)
        for number, field in enumerate(self._fields):
            editor: QWidget
            if field.choices is None:
                line = QLineEdit(row)
                limit_line(line, SHORT_TEXT_LIMIT)
                line.textChanged.connect(
                    lambda text, i=index, a=field.attribute: self._set(i, a, text)
                )
                editor = line
            else:
                combo = QComboBox(row)
                for value, _label in field.choices:
                    combo.addItem("", value)
                combo.currentIndexChanged.connect(
                    lambda position, i=index, a=field.attribute, c=combo: self._set(
                        i, a, c.itemData(position)
                    )
                )
                editor = combo
            editor.setObjectName(f"{self.key}-{index}-{number}")
            label = FieldLabel(parent=row)
            label.setObjectName(f"{self.key}-{index}-{number}-label")
            label.setBuddy(editor)
            form.addRow(label, editor)
            self._load(editor, field, entry)
        remove = QPushButton(row)
        remove.setObjectName(f"{self.key}-{index}-remove")
        remove.clicked.connect(lambda _checked=False, i=index: self.remove(i))
        form.addRow("", remove)
        return row

    def _load(self, editor: QWidget | None, field: EntryField, entry: CaseModel) -> None:
        value = getattr(entry, field.attribute)
        if isinstance(editor, QLineEdit) and editor.text() != value:
            editor.blockSignals(True)
            editor.setText(value)
            editor.blockSignals(False)
        elif isinstance(editor, QComboBox):
            position = max(0, editor.findData(value))
            if editor.currentIndex() != position:
                editor.blockSignals(True)
                editor.setCurrentIndex(position)
                editor.blockSignals(False)

    def _set(self, index: int, attribute: str, value: Any) -> None:
        entries = self._entries()
        if 0 <= index < len(entries):
            self.session.write(entries[index], **{attribute: value})

    def retranslate(self) -> None:
        title, explanation, add = self._texts()
        self.setTitle(title)
        self.explanation.setText(explanation)
        self.add_button.setText(add)
        describe(self.add_button, add)
        for index in range(len(self._entries())):
            for number, field in enumerate(self._fields):
                label = self.findChild(FieldLabel, f"{self.key}-{index}-{number}-label")
                editor = self.findChild(QWidget, f"{self.key}-{index}-{number}")
                if label is not None:
                    label.setText(_(field.label))
                if isinstance(editor, QLineEdit):
                    editor.setPlaceholderText(_(field.placeholder) if field.placeholder else "")
                    describe(editor, f"{_(field.label)} ({title} {index + 1})")
                elif isinstance(editor, QComboBox) and field.choices is not None:
                    for position, (_value, text) in enumerate(field.choices):
                        editor.setItemText(position, _(text))
                    describe(editor, f"{_(field.label)} ({title} {index + 1})")
            remove = self.findChild(QPushButton, f"{self.key}-{index}-remove")
            if remove is not None:
                remove.setText(_("Remove"))
                describe(
                    remove,
                    _("Remove entry {number} of {list}").format(number=index + 1, list=title),
                )
