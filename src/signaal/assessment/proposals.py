"""What Signaal proposes from the case instead of assuming it: the referral's purpose, and a
check that a typed date of birth fits the age given earlier.

Qt-free, so the rules are tested without a window. A proposal is never a decision: the page shows
it with its reason and the user can choose otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from signaal.assessment.case import Case, Purpose
from signaal.assessment.intake import age_group
from signaal.assessment.result import Assessment
from signaal.content import Catalog
from signaal.i18n import N_


@dataclass(frozen=True)
class PurposeProposal:
    purpose: Purpose
    reason: str  # an English msgid; translate it with `_` where it is shown


def propose_purpose(catalog: Catalog, case: Case, assessment: Assessment) -> PurposeProposal:
    """The purpose that follows from the weighing, the age and the consent.

    An adult decides for themselves: without their consent the proposal is a request for
    advice, never a report. A child is reported when the weighing leads there.
    """
    role = catalog.roles_by_id.get(case.role)
    if role is not None and role.purposes:
        # A role that declares its own documents (Veilig Thuis hands over) never reports to
        # Veilig Thuis or asks it for advice: its first document is the proposal.
        return PurposeProposal(
            role.purposes[0],
            N_("your role hands the case over to whoever takes the next step."),
        )
    outcome = assessment.weighing.outcome
    minor = age_group(catalog, case).minor
    consent = case.context.consent_to_refer
    if outcome == "report" or (outcome is None and case.context.acute_danger):
        if minor is False and consent is not True:
            return PurposeProposal(
                "advice",
                N_(
                    "an adult who has not agreed to a report: ask Veilig Thuis for advice first, "
                    "unless the danger is such that you report without consent."
                ),
            )
        return PurposeProposal("melding", N_("the weighing leads to a report to Veilig Thuis."))
    if outcome == "help-and-monitor":
        return PurposeProposal(
            "handover",
            N_("the weighing leads to help and follow-up: a handover to who gives the help."),
        )
    if outcome == "close":
        return PurposeProposal(
            "file", N_("the weighing leads to closing the concern: a record for your own file.")
        )
    return PurposeProposal(
        "advice", N_("the weighing is not finished: asking Veilig Thuis for advice fits best.")
    )


def age_on(born: dt.date, day: dt.date) -> int:
    """Age in whole years on `day` of someone born on `born`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def birth_date_conflict(case: Case, today: dt.date | None = None) -> int | None:
    """The age the date of birth gives, when it contradicts the age given at step 2; else None.

    One year either way is allowed: the age given may be an estimate, or a birthday near.
    """
    born = case.person.date_of_birth
    if born is None or case.age is None:
        return None
    age = age_on(born, today or dt.date.today())
    return age if abs(age - case.age) > 1 else None
