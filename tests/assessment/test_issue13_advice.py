"""Issue 13: the right advice for the case in front of you, through `signaal-cli assess`.

The four cases of the issue (tests/cases/), assessed over the shipped catalog: Dutch signals
count toward the ILO profile, the afwegingskader applies only where the meldcode does, acute
danger lists every number at once, and nothing reads as an all-clear.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from signaal.assessment import assess
from signaal.assessment.case_file import parse_case, read_case
from signaal.cli import main
from signaal.content import Catalog
from signaal.content.references import check_references

CASES = Path(__file__).resolve().parent.parent / "cases"
GIRL = "teacher-14-year-old-older-boyfriend.json"
WORKER = "gp-adult-polish-seasonal-worker-passport.json"
ACUTE = "teacher-16-year-old-acute-sexual-violence.json"
BOY = "vt-15-year-old-drug-runner.json"
URGENCY = {"immediate": 0, "today": 1, "soon": 2, "info": 3}


def _cli(name: str, language: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["assess", str(CASES / name), "--lang", language]) == 0
    output: dict[str, Any] = json.loads(capsys.readouterr().out)
    return output


def _contacts(output: dict[str, Any]) -> dict[str, str]:
    return {r["contact"]: r["urgency"] for r in output["referrals"]}


def _profile(output: dict[str, Any], checklist: str) -> dict[str, Any]:
    return next(t for t in output["trafficking"] if t["list"] == checklist)


@pytest.mark.parametrize("name", [GIRL, WORKER, ACUTE, BOY])
def test_no_false_all_clear_in_either_language(name: str, capsys) -> None:
    dutch = json.dumps(_cli(name, "nl", capsys), ensure_ascii=False)
    english = json.dumps(_cli(name, "en", capsys))
    assert "wijst niet op" not in dutch
    assert "does not point" not in english and "not indicated" not in english
    for output in (json.loads(dutch), json.loads(english)):
        for result in output["trafficking"]:
            if result["profile"] == "not-indicated":
                text = " ".join(e["text"] for e in result["explanations"])
                assert "sluit mensenhandel niet uit" in text or "not rule out" in text


def test_girl_dutch_signals_count_and_veilig_thuis_is_advised(capsys) -> None:
    """Six Dutch signals, none from the ILO list: they count, the explanation names them, the
    profile says honestly that no dimension is positive yet, and Veilig Thuis is advised."""
    output = _cli(GIRL, "nl", capsys)
    assert [t["list"] for t in output["trafficking"]] == ["child-sexual"]
    profile = _profile(output, "child-sexual")
    exploitation = profile["dimensions"]["exploitation"]
    assert exploitation["counts"] == {"strong": 0, "medium": 2, "weak": 0}
    assert set(exploitation["indicators"]) == {"ilo-cs-exp-low-earnings", "ilo-cs-exp-no-education"}
    coercion = profile["dimensions"]["coercion-destination"]
    assert coercion["indicators"] == ["ilo-cs-cod-isolation"]  # two Dutch signals, counted once
    assert profile["profile"] == "not-indicated"
    texts = " ".join(e["text"] for e in profile["explanations"])
    assert "geteld via het signaal: Verzuimt vaak of langdurig van school" in texts
    assert "Nog geen dimensie positief" in texts or "nog geen dimensie positief" in texts
    assert "Dit sluit mensenhandel niet uit." in texts
    contacts = _contacts(output)
    assert URGENCY[contacts["veilig-thuis"]] <= URGENCY["soon"]
    assert output["weighing"]["consult_veilig_thuis"] is True


def test_worker_weighing_not_applicable_and_trafficking_route(capsys) -> None:
    """An adult, the employer holds his passport: the meldcode does not apply. No 'close the
    care', but the trafficking route with consent and the GP's medical secrecy."""
    output = _cli(WORKER, "nl", capsys)
    weighing = output["weighing"]
    assert weighing["outcome"] == "not-applicable"
    assert weighing["path"] == []
    texts = [e["text"] for e in weighing["explanations"]]
    assert texts[0].startswith("Het afwegingskader geldt hier niet")
    joined = " ".join(texts)
    for name in ("CoMensha", "Arbeidsinspectie", "Politie", "FairWork", "Toestemming"):
        assert name in joined
    assert "conflict van plichten" in joined  # the GP's line
    assert "afsluiten" not in json.dumps(output, ensure_ascii=False).lower()
    labour = _profile(output, "adult-labour")
    assert labour["profile"] == "partly-indicated"
    assert labour["dimensions"]["exploitation"]["positive"] is True
    assert "ilo-al-cod-documents" in labour["dimensions"]["coercion-destination"]["indicators"]
    contacts = _contacts(output)
    for contact in ("comensha", "labour-inspectorate", "police", "fairwork"):
        assert contacts[contact] == "soon", contact
    assert "veilig-thuis" not in contacts
    comensha = next(r for r in output["referrals"] if r["contact"] == "comensha")
    assert any("toestemming van de patiënt" in reason for reason in comensha["reasons"])


def test_worker_weighing_for_a_teacher_has_no_gp_line(catalog: Catalog) -> None:
    case = read_case(CASES / WORKER, catalog).model_copy(update={"role": "teacher"})
    texts = [e.text.nl for e in assess(catalog, case).weighing.explanations]
    assert not any("conflict van plichten" in t for t in texts)
    assert any(t.startswith("CoMensha") for t in texts)


def test_adult_with_unknown_relation_is_asked_for_it_first(catalog: Catalog) -> None:
    case = read_case(CASES / WORKER, catalog)
    for relation in ("unknown", None):
        case.context.perpetrator_relation = relation  # type: ignore[assignment]
        weighing = assess(catalog, case).weighing
        assert (weighing.outcome, weighing.needs_relation, weighing.path) == (None, True, [])
    case.context.perpetrator_relation = "household"
    weighing = assess(catalog, case).weighing
    assert weighing.path == ["suspicion"] and weighing.outcome == "close"


def test_acute_sexual_violence_lists_every_number_first(capsys) -> None:
    output = _cli(ACUTE, "nl", capsys)
    referrals = output["referrals"]
    immediate = [r["contact"] for r in referrals if r["urgency"] == "immediate"]
    assert immediate[0] == "emergency-112"
    assert {"veilig-thuis", "csg"} <= set(immediate)
    police = next(r for r in referrals if r["contact"] == "police")
    assert police["urgency"] == "today"  # the non-emergency number: 112 is the police now
    assert output["weighing"]["acute_danger"] is True


def test_acute_without_sexual_violence_has_no_csg(catalog: Catalog) -> None:
    case = read_case(CASES / ACUTE, catalog)
    case.context.acute_situation = "acute-life-danger"
    case.context.disclosure = False
    contacts = {r.contact: r.urgency for r in assess(catalog, case).referrals}
    assert contacts["emergency-112"] == contacts["veilig-thuis"] == "immediate"
    assert contacts["police"] == "today"
    assert "csg" not in contacts


def test_boy_dutch_signals_count_and_no_false_all_clear(capsys) -> None:
    """Only what is ours for the Veilig Thuis case: the profile counts (the VT routing is the
    Veilig Thuis helper's)."""
    output = _cli(BOY, "nl", capsys)
    labour = _profile(output, "child-labour")
    coercion = labour["dimensions"]["coercion-destination"]
    assert coercion["counts"]["strong"] == 3 and coercion["positive"] is True
    assert set(coercion["indicators"]) == {
        "ilo-cl-cod-illicit-activities",
        "ilo-cl-cod-debt-bondage",
        "ilo-cl-cod-threats",
    }
    assert labour["profile"] == "partly-indicated"


def test_merged_signal_ids_of_old_case_files_still_read(catalog: Catalog) -> None:
    """A case file from before the merge names two signals that are now one: both answers are
    kept under the merged id, and the present one wins."""
    data = json.loads((CASES / GIRL).read_text(encoding="utf-8"))
    data["observations"] = [
        {"indicator": "se-youth-truancy", "status": "not-seen"},
        {"indicator": "ce-sch-absence", "status": "seen", "facts": "Absent 9 of 20 days."},
        {"indicator": "se-beh-phone-constant", "status": "seen"},
    ]
    case = parse_case(data, catalog)
    assert [(o.indicator, o.status) for o in case.observations] == [
        ("gen-school-absence", "seen"),
        ("gen-always-reachable", "seen"),
    ]
    assert case.observations[0].facts == "Absent 9 of 20 days."


def _with_indicator_change(catalog: Catalog, indicator_id: str, **update: object) -> Catalog:
    checklists = []
    for checklist in catalog.checklists:
        indicators = [
            replace(i, **update) if i.id == indicator_id else i for i in checklist.indicators
        ]
        checklists.append(replace(checklist, indicators=indicators))
    return replace(catalog, checklists=checklists)


def _messages(catalog: Catalog) -> list[str]:
    return [f"{p.entry_id}.{p.field}: {p.message}" for p in check_references(catalog)]


def test_check_content_refuses_counts_as_unknown_or_of_another_age(catalog: Catalog) -> None:
    assert _messages(catalog) == []
    unknown = _with_indicator_change(catalog, "gen-school-absence", counts_as=["ilo-nope"])
    assert any("gen-school-absence.counts_as" in m for m in _messages(unknown))
    # le-work-minor-kept-from-school is for 12-18 only; the adult list's indicator is 18+.
    adult = _with_indicator_change(
        catalog, "le-work-minor-kept-from-school", counts_as=["ilo-al-exp-no-education"]
    )
    assert any(
        "le-work-minor-kept-from-school.counts_as" in m and "18+" in m for m in _messages(adult)
    )


def test_check_content_refuses_presupposing_words(catalog: Catalog) -> None:
    for word in ("de uitbuiter", "de dader", "een pleger", "het slachtoffer"):
        text = replace(catalog.indicator("gen-debt").text, nl=f"Schuld bij {word}")
        changed = _with_indicator_change(catalog, "gen-debt", text=text)
        assert any("gen-debt.text" in m for m in _messages(changed)), word
    english = replace(catalog.indicator("gen-debt").text, en="Owes the offender")
    assert any(
        "gen-debt.text" in m
        for m in _messages(_with_indicator_change(catalog, "gen-debt", text=english))
    )


def test_no_shipped_signal_text_presupposes(catalog: Catalog) -> None:
    words = ("uitbuiter", "dader", "pleger", "slachtoffer", "exploiter", "perpetrator", "victim")
    for checklist in catalog.checklists:
        for indicator in checklist.indicators:
            both = f"{indicator.text.nl} {indicator.text.en}".lower()
            assert not any(w in both for w in words), indicator.id


def test_check_content_refuses_a_reason_more_urgent_than_its_contact(catalog: Catalog) -> None:
    rules = []
    for rule in catalog.routing_rules:
        if rule.id == "minor-trafficking-profile-police":
            reason = replace(rule.reason, nl="Schakel vandaag de politie in.")
            rule = replace(rule, reason=reason)
        rules.append(rule)
    changed = replace(catalog, routing_rules=rules)
    assert any("minor-trafficking-profile-police.reason" in m for m in _messages(changed))


def test_one_fact_one_tick_across_the_abuse_and_exploitation_lists(catalog: Catalog) -> None:
    """With sexual exploitation and child sexual abuse both chosen, school absence, the older
    friend and the gifts are shown once; ticked once, they count for the level of concern too."""
    concerns = ["sexual-exploitation", "child-sexual-abuse"]
    lists = [
        (checklist, catalog.indicators_for(checklist, "teacher", "12-18", concerns=concerns))
        for checklist in catalog.checklists_for("teacher", "12-18", concerns)
    ]
    shown = {i.id for _checklist, indicators in catalog.shown_once(lists) for i in indicators}
    assert {"gen-school-absence", "gen-older-contacts", "gen-money-goods"} <= shown
    assert not {"csa-beh-truancy", "csa-beh-older-friend", "csa-beh-gifts-money"} & shown
    # An answer given before on the abuse list stays on screen.
    kept = catalog.shown_once(lists, frozenset({"csa-beh-truancy"}))
    assert "csa-beh-truancy" in {i.id for _c, indicators in kept for i in indicators}
    data = json.loads((CASES / GIRL).read_text(encoding="utf-8"))
    data["concerns"] = concerns
    assessment = assess(catalog, parse_case(data, catalog))
    assert assessment.concern.level == "possible"  # truancy, older friend, gifts, withdrawal


def test_call_now_lists_112_first_then_the_24_7_contacts(catalog: Catalog) -> None:
    from signaal.assessment.routing import call_now

    case = read_case(CASES / ACUTE, catalog)
    shown = [r.contact for r in call_now(catalog, assess(catalog, case).referrals)]
    assert shown[0] == "emergency-112"
    assert set(shown) == {"emergency-112", "veilig-thuis", "csg", "police"}
