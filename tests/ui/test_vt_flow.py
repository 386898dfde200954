"""The Veilig Thuis worker's own path through the window: intake, signals with their source,
safety assessment, onward routes and a handover PDF — walked with the drug-runner case, and
every text of it checked for advice to consult or call Veilig Thuis."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, page_text, save_referral_to, visible_text

from signaal.assessment import assess
from signaal.assessment.case_file import read_case
from signaal.assessment.json_output import assessment_json
from signaal.content import Catalog
from signaal.i18n import _, set_language
from signaal.report import render_referral
from signaal.ui.main_window import MainWindow

CASE_FILE = (
    Path(__file__).resolve().parent.parent
    / "cases"
    / "vt-15-year-old-drug-runner-reported-by-mother.json"
)
# Words that, shortly before "Veilig Thuis", make a sentence send the reader there: consult,
# call, ask, report to, advice from... A Veilig Thuis worker must never read such a sentence.
SEND_TO_VT = re.compile(
    r"(vraag|raadpleeg|bel|overleg|bespreek|meld|melding|advies|contact|inschakel|betrek|naar"
    r"|consult|call|ask|report|advice|contact|discuss|involve|to|with)\b[^.;:!?]{0,40}?"
    r"Veilig Thuis",
    re.IGNORECASE,
)
VT_PHONE = "0800-2000"
SHOTS = os.environ.get("SIGNAAL_VT_SHOTS")


def sends_to_veilig_thuis(text: str) -> list[str]:
    """Every passage that tells the reader to consult, call or report to Veilig Thuis."""
    flat = " ".join(text.split())
    found = [match.group(0) for match in SEND_TO_VT.finditer(flat)]
    if VT_PHONE in flat:
        found.append(VT_PHONE)
    return found


def test_the_detector_finds_what_the_melder_reads() -> None:
    """The check above would catch the texts the issue found on a Veilig Thuis worker's screen."""
    for sentence in (
        "Twijfel: vraag Veilig Thuis om advies.",
        "Raadpleeg Veilig Thuis.",
        "Je antwoorden leiden tot een melding bij Veilig Thuis.",
        "Advies van Veilig Thuis: niet gevraagd",
        "In doubt? Ask Veilig Thuis for advice (0800-2000).",
        "Report (melding) to Veilig Thuis",
    ):
        assert sends_to_veilig_thuis(sentence), sentence
    for sentence in (
        "Overdracht vanuit Veilig Thuis",
        "Medewerker Veilig Thuis",
        "Veilig Thuis behandelt zelf niet, maar zet hulp in.",
    ):
        assert not sends_to_veilig_thuis(sentence), sentence


