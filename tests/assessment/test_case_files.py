"""Realistic case files per role (tests/cases/), assessed over the real shipped catalog.

They show what a professional would see: the indicator profile, the level of concern, the walk
through the afwegingskader and the referral advice, each with its reasons.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signaal.assessment import Assessment, assess
from signaal.assessment.case_file import read_case
from signaal.cli import main
from signaal.content import Catalog

CASES = Path(__file__).resolve().parent.parent / "cases"


def _assess(catalog: Catalog, name: str) -> Assessment:
    return assess(catalog, read_case(CASES / name, catalog))


def _contacts(assessment: Assessment) -> dict[str, str]:
    return {r.contact: r.urgency for r in assessment.referrals}


@pytest.mark.parametrize("path", sorted(CASES.glob("*.json")), ids=lambda p: p.name)
def test_every_case_file_is_valid_and_assessed_by_the_cli(path: Path, capsys) -> None:
    assert main(["assess", str(path), "--lang", "en"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert {"trafficking", "concern_level", "weighing", "referrals"} <= set(output)
    assert output["referrals"], "every realistic case leads somewhere"


def test_roles_are_all_covered() -> None:
    roles = {json.loads(p.read_text(encoding="utf-8"))["role"] for p in CASES.glob("*.json")}
    assert roles == {"teacher", "gp", "veilig-thuis"}


def test_gp_adult_seasonal_worker(catalog: Catalog) -> None:
    """Exploitation is positive, no recruitment or destination dimension yet, but signals in
    them (the passport): no labour-rights note. Outside the household, so the meldcode does not
    apply; the routes are the labour authority and partners, and the GP is reminded of consent
    and medical secrecy."""
    assessment = _assess(catalog, "gp-adult-seasonal-worker.json")
    (labour,) = assessment.trafficking
    assert labour.checklist == "adult-labour"
    assert labour.minor is False
    assert labour.profile == "partly-indicated"
    positive = {d for d, r in labour.dimensions.items() if r.positive}
    assert positive == {"exploitation"}
    exploitation = labour.dimensions["exploitation"]
    assert (exploitation.strong, exploitation.medium) == (1, 2)
    coercion = labour.dimensions["coercion-destination"]
    assert (coercion.strong, coercion.positive) == (1, False)  # one strong alone is not enough
    # The passport is held: a destination signal is recorded, so the profile is not called a
    # labour-rights problem "rather than trafficking" (issue 13: never a false all-clear).
    assert labour.note is None
    assert assessment.concern.assessed is False
    # The employer is outside the household: the meldcode and its afwegingskader do not apply,
    # so the "no" answered to question 1 no longer closes the case (issue 13).
    assert (assessment.weighing.outcome, assessment.weighing.path) == ("not-applicable", [])
    contacts = _contacts(assessment)
    assert {"labour-inspectorate", "police", "comensha", "fairwork"} <= set(contacts)
    assert contacts["knmg-artseninfolijn"] == "info"
    assert "emergency-112" not in contacts
    assert "veilig-thuis" not in contacts


def test_vt_15_year_old_criminal_exploitation(catalog: Catalog) -> None:
    """A minor forced to carry drugs to pay off a debt: exploitation positive is enough for a
    minor, so the profile is indicated. The file predates the Veilig Thuis safety assessment: it
    stays valid, its afwegingskader answers are not walked for this role, and Veilig Thuis is
    never advised to itself; the trafficking partners are."""
    assessment = _assess(catalog, "vt-15-year-old.json")
    (labour,) = assessment.trafficking
    assert labour.checklist == "child-labour"
    assert labour.minor is True
    assert labour.profile == "indicated"
    assert labour.note is None
    assert labour.dimensions["exploitation"].positive
    assert labour.dimensions["exploitation"].medium == 3
    assert labour.dimensions["coercion-destination"].strong == 3
    assert not labour.dimensions["recruitment-vulnerability"].positive
    assert (assessment.weighing.outcome, assessment.weighing.path) == (None, ["vt-suspicion"])
    assert not assessment.weighing.consult_veilig_thuis
    contacts = _contacts(assessment)
    assert "veilig-thuis" not in contacts
    assert {"police", "comensha", "zorgcoordinator-mensenhandel"} <= set(contacts)


def test_vt_drug_runner_reported_by_mother(catalog: Catalog) -> None:
    """The Veilig Thuis worker's own path: the mother reports openly, the safety assessment
    finds acute unsafety, so the police come first (immediately), then CoMensha, the regional
    care coordinator and the Child Protection Board; the local team for the family."""
    case = read_case(CASES / "vt-15-year-old-drug-runner-reported-by-mother.json", catalog)
    assert case.intake.kind == "report" and case.intake.open_report is True
    assert (case.intake.reporter_kind, case.intake.reporter_relation) == ("parent", "moeder")
    assessment = assess(catalog, case)
    (labour,) = assessment.trafficking
    assert (labour.checklist, labour.profile) == ("child-labour", "indicated")
    weighing = assessment.weighing
    assert (weighing.outcome, weighing.path) == ("vt-act-now", ["vt-suspicion", "vt-acute"])
    assert weighing.outcome in {o.id for o in catalog.protocol_for("veilig-thuis").outcomes}
    advice = [(r.contact, r.urgency) for r in assessment.referrals]
    assert advice[0] == ("police", "immediate")
    assert ("comensha", "soon") in advice
    assert ("zorgcoordinator-mensenhandel", "soon") in advice
    assert ("raad-kinderbescherming", "soon") in advice
    assert ("lokaal-team", "info") in advice
    assert "veilig-thuis" not in dict(advice)
    police = assessment.referrals[0]
    assert police.rules == ["vt-acute-police", "vt-trafficking-police"]
    assert "AVIM" in " ".join(reason.nl for reason in police.reasons)


def test_teacher_13_year_old_in_the_family_restaurant(catalog: Catalog) -> None:
    """A minor working nights for a relative: indicated on the child list (means not required),
    exploitation within the household, so Veilig Thuis; unsure about acceptance of help leaves
    the weighing open with the advice to consult Veilig Thuis."""
    assessment = _assess(catalog, "teacher-13-year-old-family-restaurant.json")
    (labour,) = assessment.trafficking
    assert (labour.checklist, labour.profile) == ("child-labour", "indicated")
    exploitation = labour.dimensions["exploitation"]
    assert (exploitation.strong, exploitation.medium, exploitation.positive) == (1, 2, True)
    assert "ilo-cl-cod-isolation" not in labour.dimensions["coercion-destination"].indicators
    weighing = assessment.weighing
    assert weighing.outcome is None
    assert weighing.consult_veilig_thuis
    assert weighing.path == ["suspicion", "unsafety", "can-help", "help-accepted"]
    contacts = _contacts(assessment)
    assert contacts["veilig-thuis"] == "today"
    assert assessment.referrals[0].contact == "veilig-thuis"
    vt = assessment.referrals[0]
    assert len(vt.rules) >= 2  # several rules lead to Veilig Thuis; it is advised once


def test_teacher_9_year_old(catalog: Catalog) -> None:
    """Several behaviour signals plus a red flag: a possible concern, not a clear one; the green
    flag (age-appropriate questions) counts for nothing. Unsure about unsafety: consult VT."""
    assessment = _assess(catalog, "teacher-9-year-old.json")
    assert assessment.trafficking == []
    concern = assessment.concern
    assert concern.level == "possible"
    fired = {e.rule for e in concern.explanations}
    assert "csa-possible-red-flag" in fired
    assert not any(rule.startswith("csa-clear") for rule in fired)
    green = "csa-sb-green-questions-words"
    assert all(green not in e.indicators for e in concern.explanations[1:])
    weighing = assessment.weighing
    assert (weighing.outcome, weighing.consult_veilig_thuis) == (None, True)
    assert weighing.path == ["suspicion", "unsafety"]
    assert _contacts(assessment)["veilig-thuis"] == "soon"
    assert "emergency-112" not in _contacts(assessment)


def test_gp_5_year_old_with_an_sti(catalog: Catalog) -> None:
    """An STI in a young child with perinatal transmission ruled out: a clear concern, and
    unsafety judged present, so the walk ends in a report; Veilig Thuis today."""
    assessment = _assess(catalog, "gp-5-year-old-sti.json")
    concern = assessment.concern
    assert concern.level == "clear"
    (sti,) = [e for e in concern.explanations[1:] if "csa-sti-young-child" in e.indicators]
    assert sti.rule == "csa-clear-sti-child"
    assert (assessment.weighing.outcome, assessment.weighing.path) == (
        "report",
        ["suspicion", "unsafety"],
    )
    report_norms = [e for e in assessment.weighing.explanations if "reporting-norm" in e.rule]
    assert report_norms, "the KNMG reporting norms explain the report"
    assert assessment.referrals[0].contact == "veilig-thuis"
    assert assessment.referrals[0].urgency == "today"


def test_teacher_14_year_old_sextortion(catalog: Catalog) -> None:
    """Sextortion told by the pupil: clear concern, Helpwanted today, and the disclosure brings
    in the Centrum Seksueel Geweld and Veilig Thuis."""
    assessment = _assess(catalog, "teacher-14-year-old-sextortion.json")
    assert assessment.concern.level == "clear"
    contacts = _contacts(assessment)
    assert contacts["helpwanted"] == "today"
    assert "police" in contacts
    assert contacts["veilig-thuis"] == "today"
    # the help is accepted but not yet evaluated: no outcome yet
    assert assessment.weighing.outcome is None
    assert assessment.weighing.path[-1] == "help-effective"
    (sexual,) = assessment.trafficking
    assert (sexual.checklist, sexual.profile) == ("child-sexual", "not-indicated")


def test_vt_adult_sexual_exploitation_in_acute_danger(catalog: Catalog) -> None:
    """Acute danger: 112 first and the weighing need not wait; a recent assault sends the CSG
    along immediately; recruitment, exploitation and coercion are positive: indicated."""
    assessment = _assess(catalog, "vt-adult-sexual-exploitation-acute.json")
    (sexual,) = assessment.trafficking
    assert (sexual.checklist, sexual.profile, sexual.minor) == ("adult-sexual", "indicated", False)
    assert sexual.note is None
    positive = {d for d, r in sexual.dimensions.items() if r.positive}
    assert positive == {"deceptive-recruitment", "exploitation", "coercion-destination"}
    assert assessment.weighing.acute_danger
    assert assessment.weighing.explanations[0].rule == "veilig-thuis-on-acute-danger"
    assert assessment.weighing.outcome is None
    advice = [(r.contact, r.urgency) for r in assessment.referrals]
    assert advice[0] == ("emergency-112", "immediate")
    assert ("csg", "immediate") in advice
    assert "veilig-thuis" not in dict(advice)  # never advised to itself
    assert {"police", "comensha", "zorgcoordinator-mensenhandel"} <= set(dict(advice))


def test_vt_acute_handover_reads_without_contradictions(catalog: Catalog) -> None:
    """Read as the receiver would: a Veilig Thuis handover names no "advice from Veilig Thuis",
    the start question is labelled as such, and the CSG is not asked for a date already given."""
    from tests.report.report_cases import body_text, flat, pdf_pages

    from signaal.report import render_referral

    case = read_case(CASES / "vt-adult-sexual-exploitation-acute.json", catalog)
    assessment = assess(catalog, case)
    csg = next(r for r in assessment.referrals if r.contact == "csg")
    assert "sexual-violence-disclosure" not in csg.rules  # the date (1 day) is known
    assert "recent-sexual-violence" in csg.rules
    text = flat(body_text(pdf_pages(render_referral(catalog, case, assessment, "en")), "en"))
    assert flat("Advice from Veilig Thuis") not in text
    assert flat("Consultation (step 2)") not in text  # nothing of step 2 was filled in
    assert flat("Acute danger when the case began: yes") in text
    assert flat("enter that") not in text


def test_vt_outcome_act_now_does_not_read_as_no_danger(catalog: Catalog) -> None:
    from tests.report.report_cases import body_text, flat, pdf_pages

    from signaal.report import render_referral

    case = read_case(CASES / "vt-15-year-old-drug-runner-reported-by-mother.json", catalog)
    assessment = assess(catalog, case)
    text = flat(body_text(pdf_pages(render_referral(catalog, case, assessment, "en")), "en"))
    assert flat("Safety assessment: Act at once: arrange safety now") in text
    assert flat("Acute danger: no") not in text
    assert flat("Acute danger when the case began: no") in text
