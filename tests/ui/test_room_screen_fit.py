"""Fits a school laptop: at 1366×768 and at the default 1200×760 no page or dialog needs a
horizontal scroll bar, and every button is on screen (the preview's Print and Save were not)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import referral_pdf

from signaal.ui.main_window import MainWindow
from signaal.ui.steps import STEP_KEYS

SIZES = ((1366, 768), (1200, 760))


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def scroll_parent(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def offscreen_buttons(window: QWidget) -> list[str]:
    """Buttons cut off: outside the window, or sideways outside the scroll area they are in."""
    bad = []
    bounds = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.width() == 0:
            continue
        rect = window_rect(button, window)
        area = scroll_parent(button)
        if area is None:
            inside = bounds.contains(rect)
        else:
            viewport = window_rect(area.viewport(), window)
            inside = viewport.left() <= rect.left() and rect.right() <= viewport.right()
        if not inside:
            bad.append(f"{button.objectName() or button.text()} at {rect.getRect()}")
    return bad


def horizontal_scroll_bars(window: QWidget) -> list[str]:
    return [
        area.objectName() or type(area.widget() if hasattr(area, "widget") else area).__name__
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisibleTo(window) and area.horizontalScrollBar().maximum() > 0
    ]


def fill_meldcode(window: MainWindow) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox, QRadioButton

    page = window.navigation.current_page()
    for name in ("consultation-done", "vt-advice"):
        box = page.findChild(QCheckBox, name)
        if box is not None:
            box.setChecked(True)
    held = page.findChild(QRadioButton, "conversation-not-done")
    assert held is not None
    held.setChecked(True)
    exceptions = page.findChild(QComboBox, "conversation-exception")
    assert exceptions is not None
    exceptions.setCurrentIndex(exceptions.count() - 1)  # long texts


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_no_page_scrolls_sideways_and_every_button_is_on_screen(
    qtbot: QtBot, window: MainWindow, language: str, width: int, height: int
) -> None:
    window.prefs.set_language(language)
    window.resize(width, height)
    for key in STEP_KEYS:
        window.navigation.go_to(key)
        if key == "meldcode":
            fill_meldcode(window)
        QApplication.processEvents()
        qtbot.wait(10)
        assert window.width() <= width, f"{key}: the window grew to {window.width()} px"
        assert horizontal_scroll_bars(window) == [], f"{language} {width}×{height} {key}"
        assert offscreen_buttons(window) == [], f"{language} {width}×{height} {key}"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_preview_dialog_fits_the_screen(
    qtbot: QtBot, window: MainWindow, width: int, height: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QScreen

    from signaal.ui.pdf_preview import PdfPreviewDialog

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, width, height))
    dialog = PdfPreviewDialog(referral_pdf(qtbot, window)[0], window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.frameGeometry().height() <= height
    assert dialog.frameGeometry().width() <= width
    for button in (dialog.print_button, dialog.save_button):
        assert button.isVisible()
    assert offscreen_buttons(dialog) == []
    dialog.close()


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("which", ["guide", "about"])
def test_other_dialogs_fit_the_screen(
    qtbot: QtBot,
    window: MainWindow,
    width: int,
    height: int,
    which: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QDialog

    from signaal.ui.about import AboutDialog
    from signaal.ui.guide import GuideDialog

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, width, height))
    dialog: QDialog = (
        GuideDialog("referral", window) if which == "guide" else AboutDialog(window.catalog, window)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert dialog.frameGeometry().height() <= height
    assert dialog.frameGeometry().width() <= width
    assert horizontal_scroll_bars(dialog) == []
    assert offscreen_buttons(dialog) == []
    dialog.close()
