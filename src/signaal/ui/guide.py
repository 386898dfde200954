"""The offline user guide (F1): one section per step, as Markdown under resources/guide/.

The texts are data, like the content: `resources/guide/<language>.md`, each section headed
`## Title {#step-key}`. The dialog lists the sections and opens at the step the user is on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from signaal.i18n import _, content_language
from signaal.resources import resource_path

_HEADING = re.compile(r"^## (?P<title>.+?)\s*\{#(?P<key>[a-z0-9-]+)\}\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class GuideSection:
    key: str
    title: str
    body: str  # Markdown


def parse_guide(text: str) -> list[GuideSection]:
    """The sections of a guide file, in order; text before the first heading is ignored."""
    sections: list[GuideSection] = []
    key = title = ""
    lines: list[str] = []
    for line in [*_COMMENT.sub("", text).splitlines(), "## end {#end}"]:
        match = _HEADING.match(line)
        if match is None:
            lines.append(line)
            continue
        if key:
            sections.append(GuideSection(key, title, "\n".join(lines).strip()))
        key, title, lines = match["key"], match["title"], []
    return sections


def load_guide(language: str) -> list[GuideSection]:
    """The guide in `nl` or `en` (any other language reads English)."""
    name = "nl.md" if language == "nl" else "en.md"
    return parse_guide(resource_path("guide", name).read_text(encoding="utf-8"))


class GuideDialog(QDialog):
    """Sections on the left, the chosen one on the right; opens at `step`."""

    def __init__(self, step: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide-dialog")
        self.setWindowTitle(_("Signaal user guide"))
        self.sections = load_guide(content_language())
        self.index = QListWidget()
        self.index.setObjectName("guide-index")
        self.index.setAccessibleName(_("Sections of the guide"))
        for section in self.sections:
            self.index.addItem(section.title)
        width = max(self.index.sizeHintForColumn(0), 120) + 24
        self.index.setFixedWidth(min(width, 260))
        self.text = QTextBrowser()
        self.text.setObjectName("guide-text")
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(_("Guide text"))
        self.index.currentRowChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.index)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        keys = [section.key for section in self.sections]
        self.index.setCurrentRow(keys.index(step) if step in keys else 0)
        available = self.screen().availableGeometry()
        self.resize(min(820, available.width() - 40), min(620, available.height() - 80))
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def current_key(self) -> str:
        return self.sections[max(0, self.index.currentRow())].key

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            section = self.sections[row]
            self.text.setMarkdown(f"## {section.title}\n\n{section.body}")
