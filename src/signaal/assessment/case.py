"""The case: what the professional answered, held in memory only and never written by Signaal."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from signaal.content.models import Answer, RelationId

# Free text: generous but bounded, so a pasted document cannot exhaust memory. The window's
# fields take their limits from here (`text_limit`), so nothing is shown that is not stored.
FREE_TEXT_LIMIT = 200_000
SHORT_TEXT_LIMIT = 2_000
FreeText = Annotated[str, StringConstraints(max_length=FREE_TEXT_LIMIT)]
ShortText = Annotated[str, StringConstraints(max_length=SHORT_TEXT_LIMIT)]
ObservationStatus = Literal["seen", "told", "not-seen"]
# Who passed a told signal on: the person concerned, or someone else (by role or relation).
ToldBy = Literal["person", "third-party"]
QuoteOf = Literal["person", "third-party"]
PersonRole = Literal["child", "parent", "carer", "other"]
Purpose = Literal["melding", "advice", "handover", "file"]

# Dates a referral can sensibly carry; a year 1 or 9999 in a case file is a mistake, not a fact.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
# Days since sexual contact: at most a long human life.
MAX_DAYS = 130 * 366


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: object) -> object:
    """A `YYYY-MM-DD` string as a date, so strict validation still reads dates from JSON."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _sane_date(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(
            f"a date between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()} is expected"
        )
    return value


def _not_in_the_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError("a date of birth cannot lie in the future")
    return value


# A date given as `YYYY-MM-DD` (JSON) or a date object (the app), within sane years.
CaseDate = Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(_sane_date)]
BirthDate = Annotated[CaseDate, AfterValidator(_not_in_the_future)]


class CaseModel(BaseModel):
    """Base for case parts: unknown keys are errors, so a typo in a case file is reported."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ThirdParty(CaseModel):
    """Someone other than the person who told about a signal, named by role or relation."""

    third_party: ShortText = Field(
        default="", description='Role or relation of who told it: "moeder", "klasgenoot".'
    )


class Observation(CaseModel):
    """One answered signal. `seen` is the professional's own observation; `told` was heard."""

    indicator: str = Field(min_length=1, max_length=120)
    status: ObservationStatus
    facts: FreeText = ""
    quote: FreeText = ""
    told_by: ToldBy | ThirdParty | None = Field(
        default=None,
        description='Who told a `told` signal: "person" (the person concerned), "third-party" '
        '(someone else, not named) or {"third_party": "moeder"} (someone else, by role or '
        "relation).",
    )
    quote_of: QuoteOf | None = Field(
        default=None,
        description='Whose words the quote is: "person" (the person concerned\'s own words) or '
        '"third-party" (the words of whoever told it); not set: not recorded.',
    )
    observer: ShortText = ""
    when: ShortText = ""

    @property
    def counts(self) -> bool:
        """Whether the signal is present (seen or told); `not-seen` answers are kept but inert."""
        return self.status != "not-seen"

    @property
    def source(self) -> ToldBy | None:
        """Who told it as a category: the person, a third party, or not recorded."""
        if isinstance(self.told_by, ThirdParty):
            return "third-party"
        return self.told_by

    @property
    def teller(self) -> str:
        """The third party's role or relation ("moeder"), empty when not named."""
        return self.told_by.third_party.strip() if isinstance(self.told_by, ThirdParty) else ""


class Context(CaseModel):
    """Facts the routing rules ask about (acute danger, disclosure, who is involved...)."""

    acute_danger: bool | None = None
    disclosure: bool = False
    perpetrator_relation: RelationId | None = None
    days_since_sexual_contact: int | None = Field(default=None, ge=0, le=MAX_DAYS)
    consent_to_refer: bool | None = None
    # Which of the catalog's acute situations applies, when there is acute danger (optional).
    acute_situation: str | None = Field(default=None, max_length=120)


class Consultation(CaseModel):
    done: bool = False
    with_whom: ShortText = ""
    on: CaseDate | None = None
    vt_advice: bool = False
    vt_advice_on: CaseDate | None = None
    vt_advice_summary: FreeText = ""


