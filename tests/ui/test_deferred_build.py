"""The working window shows its first page at once; what that page does not show (the live
profile beside the signals, the other pages' code) is made right after, and looks the same."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from signaal.content import Catalog
from signaal.ui.main_window import MainWindow


def panel_of(window: MainWindow) -> QWidget | None:
    return window.findChild(QWidget, "profile-panel")


def test_the_side_panel_is_made_after_the_working_paint(
    qtbot: QtBot, catalog: Catalog, answers: object
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach_catalog(catalog)
    assert window.navigation.current_key() == "start"
    assert panel_of(window) is None  # the first page has no side panel
    qtbot.waitUntil(lambda: panel_of(window) is not None)
    panel = panel_of(window)
    assert panel is not None and not panel.isVisible()
    window.navigation.go_to("signals")
    assert panel.isVisible()
    sizes = window.splitter.sizes()
    window.navigation.go_to("start")
    assert not panel.isVisible()
    window.navigation.go_to("signals")
    assert window.splitter.sizes() == sizes


def test_a_step_with_the_side_panel_before_the_paint_shows_it_all_the_same(
    qtbot: QtBot, catalog: Catalog, answers: object
) -> None:
    early = MainWindow(catalog)
    qtbot.addWidget(early)
    early.navigation.go_to("signals")  # before the window was ever painted
    early.show()
    qtbot.waitExposed(early)
    later = MainWindow(catalog)
    qtbot.addWidget(later)
    later.show()
    qtbot.waitExposed(later)
    qtbot.waitUntil(lambda: panel_of(later) is not None)
    later.navigation.go_to("signals")
    early_panel, later_panel = panel_of(early), panel_of(later)
    assert early_panel is not None and later_panel is not None
    assert early_panel.isVisible() and later_panel.isVisible()
    assert early.splitter.sizes() == later.splitter.sizes()
