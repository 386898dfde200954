"""Alt+letter reaches one control only: mnemonics are unique per page and per window.

A clash (Alt+O for both "Organisatie" and "Vorige") sent focus to the Back button, so the next
space went back a page and the rest of the typing landed elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from signaal.ui.main_window import MainWindow
from signaal.ui.steps import STEP_KEYS

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter after a single `&` (a doubled `&&` is a literal ampersand)."""
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def window_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter the user can press on the current screen."""
    found: list[tuple[str, str]] = []
    for menu in (window.actions_.case_menu, window.actions_.view_menu, window.actions_.help_menu):
        letter = mnemonic(menu.title())
        if letter:
            found.append((letter, menu.title()))
    roots: list[QWidget] = [
        window.navigation.back_button,
        window.navigation.next_button,
        window.navigation.current_page(),
    ]
    for root in roots:
        widgets = [root, *root.findChildren(QWidget)]
        for widget in widgets:
            if not widget.isVisibleTo(window) or not widget.isEnabled():
                continue
            text = ""
            if isinstance(widget, QAbstractButton):
                text = widget.text()
            elif isinstance(widget, QGroupBox):
                text = widget.title()
            elif isinstance(widget, QLabel) and widget.buddy() is not None:
                text = widget.text()
            letter = mnemonic(text)
            if letter:
                found.append((letter, text))
    return found


def assert_unique(window: MainWindow, where: str) -> None:
    found = window_mnemonics(window)
    counts = Counter(letter for letter, _text in found)
    clashes = {
        letter: [text for other, text in found if other == letter]
        for letter, count in counts.items()
        if count > 1
    }
    assert not clashes, f"{where}: Alt+letter used more than once: {clashes}"


def open_everything(window: MainWindow) -> None:
    """Enable the controls that start disabled, so their mnemonics count too."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    page = window.navigation.current_page()
    for name in ("consultation-done", "vt-advice", "birth-date-known"):
        box = page.findChild(QCheckBox, name)
        if box is not None and not box.isChecked():
            box.setChecked(True)
    held = page.findChild(QRadioButton, "conversation-done")
    if held is not None:
        held.setChecked(True)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_mnemonics_unique_on_every_page(qtbot: QtBot, window: MainWindow, language: str) -> None:
    window.prefs.set_language(language)
    for key in STEP_KEYS:
        window.navigation.go_to(key)
        open_everything(window)
        assert_unique(window, f"{language}/{key}")
    # The weighing page has a second screen: the result with "change answers".
    window.navigation.go_to("weighing")
    page = window.navigation.current_page()
    for _question in range(20):  # answer until the weighing ends on its result screen
        if page.current is None:
            break
        page.answer("yes")
    assert page.current is None
    assert_unique(window, f"{language}/weighing result")
    window.navigation.go_to("meldcode")
    talk_not = window.navigation.current_page().findChild(QAbstractButton, "conversation-not-done")
    assert talk_not is not None
    talk_not.setChecked(True)
    assert_unique(window, f"{language}/meldcode exception")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_alt_o_on_referral_focuses_the_organisation(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """The clash from the issue: the organisation's mnemonic must reach its field only."""
    window.prefs.set_language(language)
    window.navigation.go_to("referral")
    page = window.navigation.current_page()
    label = next(
        label
        for label in page.findChildren(QLabel)
        if label.buddy() is not None and label.buddy().objectName() == "reporter-organisation"
    )
    letter = mnemonic(label.text())
    assert letter is not None
    assert letter not in {
        mnemonic(window.navigation.back_button.text()),
        mnemonic(window.navigation.next_button.text()),
    }
