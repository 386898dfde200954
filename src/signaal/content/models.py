"""The catalog's shape: every checklist, rule, question and contact a content editor maintains.

Each model refuses anything incomplete (a missing language, an empty string, an unknown key), so
that a broken content file is caught when it is loaded, never halfway through a consultation.
The models are plain frozen dataclasses: pydantic validates them (with the `Limits` below) where
content is read from TOML (`loader`), while the app builds them from the compiled catalog, checked
when it was built, without importing pydantic (`compiled`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, cast

from signaal.i18n import N_

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


class Limits:
    """Limits pydantic checks when it validates content: keywords of its core schema for the
    annotated type (`pattern`, `min_length`, `max_length`, `strip_whitespace`, `ge`, `le`).

    Plain data, so the models need no pydantic import; pydantic finds this hook in `Annotated`.
    """

    __slots__ = ("limits",)

    def __init__(self, **limits: object) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return cast("CoreSchema", {**handler(source), **self.limits})


Id = Annotated[str, Limits(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*\+?$", max_length=80)]
NonEmpty = Annotated[str, Limits(strip_whitespace=True, min_length=1)]
Weight = Literal["strong", "medium", "weak"]
Flag = Literal["green", "yellow", "red", "black"]
ConcernLevel = Literal["none", "possible", "clear"]
Urgency = Literal["immediate", "today", "soon", "info"]
WeighingOutcome = Literal["close", "report", "help-and-monitor", "not-applicable"]
Answer = Literal["yes", "no", "unsure"]
Verification = Literal["verified", "verified-old", "secondary", "unverified", "conflict"]
ChecklistKind = Literal["ilo", "signals", "flags"]
DimensionGroup = Literal["recruitment", "exploitation", "destination"]
Profile = Literal["indicated", "partly-indicated", "not-indicated"]
WeightBasis = Literal["transcribed", "derived"]
# Messages of the model validators: English msgids that the loader translates for the editor.
STEPS_OUT_OF_ORDER = N_("the steps must be numbered 1 to 5, in that order")
CONTACT_UNREACHABLE = N_("a contact needs a phone number or a channel")
CONTACT_DOUBT_UNEXPLAINED = N_(
    "an unverified or conflicting contact needs an editor_note that explains the doubt"
)

RelationId = Literal[
    "household",
    "dependency",
    "school-staff",
    "employer",
    "online-contact",
    "peer",
    "stranger",
    "unknown",
]
# Old case files may name this relation; the window shows it as its empty "not known" choice
# instead of a second, near-identical list entry.
UNKNOWN_RELATION: RelationId = "unknown"


@dataclass(frozen=True, kw_only=True, slots=True)
class Strict:
    """Base for catalog models: immutable, and unknown keys are errors (typos must not pass)."""

    # pydantic's configuration for validating a stdlib dataclass (a `ConfigDict`).
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Text(Strict):
    """A text a user reads, in Dutch and English side by side."""

    nl: NonEmpty
    en: NonEmpty

    def get(self, language: str) -> str:
        """The text in `language`; anything but Dutch reads English."""
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True, kw_only=True, slots=True)
class Sourced(Strict):
    """An item that cites one or more entries of the catalog's source list.

    `editor_note` is for the people who maintain the content (what to re-check, where sources
    disagree, what a figure rests on). No screen and no PDF ever shows it.
    """

    sources: Annotated[list[Id], Limits(min_length=1)]
    editor_note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class CatalogInfo(Strict):
    editor_note: str | None = None
    version: NonEmpty
    date: dt.date
    title: Text
    disclaimer: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class Source(Strict):
    """A publication the content rests on: a specific page or document a reader can open.

    `accessed` is the day the page was read for the content; `editor_note` (never shown) says
    what it was checked for, or what could not be checked.
    """

    id: Id
    title: NonEmpty
    publisher: NonEmpty
    year: Annotated[int, Limits(ge=1990, le=2100)]
    url: NonEmpty
    accessed: dt.date | None = None
    editor_note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class AgeBand(Strict):
    """Ages `min_age` up to and including `max_age` (no maximum for adults)."""

    id: Id
    name: Text
    min_age: Annotated[int, Limits(ge=0)]
    max_age: Annotated[int, Limits(ge=0)] | None = None
    minor: bool

    def covers(self, age: int) -> bool:
        """Whether an age in whole years falls in this band."""
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)


@dataclass(frozen=True, kw_only=True, slots=True)
class Concern(Sourced):
    id: Id
    name: Text
    description: Text
    age_bands: Annotated[list[Id], Limits(min_length=1)]
    # A sexual form of harm: choosing it shows where to turn after recent sexual contact.
    sexual: bool = False
    # The concern whose ILO/EC lists apply when no list covers this one (criminal exploitation
    # borrows the labour lists, content reference 2.2).
    borrows_lists_of: Id | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Relation(Strict):
    id: RelationId
    name: Text
    description: Text
    household: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class ProtocolStep(Strict):
    """One step; `verification` and `editor_note` are for editors and never rendered: a step
    known only second-hand says so here."""

    number: Annotated[int, Limits(ge=1, le=5)]
    title: Text
    description: Text
    weighing_questions: list[Id] = field(default_factory=list)
    sources: list[Id] = field(default_factory=list)
    verification: Verification = "verified"
    editor_note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ProtocolOutcome(Sourced):
    """An outcome of a protocol's own weighing (e.g. Veilig Thuis's safety assessment)."""

    id: Id
    name: Text
    description: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class Protocol(Sourced):
    """One variant of the meldcode's five steps (basismodel, KNMG, ...)."""

    id: Id
    name: Text
    description: Text
    steps: Annotated[list[ProtocolStep], Limits(min_length=5, max_length=5)]
    reporting_norms: Annotated[list[Text], Limits(min_length=1)]
    # "meldcode": toward Veilig Thuis (meldcode steps, afwegingskader, referral); "intake": where
    # reports arrive (intake, own safety assessment, handover).
    flow: Literal["meldcode", "intake"] = "meldcode"
    # A protocol with its own outcomes walks its own questions (those whose `protocol` is its id)
    # instead of the shared afwegingskader.
    outcomes: list[ProtocolOutcome] = field(default_factory=list)
    weighing_title: Text | None = None
    weighing_intro: Text | None = None
    # What acute danger asks of this protocol's users, first in the weighing's explanation
    # (check-content requires it of every protocol).
    on_acute_danger: Text | None = None

    def __post_init__(self) -> None:
        if [step.number for step in self.steps] != list(range(1, len(self.steps) + 1)):
            raise ValueError(STEPS_OUT_OF_ORDER)


