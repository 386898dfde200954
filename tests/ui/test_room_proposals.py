"""Qt-free rules of issue 17: the referral's purpose from the case, the birth-date check, and
role- and age-aware examples. Run against the shipped catalog."""

from __future__ import annotations

import datetime as dt

import pytest

from signaal.assessment import Assessment, Case, assess
from signaal.assessment.proposals import age_on, birth_date_conflict, propose_purpose
from signaal.assessment.role_texts import conversation_example, conversation_title
from signaal.content import Catalog


def with_outcome(catalog: Catalog, case: Case, outcome: str | None) -> Assessment:
    assessment = assess(catalog, case)
    weighing = assessment.weighing.model_copy(update={"outcome": outcome})
    return assessment.model_copy(update={"weighing": weighing})


@pytest.mark.parametrize(
    ("age", "consent", "outcome", "purpose"),
    [
        (34, None, "report", "advice"),  # an adult who was not asked is not reported by default
        (34, False, "report", "advice"),  # nor one who said no
        (34, True, "report", "melding"),
        (14, None, "report", "melding"),  # a child is reported when the weighing leads there
        (14, False, "report", "melding"),
        (14, None, "help-and-monitor", "handover"),
        (14, None, "close", "file"),
        (34, None, None, "advice"),
    ],
)
def test_purpose_follows_the_case(
    catalog: Catalog, age: int, consent: bool | None, outcome: str | None, purpose: str
) -> None:
    case = Case(role=catalog.roles[0].id, age=age)
    case.context.consent_to_refer = consent
    proposal = propose_purpose(catalog, case, with_outcome(catalog, case, outcome))
    assert proposal.purpose == purpose
    assert proposal.reason


def test_birth_date_that_contradicts_the_age_is_found() -> None:
    today = dt.date(2026, 12, 4)
    assert age_on(dt.date(2012, 12, 5), today) == 13
    assert age_on(dt.date(2012, 12, 4), today) == 14
    case = Case(role="teacher", age=14)
    assert birth_date_conflict(case, today) is None  # no date of birth: nothing to compare
    case.person.date_of_birth = dt.date(2012, 6, 1)
    assert birth_date_conflict(case, today) is None
    case.person.date_of_birth = dt.date(2016, 6, 1)  # the old default, whatever the age
    assert birth_date_conflict(case, today) == 10
    case.age = None
    assert birth_date_conflict(case, today) is None


def test_examples_fit_role_and_age(catalog: Catalog) -> None:
    gp, teacher, vt = (catalog.role(r) for r in ("gp", "teacher", "veilig-thuis"))
    assert "parents" not in conversation_example(gp, False).en
    assert "pupil" not in conversation_example(gp, True).en
    assert "patient" not in conversation_example(teacher, True).en
    assert "pupil" not in conversation_example(vt, True).en
    assert "ouders" not in conversation_example(gp, False).nl
    assert conversation_title(gp, True) is None  # the protocol's own title fits a child
    title = conversation_title(gp, False)
    assert title is not None and "parents" not in title.en and "patient" in title.en
    # A role without words of its own gets words for any role.
    assert conversation_title(None, False) == conversation_title(vt, False)
