"""Contrast and focus, computed and painted: WCAG AA from the palette in both themes, radio
buttons visible in the dark theme, and a visible focus at every Tab stop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from signaal.ui.focus_style import outline_colour, ring_colour
from signaal.ui.main_window import MainWindow
from signaal.ui.steps import STEP_KEYS
from signaal.ui.theme import _palette, apply_theme

R = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_wcag() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


TEXT_PAIRS = (
    (R.Text, R.Base),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.PlaceholderText, R.Base),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
    (R.Link, R.Window),
    (R.WindowText, R.AlternateBase),
)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_palette_meets_wcag_aa(dark: bool) -> None:
    palette = _palette(dark)
    for text, background in TEXT_PAIRS:
        ratio = contrast(palette.color(text), palette.color(background))
        assert ratio >= 4.5, f"{text.name} on {background.name}: {ratio:.2f}"
    # Controls and the focus ring: 3:1 against every background they sit on.
    for name, colour in (("ring", ring_colour(palette)), ("outline", outline_colour(palette))):
        for background in (R.Window, R.Base, R.Button):
            ratio = contrast(colour, palette.color(background))
            assert ratio >= 3.0, f"{name} on {background.name}: {ratio:.2f}"


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    apply_theme(request.param)
    yield request.param
    apply_theme("system")


def pixels(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


def test_radio_buttons_stand_out_from_the_background(qtbot: QtBot, theme: str) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    radio = QRadioButton("", host)
    radio.resize(radio.sizeHint())
    host.resize(radio.size())
    host.show()
    image = radio.grab().toImage()
    background = QApplication.palette().color(R.Window)
    strongest = max(contrast(colour, background) for colour in pixels(image))
    assert strongest >= 3.0, f"{theme}: the radio's edge reaches only {strongest:.2f}:1"


def changed_pixels(before: QImage, after: QImage) -> int:
    width, height = min(before.width(), after.width()), min(before.height(), after.height())
    return sum(
        1 for y in range(height) for x in range(width) if before.pixel(x, y) != after.pixel(x, y)
    )


def focus_widget() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_focus_is_visible_at_every_tab_stop(qtbot: QtBot, window: MainWindow, theme: str) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.resize(1200, 760)
    invisible: list[str] = []
    for key in STEP_KEYS:
        window.navigation.go_to(key)
        window.navigation.current_page().setFocus()
        qtbot.keyClick(focus_widget(), Qt.Key.Key_Tab)
        seen: set[int] = set()
        for _press in range(25):
            widget = focus_widget()
            if id(widget) in seen:
                break
            seen.add(id(widget))
            if widget.width() > 0 and widget.height() > 0 and widget.isVisible():
                focused = widget.grab().toImage()
                widget.clearFocus()
                unfocused = widget.grab().toImage()
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                if changed_pixels(unfocused, focused) < 20:
                    invisible.append(f"{key}: {widget.objectName() or type(widget).__name__}")
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert invisible == [], f"{theme}: focus not visible at {invisible}"
