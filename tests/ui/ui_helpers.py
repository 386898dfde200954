"""Small helpers that act like a user: find a control by its name, click it, read the screen."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from signaal.assessment import Case
from signaal.assessment.carried import Carried
from signaal.assessment.intake import age_group, concerns_looked_at
from signaal.content import Catalog
from signaal.content.models import Indicator
from signaal.i18n import _
from signaal.ui.main_window import MainWindow
from signaal.ui.saving import write_pdf

T = TypeVar("T", bound=QObject)


def find(window: QWidget, kind: type[T], name: str) -> T:
    widget = window.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click where a user would: near the indicator of a check box or radio, else the centre."""
    assert button.isVisible(), f"{button.objectName()} is not visible"
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    pos = QPoint(8, button.height() // 2)
    if button.metaObject().className() == "QPushButton":
        pos = button.rect().center()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)


def visible_text(widget: QWidget) -> str:
    """All label and button text a user can see in `widget`, joined by newlines."""
    parts = []
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget) and label.text():
            parts.append(label.text())
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget) and button.text():
            parts.append(button.text())
    return "\n".join(parts)


def page_text(window: MainWindow) -> str:
    return visible_text(window.navigation.current_page())


def indicators_on_screen(catalog: Catalog, case: Case) -> list[Indicator]:
    """The signals the Signals step lists for a case, by the catalog and the intake rules."""
    group = age_group(catalog, case)
    concerns = concerns_looked_at(catalog, case)
    lists = [
        (checklist, catalog.indicators_for(checklist, case.role, group.band, group.minor, concerns))
        for checklist in catalog.checklists_for(case.role, group.band, concerns, group.minor)
    ]
    return [indicator for _checklist, shown in catalog.shown_once(lists) for indicator in shown]


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def referral_pdf(
    qtbot: QtBot, window: MainWindow, *, with_case: bool = False
) -> tuple[bytes, Carried | None]:
    """The referral as the window makes it (off the GUI thread), and the history it embeds."""
    made: list[tuple[bytes, Carried | None]] = []
    output = window.referral_output
    assert output.make(lambda pdf, carried: made.append((pdf, carried)), with_case=with_case)
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    return made[0]


def save_referral_to(qtbot: QtBot, window: MainWindow, path: Path) -> bool:
    """Save the referral as Save does, to `path` instead of a place chosen in its dialog."""
    pdf, carried = referral_pdf(qtbot, window, with_case=True)
    if not write_pdf(pdf, Path(path), window):
        return False
    window.referral_output.done(_("The referral was saved."), carried)
    return True
