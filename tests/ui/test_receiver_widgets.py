"""The fields a receiver needs, as the user fills them: who told a signal and whose words a quote
holds on a signal row; people, professionals and network on the Who page; the job title."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot
from test_signals_page import open_signals
from ui_helpers import click, find

from signaal.assessment.case import ThirdParty
from signaal.ui.main_window import MainWindow


def test_a_signal_told_by_someone_else_says_who_and_whose_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown = open_signals(qtbot, window, age=14)
    indicator = shown[0].id
    page = window.navigation.page("signals")
    click(qtbot, find(window, QRadioButton, f"status-{indicator}-seen"))
    teller = find(window, QLineEdit, f"teller-{indicator}")
    whose = find(window, QComboBox, f"quote-of-{indicator}")
    # Seen yourself: nobody told it, so there is no "told by" to fill in.
    assert not teller.isVisibleTo(page) and not whose.isVisibleTo(page)
    click(qtbot, find(window, QRadioButton, f"status-{indicator}-told-third-party"))
    assert teller.isVisibleTo(page) and whose.isVisibleTo(page)
    qtbot.keyClicks(teller, "moeder")
    observation = window.case.observation(indicator)
    assert observation is not None
    assert observation.told_by == ThirdParty(third_party="moeder")
    whose.setCurrentIndex(whose.findData("person"))
    assert observation.quote_of == "person"
    # Another choice and back: who told it is kept, as the field still shows it.
    click(qtbot, find(window, QRadioButton, f"status-{indicator}-told"))
    assert observation.told_by == "person" and not teller.isVisibleTo(page)
    click(qtbot, find(window, QRadioButton, f"status-{indicator}-told-third-party"))
    assert observation.teller == "moeder" and teller.text() == "moeder"
    teller.clear()
    assert observation.told_by == "third-party"


def test_who_page_entries_write_through_and_remove(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.go_to("who")
    click(qtbot, find(window, QPushButton, "persons-add"))
    assert len(window.case.persons) == 1
    role = find(window, QComboBox, "persons-0-0")
    role.setCurrentIndex(role.findData("child"))
    qtbot.keyClicks(find(window, QLineEdit, "persons-0-1"), "zusje")
    qtbot.keyClicks(find(window, QLineEdit, "persons-0-3"), "11")
    informed = find(window, QComboBox, "persons-0-4")
    informed.setCurrentIndex(informed.findData(False))
    person = window.case.persons[0]
    assert (person.role, person.relation, person.age, person.informed) == (
        "child",
        "zusje",
        "11",
        False,
    )
    click(qtbot, find(window, QPushButton, "persons-add"))
    qtbot.keyClicks(find(window, QLineEdit, "persons-1-1"), "moeder")
    click(qtbot, find(window, QPushButton, "persons-0-remove"))
    assert [p.relation for p in window.case.persons] == ["moeder"]
    assert find(window, QLineEdit, "persons-0-1").text() == "moeder"
    click(qtbot, find(window, QPushButton, "network-add"))
    qtbot.keyClicks(find(window, QLineEdit, "network-0-0"), "oma")
    click(qtbot, find(window, QPushButton, "professionals-add"))
    qtbot.keyClicks(find(window, QLineEdit, "professionals-0-0"), "jeugdarts")
    qtbot.keyClicks(find(window, QLineEdit, "suspect-vehicle"), "zwarte Audi")
    qtbot.keyClicks(find(window, QLineEdit, "person-school"), "De Linde")
    case = window.case
    assert case.network[0].relation == "oma"
    assert case.professionals_involved[0].function == "jeugdarts"
    assert case.suspected_person.vehicle == "zwarte Audi"
    assert case.person.school == "De Linde"
    # Shown again after another step: the page shows what the case holds.
    window.navigation.go_to("concerns")
    window.navigation.go_to("who")
    assert find(window, QLineEdit, "network-0-0").text() == "oma"


def test_the_reporter_gives_a_job_title(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.go_to("referral")
    qtbot.keyClicks(find(window, QLineEdit, "reporter-job-title"), "mentor klas 3")
    assert window.case.reporter.job_title == "mentor klas 3"
