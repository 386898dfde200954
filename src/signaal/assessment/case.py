"""The case: what the professional answered, held in memory only and never written by Signaal."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from signaal.content.models import Answer, RelationId

# Free text: generous but bounded, so a pasted document cannot exhaust memory. The window's
# fields take their limits from here (`text_limit`), so nothing is shown that is not stored.
FREE_TEXT_LIMIT = 200_000
SHORT_TEXT_LIMIT = 2_000
FreeText = Annotated[str, StringConstraints(max_length=FREE_TEXT_LIMIT)]
ShortText = Annotated[str, StringConstraints(max_length=SHORT_TEXT_LIMIT)]
ObservationStatus = Literal["seen", "told", "not-seen"]
ToldBy = Literal["person", "third-party"]
Purpose = Literal["melding", "advice", "handover", "file"]


class CaseModel(BaseModel):
    """Base for case parts: unknown keys are errors, so a typo in a case file is reported."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Observation(CaseModel):
    """One answered signal. `seen` is the professional's own observation; `told` was heard."""

    indicator: str = Field(min_length=1, max_length=120)
    status: ObservationStatus
    facts: FreeText = ""
    quote: FreeText = ""
    told_by: ToldBy | None = None
    observer: ShortText = ""
    when: ShortText = ""

    @property
    def counts(self) -> bool:
        """Whether the signal is present (seen or told); `not-seen` answers are kept but inert."""
        return self.status != "not-seen"


class Context(CaseModel):
    """Facts the routing rules ask about (acute danger, disclosure, who is involved...)."""

    acute_danger: bool | None = None
    disclosure: bool = False
    perpetrator_relation: RelationId | None = None
    days_since_sexual_contact: int | None = Field(default=None, ge=0, le=100_000)
    consent_to_refer: bool | None = None
    # Which of the catalog's acute situations applies, when there is acute danger (optional).
    acute_situation: str | None = Field(default=None, max_length=120)


class Consultation(CaseModel):
    done: bool = False
    with_whom: ShortText = ""
    on: dt.date | None = None
    vt_advice: bool = False
    vt_advice_on: dt.date | None = None
    vt_advice_summary: FreeText = ""


class Conversation(CaseModel):
    """Step 3: talking with the person or the parents, or the exception that applied."""

    done: bool | None = None
    with_whom: ShortText = ""
    on: dt.date | None = None
    reaction: FreeText = ""
    exception: str | None = Field(default=None, max_length=120)


class MeldcodeSteps(CaseModel):
    consultation: Consultation = Field(default_factory=Consultation)
    conversation: Conversation = Field(default_factory=Conversation)


class Reporter(CaseModel):
    """Who writes the referral; only printed where typed."""

    name: ShortText = ""
    organisation: ShortText = ""
    phone: ShortText = ""


ReporterKind = Literal["parent", "family", "professional", "bystander", "person", "other"]


class Intake(CaseModel):
    """How Veilig Thuis received the case: advice request or report, and who made it.

    Only the Veilig Thuis flow fills this in; every field is optional, so older case files and
    the other roles' cases are unaffected.
    """

    kind: Literal["advice", "report"] | None = Field(
        default=None, description="A request for advice or a report."
    )
    received_on: dt.date | None = None
    reporter_kind: ReporterKind | None = Field(
        default=None, description="Who reported: parent, family, professional, bystander, ..."
    )
    reporter_relation: ShortText = Field(
        default="", description="The reporter's relation to the person, e.g. 'mother'."
    )
    reporter_profession: ShortText = ""
    reporter_name: ShortText = ""
    reporter_contact: ShortText = Field(default="", description="Phone or e-mail, if given.")
    open_report: bool | None = Field(
        default=None, description="True: reported openly; false: the reporter stays anonymous."
    )
    anonymity_reason: ShortText = ""
    summary: FreeText = Field(default="", description="What the reporter reported, in brief.")


class SafetyAssessment(CaseModel):
    """Veilig Thuis's own record of the safety assessment beside the questions' answers."""

    assessed_on: dt.date | None = None
    information: FreeText = Field(
        default="", description="What own records, police, the Board and professionals said."
    )
    reasons: FreeText = Field(default="", description="The reasons for the decision.")


class Person(CaseModel):
    """The person the concern is about: initials or a pseudonym by default."""

    initials: ShortText = ""
    name: ShortText = ""
    date_of_birth: dt.date | None = None


class Decision(CaseModel):
    """The professional's own decision and reasoning: the app advises, the professional decides."""

    decision: FreeText = ""
    reasoning: FreeText = ""


class Case(CaseModel):
    """One consultation: what the professional answered. Ids refer to the content catalog."""

    role: str = Field(
        min_length=1, max_length=80, description="Role id: teacher, gp or veilig-thuis."
    )
    language: Literal["nl", "en"] = "nl"
    purpose: Purpose = Field(default="melding", description="What the referral is for.")
    age: int | None = Field(default=None, ge=0, le=130, description="Age in whole years.")
    age_band: str | None = Field(
        default=None,
        max_length=20,
        description="Age band id (0-4, 4-12, 12-18, 18+); wins over `age` when both are given.",
    )
    minor: bool | None = Field(
        default=None,
        description="Child (true) or adult (false) when neither age nor age band is known; "
        "an age or age band that is given decides instead.",
    )
    concerns: list[str] = Field(
        default=[],
        description="Concern ids: child-sexual-abuse, sexual-, labour-, criminal-exploitation.",
    )
    observations: list[Observation] = Field(
        default=[], description="Answered signals, each indicator id at most once."
    )
    context: Context = Field(default_factory=Context)
    meldcode_steps: MeldcodeSteps = Field(default_factory=MeldcodeSteps)
    weighing: dict[str, Answer] = Field(
        default={},
        description="Weighing answers by question id (the afwegingskader, or the role's own "
        "safety assessment): yes, no or unsure.",
    )
    reporter: Reporter = Field(default_factory=Reporter)
    intake: Intake = Field(
        default_factory=Intake, description="Veilig Thuis: how the case came in and from whom."
    )
    safety: SafetyAssessment = Field(
        default_factory=SafetyAssessment,
        description="Veilig Thuis: information gathered and reasons of the safety assessment.",
    )
    person: Person = Field(default_factory=Person)
    decision: Decision = Field(default_factory=Decision)

    def observation(self, indicator_id: str) -> Observation | None:
        return next((o for o in self.observations if o.indicator == indicator_id), None)

    def present_indicators(self) -> list[str]:
        """Ids of the signals answered `seen` or `told`, in the order they were answered."""
        return [o.indicator for o in self.observations if o.counts]


def text_limit(model: type[BaseModel], field: str) -> int:
    """The most characters the case stores in `model.field` (its `max_length`)."""
    for constraint in model.model_fields[field].metadata:
        limit = getattr(constraint, "max_length", None)
        if isinstance(limit, int):
            return limit
    raise LookupError(f"{model.__name__}.{field} has no length limit")
