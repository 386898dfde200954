"""The About dialog: which Signaal, which content catalogue, and the licences of what it ships.

A school's IT department or a practice's privacy officer reads here which version runs, how
current the signal lists are, and under which licences the bundled fonts and libraries come.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from signaal import __version__
from signaal.content import Catalog
from signaal.i18n import _, active_language, content_language, format_date
from signaal.resources import resource_path

FONT_LICENCE_FILE = ("fonts", "DejaVu-LICENSE.txt")


@dataclass(frozen=True)
class BundledComponent:
    name: str
    version: str
    licence: str


def bundled_components() -> list[BundledComponent]:
    """The libraries inside every Signaal bundle, with the version that is running."""
    import babel
    import pydantic
    import PySide6
    import reportlab

    return [
        BundledComponent("Python", platform.python_version(), "PSF License"),
        BundledComponent("Qt / PySide6", f"{qVersion()} / {PySide6.__version__}", "LGPL-3.0-only"),
        BundledComponent("reportlab", reportlab.Version, "BSD-3-Clause"),
        BundledComponent("pydantic", pydantic.VERSION, "MIT"),
        BundledComponent("Babel", babel.__version__, "BSD-3-Clause"),
        BundledComponent("DejaVu Sans", "2.37", "Bitstream Vera / public domain"),
    ]


def licence_text() -> str:
    """Plain text for the licence box (never markup: nothing in it is interpreted)."""
    lines = [
        _("Signaal is free software under the European Union Public Licence (EUPL-1.2)."),
        "",
        _("Bundled components:"),
    ]
    lines += [
        f"  • {component.name} {component.version} — {component.licence}"
        for component in bundled_components()
    ]
    lines += [
        "",
        _(
            "Qt and PySide6 are used as shared libraries under the GNU LGPL version 3; you may "
            "replace them with your own build of the same version. Their source code is "
            "available from the Qt Project."
        ),
        "",
        _("Licence of the DejaVu fonts used on screen and in the referral PDF:"),
        "",
    ]
    try:
        lines.append(resource_path(*FONT_LICENCE_FILE).read_text(encoding="utf-8").rstrip())
    except OSError:
        lines.append(_("The font licence file is missing from this installation."))
    return "\n".join(lines)


class AboutDialog(QDialog):
    """Version, catalogue version and date, and the licences of the bundled fonts and libraries."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(_("About Signaal"))

        icon = QLabel()
        icon.setObjectName("about-icon")
        icon_file = resource_path("icons", "png", "signaal-64.png")
        if icon_file.is_file():
            icon.setPixmap(QIcon(str(icon_file)).pixmap(64, 64))
        icon.setAccessibleName(_("Signaal logo"))

        self.version_label = self._plain_label(
            _("Signaal version {version}").format(version=__version__), "about-version"
        )
        self.version_label.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.purpose_label = self._plain_label(
            _(
                "Support for professionals who notice signals of human trafficking or child "
                "sexual abuse. Signaal works offline, stores nothing and sends nothing; "
                "the professional decides."
            ),
            "about-purpose",
        )
        info = catalog.info
        self.catalog_label = self._plain_label(
            _("{title}, version {version} of {date}").format(
                title=info.title.get(content_language()),
                version=info.version,
                date=format_date(info.date, active_language()),
            ),
            "about-catalog",
        )

        self.licences = QPlainTextEdit()
        self.licences.setObjectName("about-licences")
        self.licences.setReadOnly(True)
        self.licences.setPlainText(licence_text())
        self.licences.setAccessibleName(_("Licences"))
        self.licences.setAccessibleDescription(
            _("The licences of Signaal and of the fonts and libraries it includes")
        )
        self.licences.setMinimumHeight(220)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("about-close")

        heading = QVBoxLayout()
        heading.addWidget(self.version_label)
        heading.addWidget(self.catalog_label)
        header = QHBoxLayout()
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.purpose_label)
        layout.addWidget(QLabel(_("Licences")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.close_button.setFocus()
        self.resize(560, 520)

    def _plain_label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
