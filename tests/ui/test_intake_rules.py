"""What the user sees of the intake rules: the age picks child or adult, the band and the lists;
a case opened with only an age reads the same; pages change the case in one way."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot
from ui_helpers import click, find

from signaal.assessment.carried import Carried
from signaal.assessment.case_file import parse_case
from signaal.content import Catalog
from signaal.i18n import content_language
from signaal.report.case_document import case_document, read_case_document
from signaal.ui.main_window import MainWindow


def adult_only(catalog: Catalog) -> set[str]:
    """Signals that apply to adults alone: a child must never be offered them."""
    return {
        indicator.id
        for checklist in catalog.checklists
        for indicator in checklist.indicators
        if not any(catalog.age_bands_by_id[b].minor for b in indicator.age_bands)
    }


def minor_only(catalog: Catalog) -> set[str]:
    return {
        indicator.id
        for checklist in catalog.checklists
        for indicator in checklist.indicators
        if all(catalog.age_bands_by_id[b].minor for b in indicator.age_bands)
    }


def listed(window: MainWindow) -> set[str]:
    window.navigation.go_to("signals")
    return set(window.navigation.page("signals").listed_indicators())  # type: ignore[attr-defined]


def assessed_lists_are_for_minors(window: MainWindow) -> bool:
    catalog = window.catalog
    lists = {c.id: c for c in catalog.checklists}
    results = window.session.assessment().trafficking
    return bool(results) and all(
        all(catalog.age_bands_by_id[b].minor for b in lists[r.checklist].age_bands) for r in results
    )


def band_text(window: MainWindow, age: int) -> str:
    return window.catalog.age_band_for(age).name.get(content_language())


def test_age_14_on_the_who_page_shows_the_lists_of_a_minor(
    qtbot: QtBot, window: MainWindow
) -> None:
    catalog = window.catalog
    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(14)
    assert find(window, QRadioButton, "person-child").isChecked()
    assert band_text(window, 14) in find(window, QLabel, "age-band").text()
    shown = listed(window)
    assert shown & minor_only(catalog)
    assert not shown & adult_only(catalog)
    assert assessed_lists_are_for_minors(window)

    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(34)
    assert find(window, QRadioButton, "person-adult").isChecked()
    shown = listed(window)
    assert shown & adult_only(catalog)
    assert not shown & minor_only(catalog)
    assert not assessed_lists_are_for_minors(window)


def test_a_case_opened_with_only_an_age_reads_as_that_age(qtbot: QtBot, window: MainWindow) -> None:
    """Issue 19: a case file with only `age` showed an adult's lists for a child of 14."""
    catalog = window.catalog
    case = parse_case({"role": "teacher", "age": 14}, catalog)
    window.session.continue_with(case, Carried())
    window.navigation.go_to("who")
    assert find(window, QRadioButton, "person-child").isChecked()
    assert band_text(window, 14) in find(window, QLabel, "age-band").text()
    assert window.navigation.step_done("who")
    shown = listed(window)
    assert shown and not shown & adult_only(catalog)
    assert assessed_lists_are_for_minors(window)


def test_an_older_age_drops_the_concern_that_no_longer_fits(
    qtbot: QtBot, window: MainWindow
) -> None:
    catalog = window.catalog
    child_only = [
        c.id for c in catalog.concerns if all(catalog.age_bands_by_id[b].minor for b in c.age_bands)
    ]
    for_all = [
        c.id
        for c in catalog.concerns
        if c.id not in child_only and any(not catalog.age_bands_by_id[b].minor for b in c.age_bands)
    ]
    assert child_only and for_all
    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(14)
    window.navigation.go_to("concerns")
    for concern_id in (child_only[0], for_all[0]):
        click(qtbot, find(window, QCheckBox, f"concern-{concern_id}"))
    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(30)
    window.navigation.go_to("concerns")
    gone = find(window, QCheckBox, f"concern-{child_only[0]}")
    assert not gone.isVisible() and not gone.isChecked()
    assert find(window, QCheckBox, f"concern-{for_all[0]}").isChecked()
    assert window.case.concerns == [for_all[0]]


def test_not_sure_travels_with_the_case(qtbot: QtBot, window: MainWindow) -> None:
    catalog = window.catalog
    window.navigation.go_to("who")
    click(qtbot, find(window, QRadioButton, "person-child"))
    window.navigation.go_to("concerns")
    click(qtbot, find(window, QCheckBox, "concern-not-sure"))
    session = window.session
    document = case_document(catalog, session.case, session.carried_now(), "nl")
    opened = read_case_document(document, catalog)
    window.wiping.new_case()
    window.navigation.go_to("concerns")
    assert not find(window, QCheckBox, "concern-not-sure").isChecked()
    window.navigation.go_to("start")
    session.continue_with(opened.case, opened.carried)
    window.navigation.go_to("concerns")
    assert find(window, QCheckBox, "concern-not-sure").isChecked()
    window.navigation.go_to("who")
    assert find(window, QRadioButton, "person-child").isChecked()


def test_typed_text_does_not_make_the_assessment_again(qtbot: QtBot, window: MainWindow) -> None:
    """Text and steps taken go through `Session.write` (`edited`), answers the rules read
    through `Session.answer` (`changed`): typing never re-runs the assessment."""
    session = window.session
    window.navigation.go_to("meldcode")
    with qtbot.assertNotEmitted(session.changed), qtbot.waitSignal(session.edited):
        click(qtbot, find(window, QCheckBox, "consultation-done"))
    with qtbot.assertNotEmitted(session.changed), qtbot.waitSignal(session.edited):
        qtbot.keyClicks(find(window, QLineEdit, "consultation-with"), "collega")
    assert session.case.meldcode_steps.consultation.with_whom == "collega"
    consent = find(window, QComboBox, "consent-to-refer")
    with qtbot.waitSignal(session.changed):
        consent.setCurrentIndex(consent.count() - 1)
    window.navigation.go_to("outcome")
    with qtbot.assertNotEmitted(session.changed), qtbot.waitSignal(session.edited):
        qtbot.keyClicks(find(window, QPlainTextEdit, "decision-text"), "Melden")
    assert session.case.decision.decision == "Melden"
    assert window.navigation.step_done("outcome")
