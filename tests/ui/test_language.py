"""Switching the language mid-case re-translates the window and keeps every answer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, indicators_on_screen, page_text

from signaal.i18n import active_language, set_language
from signaal.ui.main_window import MainWindow


def test_switch_language_mid_case_keeps_answers(qtbot: QtBot, window: MainWindow) -> None:
    catalog = window.catalog
    click(qtbot, find(window, QRadioButton, "acute-no"))
    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(34)
    relation = find(window, QComboBox, "relation-combo")  # in the household: the meldcode applies
    relation.setCurrentIndex(relation.findData("household"))
    window.navigation.go_to("concerns")
    click(qtbot, find(window, QCheckBox, "concern-not-sure"))
    window.navigation.go_to("signals")
    case = window.case
    shown = indicators_on_screen(catalog, case)
    if shown:
        click(qtbot, find(window, QRadioButton, f"status-{shown[0].id}-seen"))
        find(window, QPlainTextEdit, f"facts-{shown[0].id}").setPlainText("feiten 12-3")
    window.navigation.go_to("weighing")
    click(qtbot, find(window, QPushButton, "answer-yes"))
    window.navigation.go_to("outcome")
    find(window, QPlainTextEdit, "decision-text").setPlainText("mijn besluit")
    before = window.case.model_dump(exclude={"language"})
    dutch_steps = [window.step_list.item(i).text() for i in range(window.step_list.count())]

    window.navigation.go_to("start")
    combo = find(window, QComboBox, "language-combo")
    combo.setCurrentIndex(combo.findData("en"))
    assert active_language() == "en"
    assert window.case.language == "en"
    assert window.case.model_dump(exclude={"language"}) == before
    english_steps = [window.step_list.item(i).text() for i in range(window.step_list.count())]
    assert english_steps != dutch_steps
    assert english_steps[0].startswith("1. Start")
    role = catalog.role(window.case.role)
    assert role.name.en in page_text(window)
    assert find(window, QRadioButton, "acute-no").isChecked()
    assert window.action_new.text().replace("&", "") == "New case"
    # Pages built before the switch show English now, with their answers.
    window.navigation.go_to("signals")
    if shown:
        assert shown[0].text.en in page_text(window)
        assert find(window, QRadioButton, f"status-{shown[0].id}-seen").isChecked()
        assert find(window, QPlainTextEdit, f"facts-{shown[0].id}").toPlainText() == "feiten 12-3"
    window.navigation.go_to("weighing")
    assert find(window, QPushButton, "answer-yes").text().replace("&", "") == "Yes"
    window.navigation.go_to("outcome")
    assert find(window, QPlainTextEdit, "decision-text").toPlainText() == "mijn besluit"

    window.navigation.go_to("start")
    combo.setCurrentIndex(combo.findData("nl"))
    assert [window.step_list.item(i).text() for i in range(window.step_list.count())] == dutch_steps
    assert window.case.model_dump(exclude={"language"}) == before


def test_pseudo_language_stretches_every_text(qtbot: QtBot, window: MainWindow) -> None:
    window.prefs.set_language("pseudo")
    try:
        title = find(window, QLabel, "privacy-line").text()
        assert title.startswith("⟦") and title.endswith("⟧")
        assert window.navigation.next_button.text().startswith("⟦")
    finally:
        set_language("nl")