@dataclass(frozen=True, kw_only=True, slots=True)
class Role(Sourced):
    id: Id
    name: Text
    description: Text
    legal_position: Text
    protocol: Id
    consultation_partners: Text
    # The contact this role works for: the routing never refers the role to itself, and a rule
    # that names it does not fire for this role.
    own_contact: Id | None = None
    # What the role's document is called ("Overdracht" + "vanuit Veilig Thuis") and which
    # purposes the role can choose; empty means every purpose.
    document_from: Text | None = None
    purposes: list[Literal["melding", "advice", "handover", "file"]] = field(default_factory=list)
    # How the role writes a dossier note: "soep" splits it into S/O/E/P (the GP's record).
    note_format: Literal["plain", "soep"] = "plain"
    # Meldcode step 3 in this role's words: whom to talk with about a child and about an adult
    # (examples), and the step's title for an adult (the protocol's own names the parents).
    # Not set: words for any role.
    talk_with_child: Text | None = None
    talk_with_adult: Text | None = None
    talk_title_adult: Text | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Branch(Strict):
    """Where an answer leads: to the next question, or to an outcome (exactly one of the two)."""

    next: Id | None = None
    outcome: Id | None = None
    explanation: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class WeighingQuestion(Sourced):
    """One afwegingskader question; the walk follows `on_yes` / `on_no` from the first question."""

    id: Id
    number: Annotated[int, Limits(ge=1)]
    question: Text
    explanation: Text
    # None: the shared afwegingskader; otherwise the protocol whose own questions these are.
    protocol: Id | None = None
    on_yes: Branch
    on_no: Branch
    on_unsure: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class UnsafetyDefinition(Sourced):
    id: Id
    name: Text
    definition: Text
    examples: list[Text] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class Step3Exception(Sourced):
    """A reason to skip the conversation (step 3) or not to inform those involved."""

    id: Id
    text: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class ConflictOfDutiesQuestion(Sourced):
    id: Id
    number: Annotated[int, Limits(ge=1)]
    question: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class AcuteDangerQuestion(Sourced):
    id: Id
    question: Text
    help: Text | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Guidance(Sourced):
    """Longer explanatory text shown on demand (step-3 conversation, facts versus judgement...)."""

    id: Id
    title: Text
    body: Annotated[list[Text], Limits(min_length=1)]
    # Empty: every role. A guidance that `replaces` another is shown instead of it to its roles.
    roles: list[Id] = field(default_factory=list)
    replaces: Id | None = None
    # The page that shows it (one of content/code_ids.py's GUIDANCE_PAGES), in the order of the
    # files; a guidance that `replaces` another is shown in that one's place and names none.
    page: Id | None = None
    # Weighing outcomes whose explanation cites it (title and first paragraph).
    outcomes: list[Id] = field(default_factory=list)


# A national emergency number is not one anyone needs to check: no "checked on" line for it.
EMERGENCY_NUMBERS = frozenset({"112"})