class Conversation(CaseModel):
    """Step 3: talking with the person or the parents, or the exception that applied."""

    done: bool | None = None
    with_whom: ShortText = ""
    on: CaseDate | None = None
    reaction: FreeText = ""
    exception: str | None = Field(default=None, max_length=120)


class MeldcodeSteps(CaseModel):
    consultation: Consultation = Field(default_factory=Consultation)
    conversation: Conversation = Field(default_factory=Conversation)


class Reporter(CaseModel):
    """Who writes the referral; only printed where typed."""

    name: ShortText = ""
    job_title: ShortText = Field(
        default="", description='The reporter\'s own job title: "mentor groep 8", "huisarts".'
    )
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
    received_on: CaseDate | None = None
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

    assessed_on: CaseDate | None = None
    information: FreeText = Field(
        default="", description="What own records, police, the Board and professionals said."
    )
    reasons: FreeText = Field(default="", description="The reasons for the decision.")


class Person(CaseModel):
    """The person the concern is about: initials or a pseudonym by default."""

    initials: ShortText = ""
    name: ShortText = ""
    date_of_birth: BirthDate | None = None
    address: ShortText = Field(default="", description="Only when the user chooses to give it.")
    school: ShortText = ""
    school_class: ShortText = ""


class InvolvedPerson(CaseModel):
    """Someone else in the case: a child in the household, a parent or carer, another person."""

    role: PersonRole = Field(
        default="other",
        description="child: a child in the household; parent: a parent or carer with parental "
        "authority (gezag); carer: a parent or carer without it; other: anyone else involved.",
    )
    name: ShortText = Field(default="", description="Name or initials, only if the user wants.")
    relation: ShortText = Field(
        default="", description='Relation to the person concerned: "zus", "stiefvader".'
    )
    age: ShortText = Field(default="", description='Age or age band as known: "7", "about 12".')
    informed: bool | None = Field(
        default=None, description="Whether this person was told about the report."
    )
    notes: FreeText = ""


class SuspectedPerson(CaseModel):
    """What the reporter knows about the suspected person; all free text, all optional."""

    name: ShortText = Field(default="", description="Name or alias.")
    age: ShortText = Field(default="", description="Approximate age.")
    description: FreeText = ""
    vehicle: ShortText = ""
    phone: ShortText = ""
    social_media: ShortText = Field(default="", description="Social media handles.")


class Professional(CaseModel):
    """A professional already involved with the person or the family."""

    function: ShortText = Field(default="", description='"jeugdarts", "wijkteam".')
    name: ShortText = ""
    organisation: ShortText = ""
    contact: ShortText = Field(default="", description="Phone number or e-mail address.")
    notes: FreeText = ""


class NetworkMember(CaseModel):
    """Someone in the person's protective network: who can help keep them safe."""

    relation: ShortText = Field(default="", description='"oma", "buurvrouw", "trainer".')
    name: ShortText = ""
    contact: ShortText = ""
    notes: FreeText = Field(default="", description="What they can do for the person's safety.")


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
        description="Child (true) or adult (false), as answered; an age or age band that is "
        "given decides instead (and must agree). An adult of unknown age counts in the first "
        "adult band.",
    )
    concerns: list[str] = Field(
        default=[],
        description="Concern ids: child-sexual-abuse, sexual-, labour-, criminal-exploitation. "
        "None given: every concern that fits the age is looked at.",
    )
    concerns_not_sure: bool = Field(
        default=False,
        description='"Not sure" which concern: every concern that fits the age is looked at, '
        "also after the age changes.",
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
    persons: list[InvolvedPerson] = Field(
        default=[],
        description="Others involved: children in the household, parents or carers, others.",
    )
    suspected_person: SuspectedPerson = Field(default_factory=SuspectedPerson)
    professionals_involved: list[Professional] = Field(default=[])
    network: list[NetworkMember] = Field(default=[], description="The person's protective network.")
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