def _shot(window: MainWindow, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _next(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, find(window, QPushButton, "next-button"))


def walk_veilig_thuis(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[bytes, list[str]]:
    """Walk the drug-runner case as a Veilig Thuis worker; returns the PDF and every screen."""
    catalog = window.catalog
    case_file = json.loads(CASE_FILE.read_text(encoding="utf-8"))
    screens: list[str] = []

    # Start: the role switches the window to the Veilig Thuis flow.
    click(qtbot, find(window, QRadioButton, "role-veilig-thuis"))
    click(qtbot, find(window, QRadioButton, "acute-no"))
    assert window.navigation.step_keys() == (
        "start", "who", "intake", "concerns", "signals", "safety", "outcome", "handover",
    )  # fmt: skip
    titles = [window.step_list.item(row).text() for row in range(window.step_list.count())]
    assert titles[2].startswith("3. Intake")
    assert titles[5].startswith("6. Veiligheidsbeoordeling")
    assert titles[7].startswith("8. Overdracht")
    screens.append(page_text(window))
    _shot(window, "1-start")
    _next(qtbot, window)

    # Who: a boy of 15; the man he runs for is a stranger to the family.
    assert window.navigation.current_key() == "who"
    find(window, QSpinBox, "age-spin").setValue(15)
    relation = find(window, QComboBox, "relation-combo")
    relation.setCurrentIndex(relation.findData("stranger"))
    find(window, QLineEdit, "person-initials").setText("J.")
    screens.append(page_text(window))
    _next(qtbot, window)

    # Intake: the mother reports, openly, with a phone number.
    assert window.navigation.current_key() == "intake"
    text = page_text(window)
    protocol = catalog.protocol_for("veilig-thuis")
    assert protocol.steps[0].title.get("nl") in text
    assert "Bron:" in text  # the step names its source
    intake = case_file["intake"]
    click(qtbot, find(window, QRadioButton, "intake-kind-report"))
    kind = find(window, QComboBox, "intake-reporter-kind")
    kind.setCurrentIndex(kind.findData("parent"))
    find(window, QLineEdit, "intake-reporter-relation").setText(intake["reporter_relation"])
    find(window, QLineEdit, "intake-reporter-profession").setText(intake["reporter_profession"])
    find(window, QLineEdit, "intake-reporter-contact").setText(intake["reporter_contact"])
    click(qtbot, find(window, QRadioButton, "intake-open"))
    assert not find(window, QLineEdit, "intake-anonymity-reason").isEnabled()
    find(window, QPlainTextEdit, "intake-summary").setPlainText(intake["summary"])
    qtbot.keyClicks(find(window, QLineEdit, "intake-received-on"), "16-11-2026")
    given = window.case.intake
    assert (given.kind, given.reporter_kind, given.open_report) == ("report", "parent", True)
    assert given.reporter_relation == "moeder"
    assert given.received_on is not None and given.received_on.isoformat() == "2026-11-16"
    assert window.navigation.step_done("intake")
    screens.append(page_text(window))
    _shot(window, "3-intake")
    _next(qtbot, window)

    # Concerns: criminal exploitation.
    assert window.navigation.current_key() == "concerns"
    click(qtbot, find(window, QCheckBox, "concern-criminal-exploitation"))
    screens.append(page_text(window))
    _next(qtbot, window)

    # Signals: each observation with its source — the boy himself, or a third party by role.
    assert window.navigation.current_key() == "signals"
    page = window.navigation.page("signals")
    qtbot.waitUntil(lambda: not page.building)  # type: ignore[attr-defined]
    groups = page.groups  # type: ignore[attr-defined]
    for observation in case_file["observations"]:
        indicator_id = observation["indicator"]
        group = next(g for g in groups if any(i.id == indicator_id for i in g.indicators))
        if not group.expanded:
            click(qtbot, group.toggle)
        suffix = "told" if observation["told_by"] == "person" else "told-third-party"
        click(qtbot, find(window, QRadioButton, f"status-{indicator_id}-{suffix}"))
        find(window, QPlainTextEdit, f"facts-{indicator_id}").setPlainText(
            f"{observation['facts']} (bron: {observation['observer']})"
        )
    told = {o.indicator: o.told_by for o in window.case.observations if o.counts}
    assert told == {o["indicator"]: o["told_by"] for o in case_file["observations"]}
    screens.append(page_text(window))
    _shot(window, "5-signals")
    _next(qtbot, window)

    # Safety assessment: the protocol's own questions; acute unsafety ends the walk.
    assert window.navigation.current_key() == "safety"
    assert window.navigation.current_page().title.text() == "Veiligheidsbeoordeling"
    first = catalog.questions_for("veilig-thuis")[0]
    assert find(window, QLabel, "weighing-question").text() == first.question.get("nl")
    screens.append(page_text(window))
    click(qtbot, find(window, QPushButton, "answer-yes"))
    second = catalog.questions_by_id["vt-acute"]
    assert find(window, QLabel, "weighing-question").text() == second.question.get("nl")
    screens.append(page_text(window))
    click(qtbot, find(window, QPushButton, "answer-yes"))
    weighing = window.session.assessment().weighing
    assert weighing.outcome == "vt-act-now"
    outcome = next(o for o in protocol.outcomes if o.id == "vt-act-now")
    assert find(window, QLabel, "weighing-outcome").text() == outcome.name.get("nl")
    safety = case_file["safety"]
    find(window, QPlainTextEdit, "safety-information").setPlainText(safety["information"])
    find(window, QPlainTextEdit, "safety-reasons").setPlainText(safety["reasons"])
    qtbot.keyClicks(find(window, QLineEdit, "safety-assessed-on"), "16-11-2026")
    assert window.case.safety.assessed_on is not None
    assert window.case.safety.reasons == safety["reasons"]
    assert window.navigation.step_done("safety")
    screens.append(page_text(window))
    _shot(window, "6-safety")
    _next(qtbot, window)

    # Outcome: onward routes with their reasons; Veilig Thuis itself is none of them.
    assert window.navigation.current_key() == "outcome"
    qtbot.waitUntil(lambda: not window.navigation.page("outcome").building)  # type: ignore[attr-defined]
    contacts = [r.contact for r in window.session.assessment().referrals]
    assert contacts[0] == "police"
    assert {"comensha", "zorgcoordinator-mensenhandel", "raad-kinderbescherming"} <= set(contacts)
    assert "veilig-thuis" not in contacts
    assert window.findChild(QFrame, "contact-veilig-thuis") is None
    coordinator = visible_text(find(window, QFrame, "contact-zorgcoordinator-mensenhandel"))
    assert "sociale kaart" in coordinator  # how to find the regional one offline
    decision = case_file["decision"]
    find(window, QPlainTextEdit, "decision-text").setPlainText(decision["decision"])
    find(window, QPlainTextEdit, "decision-reasoning").setPlainText(decision["reasoning"])
    screens.append(page_text(window))
    _shot(window, "7-outcome")
    _next(qtbot, window)

    # Handover: the purposes of this role only; the PDF is a handover.
    assert window.navigation.current_key() == "handover"
    purpose = find(window, QComboBox, "purpose-combo")
    offered = [purpose.itemData(i) for i in range(purpose.count())]
    assert offered == ["handover", "file"]
    assert window.case.purpose == "handover"
    find(window, QLineEdit, "reporter-name").setText(case_file["reporter"]["name"])
    screens.append(page_text(window))
    _shot(window, "8-handover")
    target = tmp_path / "overdracht.pdf"
    assert save_referral_to(qtbot, window, target)
    assert window.navigation.step_done("handover")
    return target.read_bytes(), screens


def test_every_veilig_thuis_control_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QAbstractButton

    click(qtbot, find(window, QRadioButton, "role-veilig-thuis"))
    for key in window.navigation.step_keys():
        window.navigation.go_to(key)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox)
    unnamed = [
        control.objectName() or type(control).__name__
        for kind in kinds
        for control in window.findChildren(kind)
        if not control.objectName().startswith("qt_")
        and (control.objectName() or type(control).__name__ != "QToolButton")
        and not control.accessibleName()
    ]
    assert unnamed == []


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_veilig_thuis_walks_its_own_path(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    data, screens = walk_veilig_thuis(qtbot, window, tmp_path)
    assert "overdracht" in window.actions_.preview.text().lower()  # not "verwijzing"
    text = " ".join(pdf_text(data).split())
    assert "Overdracht vanuit Veilig Thuis" in text
    for heading in ("Intake: wie meldde wat", "Veiligheidsbeoordeling", "Vervolgroutes"):
        assert heading in text
    assert "Relatie tot de betrokkene: moeder" in text
    assert "Direct handelen: de veiligheid nu regelen" in text
    for melder_field in ("Collegiale consultatie", "Advies van Veilig Thuis", "Melder:"):
        assert melder_field not in text
    for screen in screens:
        assert sends_to_veilig_thuis(screen) == [], screen[:200]
    assert sends_to_veilig_thuis(text) == []
    if SHOTS:
        (Path(SHOTS) / "handover.pdf").write_bytes(data)


def test_every_guidance_a_veilig_thuis_worker_can_open(qtbot: QtBot, window: MainWindow) -> None:
    """Folded guidance is on the pages too: every box of the Veilig Thuis flow, opened, in
    both languages, shows the variant for this role and sends nobody to Veilig Thuis."""
    from signaal.ui.widgets import GuidanceBox

    click(qtbot, find(window, QRadioButton, "role-veilig-thuis"))
    for language in ("nl", "en"):
        window.prefs.set_language(language)
        for key in window.navigation.step_keys():
            window.navigation.go_to(key)
            for box in window.navigation.current_page().findChildren(GuidanceBox):
                if box.isHidden():
                    continue
                text = box.button.text() + " " + box.body.text()
                assert sends_to_veilig_thuis(text) == [], (key, box.guidance.id, language)
    window.prefs.set_language("nl")


def test_no_veilig_thuis_text_sends_its_worker_to_veilig_thuis(catalog: Catalog) -> None:
    """The case's assess output and PDF, in Dutch and English: nothing says consult or call
    Veilig Thuis; the screens are checked in the walk above."""
    case = read_case(CASE_FILE, catalog)
    assessment = assess(catalog, case)
    for language in ("nl", "en"):
        output = json.dumps(assessment_json(assessment, language), ensure_ascii=False)
        assert sends_to_veilig_thuis(output) == [], language
        pdf = pdf_text(render_referral(catalog, case, assessment, language))
        assert sends_to_veilig_thuis(pdf) == [], language
        set_language(language)
        assert _("Handover") in pdf or "Overdracht" in pdf
    set_language("nl")