@dataclass(frozen=True, kw_only=True, slots=True)
class Contact(Sourced):
    id: Id
    name: Text
    purpose: Text
    phone: NonEmpty | None = None
    channel: Text | None = None
    hours: Text
    available_24_7: bool = False
    verification: Verification
    verified_on: dt.date
    # Where the number and hours were checked on `verified_on` (for editors; never shown).
    checked_in: str | None = None

    @property
    def shows_check(self) -> bool:
        """Whether to show when the number was checked (not for the emergency number)."""
        return self.phone not in EMERGENCY_NUMBERS

    def __post_init__(self) -> None:
        if self.phone is None and self.channel is None:
            raise ValueError(CONTACT_UNREACHABLE)
        if self.verification in ("unverified", "conflict") and self.editor_note is None:
            raise ValueError(CONTACT_DOUBT_UNEXPLAINED)


@dataclass(frozen=True, kw_only=True, slots=True)
class Section(Strict):
    editor_note: str | None = None
    id: Id
    title: Text
    description: Text | None = None
    dimension: Id | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Indicator(Sourced):
    """One signal on a checklist. `roles` empty means every role sees it."""

    id: Id
    section: Id
    text: Text
    help: Text | None = None
    dimension: Id | None = None
    weight: Weight | None = None
    weight_adapted_from: Text | None = None
    # True for an item on an ILO-based list that is on no ILO/EC list (an addition of ours).
    ilo_addition: bool = False
    flag: Flag | None = None
    age_bands: Annotated[list[Id], Limits(min_length=1)]
    roles: list[Id] = field(default_factory=list)
    # The concerns this signal is shown for; empty means every concern of its checklist.
    concerns: list[Id] = field(default_factory=list)
    # A Dutch signal that corresponds to ILO/EC indicators counts toward them in the profile.
    counts_as: list[Id] = field(default_factory=list)
    # Ids of signals merged into this one: case files that still name them stay readable.
    replaces: list[Id] = field(default_factory=list)
    # Words of the signals merged into this one, so that a search for any of them finds it.
    keywords: list[Text] = field(default_factory=list)

    def search_text(self, language: str) -> str:
        """What a search looks through: the text, the help and the keywords, case-folded."""
        parts = [self.text.get(language)]
        if self.help is not None:
            parts.append(self.help.get(language))
        parts += [keyword.get(language) for keyword in self.keywords]
        return " ".join(parts).casefold()


@dataclass(frozen=True, kw_only=True, slots=True)
class Checklist(Sourced):
    id: Id
    title: Text
    description: Text
    kind: ChecklistKind
    concerns: Annotated[list[Id], Limits(min_length=1)]
    age_bands: Annotated[list[Id], Limits(min_length=1)]
    roles: list[Id] = field(default_factory=list)
    note: Text | None = None
    # ILO lists: "transcribed" weights follow the published list (through a transcription not
    # yet checked against the original; also assumed when unset); "derived" weights were
    # adapted by the editors and make every result from the list provisional.
    weights: WeightBasis | None = None
    sections: Annotated[list[Section], Limits(min_length=1)]
    indicators: Annotated[list[Indicator], Limits(min_length=1)]


@dataclass(frozen=True, kw_only=True, slots=True)
class Dimension(Strict):
    """One ILO/EC dimension; `name` is the ILO term, `plain` the words a user reads first."""

    editor_note: str | None = None
    id: Id
    name: Text
    plain: Text | None = None
    group: DimensionGroup
    description: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class FlagCriterion(Sourced):
    id: Id
    name: Text
    question: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class FlagLevel(Sourced):
    id: Flag
    name: Text
    description: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class WeightCombination(Strict):
    """Minimum counts per weight that together make a dimension positive."""

    strong: Annotated[int, Limits(ge=0)] = 0
    medium: Annotated[int, Limits(ge=0)] = 0
    weak: Annotated[int, Limits(ge=0)] = 0


