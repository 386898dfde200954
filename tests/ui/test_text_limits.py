"""The window's text fields and the case agree on every limit (issue 22 item 4).

A field never shows text the case does not hold: a paste beyond the limit is cut to it, and the
status bar says so; before that it says how much room is left.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from test_session_guards import fill_case
from ui_helpers import find

from signaal.assessment.case import (
    FREE_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    Consultation,
    Conversation,
    Decision,
    Observation,
    Person,
    Reporter,
    text_limit,
)
from signaal.ui.main_window import MainWindow


def test_the_limits_come_from_the_case_model() -> None:
    assert text_limit(Observation, "facts") == text_limit(Observation, "quote") == FREE_TEXT_LIMIT
    assert text_limit(Reporter, "name") == text_limit(Person, "name") == SHORT_TEXT_LIMIT
    assert text_limit(Conversation, "reaction") == text_limit(Decision, "reasoning")
    assert text_limit(Consultation, "with_whom") == SHORT_TEXT_LIMIT


def test_every_field_of_every_page_holds_no_more_than_the_case(
    qtbot: QtBot, window: MainWindow
) -> None:
    fill_case(qtbot, window)
    for key in ("who", "signals", "meldcode", "outcome", "referral"):
        window.navigation.go_to(key)
    stored = {FREE_TEXT_LIMIT, SHORT_TEXT_LIMIT}
    for line in window.findChildren(QLineEdit):
        # Spin boxes and date fields have an inner line field of Qt's own; search is no answer.
        if line.objectName().startswith("qt_") or "search" in line.objectName():
            continue
        assert line.maxLength() in stored or line.maxLength() < SHORT_TEXT_LIMIT, (
            line.objectName(),
            line.maxLength(),
        )
        assert "Maximaal" in line.toolTip() or line.maxLength() < SHORT_TEXT_LIMIT


def test_a_long_quote_is_kept_whole(qtbot: QtBot, window: MainWindow) -> None:
    """Qt's default maximum of 32,767 characters silently cut quotes the case would keep."""
    indicator = fill_case(qtbot, window)
    window.navigation.go_to("signals")
    quote = find(window, QLineEdit, f"quote-{indicator}")
    text = "Ze zei: ‘ik moet het geld terugbetalen’. " * 1000  # 41,000 characters
    quote.insert(text)
    assert quote.text() == text
    observation = window.case.observation(indicator)
    assert observation is not None and observation.quote == text


def test_facts_beyond_the_limit_are_cut_and_the_screen_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    indicator = fill_case(qtbot, window)
    window.navigation.go_to("signals")
    facts = find(window, QPlainTextEdit, f"facts-{indicator}")
    facts.clear()
    facts.insertPlainText("a" * (FREE_TEXT_LIMIT - 5_000))
    assert (
        window.statusBar().currentMessage()
    ) == "In dit veld passen nog 5.000 tekens (maximaal 200.000)."
    facts.insertPlainText("b" * 10_000)  # a paste that does not fit
    shown = facts.toPlainText()
    assert len(shown) == FREE_TEXT_LIMIT
    observation = window.case.observation(indicator)
    assert observation is not None and observation.facts == shown
    assert "Dit veld is vol" in window.statusBar().currentMessage()
    assert "200.000" in window.statusBar().currentMessage()


def test_a_long_reporter_name_does_not_block_later_edits(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.go_to("referral")
    name = find(window, QLineEdit, "reporter-name")
    organisation = find(window, QLineEdit, "reporter-organisation")
    phone = find(window, QLineEdit, "reporter-phone")
    name.insert("Anna de Vries " * 200)  # 2,800 characters
    assert len(name.text()) == SHORT_TEXT_LIMIT
    assert window.case.reporter.name == name.text()
    organisation.insert("Basisschool De Linde")
    phone.insert("010-1234567")
    assert window.case.reporter.organisation == "Basisschool De Linde"
    assert window.case.reporter.phone == "010-1234567"
    assert "Dit veld is vol" in window.statusBar().currentMessage() or (
        window.statusBar().currentMessage() == ""
    )