@dataclass(frozen=True, kw_only=True, slots=True)
class DelphiRule(Sourced):
    """When a dimension counts as positive: any one of the combinations is met.

    `confirmed` only when the rule was read in the original, with page and quote in
    `editor_note`; otherwise the screen and the PDF say that it is unverified.
    """

    positive_when: Annotated[list[WeightCombination], Limits(min_length=1)]
    explanation: Text
    confirmed: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class TraffickingRule(Sourced):
    """How positive dimensions combine into an indicator profile, for minors or adults.

    Every group in `require` needs at least one positive dimension for `indicated`.
    """

    id: Id
    minor: bool
    require: Annotated[list[list[Id]], Limits(min_length=1)]
    explanation: Text
    exploitation_only: Text | None = None
    confirmed: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Condition(Strict):
    """All set fields must hold for a rule to fire (an unset field is no constraint).

    `indicators_any` and `checklists_any` each need `min_indicators` present signals; `any_of`
    holds when at least one nested condition holds, `none_of` when none of them does.
    """

    acute_danger: bool | None = None
    minor: bool | None = None
    disclosure: bool | None = None
    consent_to_refer: bool | None = None
    roles_any: list[Id] = field(default_factory=list)
    concerns_any: list[Id] = field(default_factory=list)
    relations_any: list[RelationId] = field(default_factory=list)
    indicators_any: list[Id] = field(default_factory=list)
    min_indicators: Annotated[int, Limits(ge=1)] = 1
    flags_any: list[Flag] = field(default_factory=list)
    max_days_since_sexual_contact: Annotated[int, Limits(ge=0)] | None = None
    concern_levels_any: list[ConcernLevel] = field(default_factory=list)
    profiles_any: list[Profile] = field(default_factory=list)
    outcomes_any: list[Id] = field(default_factory=list)
    # Added for the assessment engine: signals per checklist, age bands, and OR / NOT groups.
    checklists_any: list[Id] = field(default_factory=list)
    age_bands_any: list[Id] = field(default_factory=list)
    any_of: list[Condition] = field(default_factory=list)
    none_of: list[Condition] = field(default_factory=list)
    # Which of the catalog's acute situations applies (asked after a "yes" to acute danger).
    acute_situations_any: list[Id] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class ConcernRule(Sourced):
    """A level of concern for child sexual abuse that applies when `when` holds."""

    id: Id
    level: Literal["possible", "clear"]
    when: Condition
    reason: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class ReferralTarget(Strict):
    contact: Id
    urgency: Urgency


@dataclass(frozen=True, kw_only=True, slots=True)
class RoutingRule(Sourced):
    id: Id
    when: Condition
    refer: Annotated[list[ReferralTarget], Limits(min_length=1)]
    reason: Text


ScopeKind = Literal["not-applicable", "ask-relation"]


@dataclass(frozen=True, kw_only=True, slots=True)
class ScopeLine(Strict):
    """One line of the route shown instead of the afwegingskader; `roles` empty: every role."""

    text: Text
    roles: list[Id] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class WeighingScope(Sourced):
    """Where the meldcode (and so the afwegingskader) does not apply, or cannot be decided yet.

    `not-applicable` ends the weighing with that outcome and shows `route` instead of the
    questions; `ask-relation` holds the weighing until the relation of the suspected person is
    known. The first scope whose `when` holds applies.
    """

    id: Id
    kind: ScopeKind
    when: Condition
    explanation: Text
    route: list[ScopeLine] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class WordList(Strict):
    nl: list[NonEmpty] = field(default_factory=list)
    en: list[NonEmpty] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class RefusedWords(Sourced):
    """Words a signal text may not use: they presuppose what is still to be found out."""

    id: Id
    words: WordList
    reason: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class UrgencyWords(Strict):
    """Words that name a time; a routing reason may not name a time more urgent than the
    urgency of a contact it is shown with."""

    urgency: Urgency
    words: WordList


@dataclass(frozen=True, kw_only=True, slots=True)
class ContentFile(Strict):
    """What one TOML file may contribute; the loader concatenates these across files."""

    catalog: CatalogInfo | None = None
    source: list[Source] = field(default_factory=list)
    age_band: list[AgeBand] = field(default_factory=list)
    concern: list[Concern] = field(default_factory=list)
    relation: list[Relation] = field(default_factory=list)
    role: list[Role] = field(default_factory=list)
    protocol: list[Protocol] = field(default_factory=list)
    weighing_question: list[WeighingQuestion] = field(default_factory=list)
    unsafety: list[UnsafetyDefinition] = field(default_factory=list)
    step3_exception: list[Step3Exception] = field(default_factory=list)
    conflict_of_duties: list[ConflictOfDutiesQuestion] = field(default_factory=list)
    acute_danger: list[AcuteDangerQuestion] = field(default_factory=list)
    guidance: list[Guidance] = field(default_factory=list)
    contact: list[Contact] = field(default_factory=list)
    checklist: list[Checklist] = field(default_factory=list)
    dimension: list[Dimension] = field(default_factory=list)
    flag_criterion: list[FlagCriterion] = field(default_factory=list)
    flag_level: list[FlagLevel] = field(default_factory=list)
    delphi_rule: DelphiRule | None = None
    trafficking_rule: list[TraffickingRule] = field(default_factory=list)
    concern_rule: list[ConcernRule] = field(default_factory=list)
    routing_rule: list[RoutingRule] = field(default_factory=list)
    weighing_scope: list[WeighingScope] = field(default_factory=list)
    refused_words: list[RefusedWords] = field(default_factory=list)
    urgency_words: list[UrgencyWords] = field(default_factory=list)
