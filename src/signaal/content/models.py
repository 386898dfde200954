"""The catalog's shape: every checklist, rule, question and contact a content editor maintains.

Each model refuses anything incomplete (a missing language, an empty string, an unknown key), so
that a broken content file is caught when it is loaded, never halfway through a consultation.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from signaal.i18n import N_

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*\+?$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
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


class Strict(BaseModel):
    """Base for catalog models: immutable, and unknown keys are errors (typos must not pass)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text a user reads, in Dutch and English side by side."""

    nl: NonEmpty
    en: NonEmpty

    def get(self, language: str) -> str:
        """The text in `language`; anything but Dutch reads English."""
        return self.nl if language == "nl" else self.en


class Sourced(Strict):
    """An item that cites one or more entries of the catalog's source list.

    `editor_note` is for the people who maintain the content (what to re-check, where sources
    disagree, what a figure rests on). No screen and no PDF ever shows it.
    """

    sources: list[Id] = Field(min_length=1)
    editor_note: str | None = None


class CatalogInfo(Strict):
    editor_note: str | None = None
    version: NonEmpty
    date: dt.date
    title: Text
    disclaimer: Text


class Source(Strict):
    """A publication the content rests on: a specific page or document a reader can open.

    `accessed` is the day the page was read for the content; `editor_note` (never shown) says
    what it was checked for, or what could not be checked.
    """

    id: Id
    title: NonEmpty
    publisher: NonEmpty
    year: int = Field(ge=1990, le=2100)
    url: NonEmpty
    accessed: dt.date | None = None
    editor_note: str | None = None


class AgeBand(Strict):
    """Ages `min_age` up to and including `max_age` (no maximum for adults)."""

    id: Id
    name: Text
    min_age: int = Field(ge=0)
    max_age: int | None = Field(default=None, ge=0)
    minor: bool

    def covers(self, age: int) -> bool:
        """Whether an age in whole years falls in this band."""
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)


class Concern(Sourced):
    id: Id
    name: Text
    description: Text
    age_bands: list[Id] = Field(min_length=1)
    # A sexual form of harm: choosing it shows where to turn after recent sexual contact.
    sexual: bool = False
    # The concern whose ILO/EC lists apply when no list covers this one (criminal exploitation
    # borrows the labour lists, content reference 2.2).
    borrows_lists_of: Id | None = None


class Relation(Strict):
    id: RelationId
    name: Text
    description: Text
    household: bool = False


class ProtocolStep(Strict):
    """One step; `verification` and `editor_note` are for editors and never rendered: a step
    known only second-hand says so here."""

    number: int = Field(ge=1, le=5)
    title: Text
    description: Text
    weighing_questions: list[Id] = []
    sources: list[Id] = []
    verification: Verification = "verified"
    editor_note: str | None = None


class ProtocolOutcome(Sourced):
    """An outcome of a protocol's own weighing (e.g. Veilig Thuis's safety assessment)."""

    id: Id
    name: Text
    description: Text


class Protocol(Sourced):
    """One variant of the meldcode's five steps (basismodel, KNMG, ...)."""

    id: Id
    name: Text
    description: Text
    steps: list[ProtocolStep] = Field(min_length=5, max_length=5)
    reporting_norms: list[Text] = Field(min_length=1)
    # "meldcode": toward Veilig Thuis (meldcode steps, afwegingskader, referral); "intake": where
    # reports arrive (intake, own safety assessment, handover).
    flow: Literal["meldcode", "intake"] = "meldcode"
    # A protocol with its own outcomes walks its own questions (those whose `protocol` is its id)
    # instead of the shared afwegingskader.
    outcomes: list[ProtocolOutcome] = []
    weighing_title: Text | None = None
    weighing_intro: Text | None = None
    # What acute danger asks of this protocol's users, first in the weighing's explanation
    # (check-content requires it of every protocol).
    on_acute_danger: Text | None = None

    @model_validator(mode="after")
    def _steps_in_order(self) -> Protocol:
        if [step.number for step in self.steps] != list(range(1, len(self.steps) + 1)):
            raise ValueError(STEPS_OUT_OF_ORDER)
        return self


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
    purposes: list[Literal["melding", "advice", "handover", "file"]] = []
    # How the role writes a dossier note: "soep" splits it into S/O/E/P (the GP's record).
    note_format: Literal["plain", "soep"] = "plain"
    # Meldcode step 3 in this role's words: whom to talk with about a child and about an adult
    # (examples), and the step's title for an adult (the protocol's own names the parents).
    # Not set: words for any role.
    talk_with_child: Text | None = None
    talk_with_adult: Text | None = None
    talk_title_adult: Text | None = None


class Branch(Strict):
    """Where an answer leads: to the next question, or to an outcome (exactly one of the two)."""

    next: Id | None = None
    outcome: Id | None = None
    explanation: Text


class WeighingQuestion(Sourced):
    """One afwegingskader question; the walk follows `on_yes` / `on_no` from the first question."""

    id: Id
    number: int = Field(ge=1)
    question: Text
    explanation: Text
    # None: the shared afwegingskader; otherwise the protocol whose own questions these are.
    protocol: Id | None = None
    on_yes: Branch
    on_no: Branch
    on_unsure: Text


class UnsafetyDefinition(Sourced):
    id: Id
    name: Text
    definition: Text
    examples: list[Text] = []


class Step3Exception(Sourced):
    """A reason to skip the conversation (step 3) or not to inform those involved."""

    id: Id
    text: Text


class ConflictOfDutiesQuestion(Sourced):
    id: Id
    number: int = Field(ge=1)
    question: Text


class AcuteDangerQuestion(Sourced):
    id: Id
    question: Text
    help: Text | None = None


class Guidance(Sourced):
    """Longer explanatory text shown on demand (step-3 conversation, facts versus judgement...)."""

    id: Id
    title: Text
    body: list[Text] = Field(min_length=1)
    # Empty: every role. A guidance that `replaces` another is shown instead of it to its roles.
    roles: list[Id] = []
    replaces: Id | None = None
    # The page that shows it (one of content/code_ids.py's GUIDANCE_PAGES), in the order of the
    # files; a guidance that `replaces` another is shown in that one's place and names none.
    page: Id | None = None
    # Weighing outcomes whose explanation cites it (title and first paragraph).
    outcomes: list[Id] = []


# A national emergency number is not one anyone needs to check: no "checked on" line for it.
EMERGENCY_NUMBERS = frozenset({"112"})


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

    @model_validator(mode="after")
    def _reachable_and_honest(self) -> Contact:
        if self.phone is None and self.channel is None:
            raise ValueError(CONTACT_UNREACHABLE)
        if self.verification in ("unverified", "conflict") and self.editor_note is None:
            raise ValueError(CONTACT_DOUBT_UNEXPLAINED)
        return self


class Section(Strict):
    editor_note: str | None = None
    id: Id
    title: Text
    description: Text | None = None
    dimension: Id | None = None


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
    age_bands: list[Id] = Field(min_length=1)
    roles: list[Id] = []
    # The concerns this signal is shown for; empty means every concern of its checklist.
    concerns: list[Id] = []
    # A Dutch signal that corresponds to ILO/EC indicators counts toward them in the profile.
    counts_as: list[Id] = []
    # Ids of signals merged into this one: case files that still name them stay readable.
    replaces: list[Id] = []
    # Words of the signals merged into this one, so that a search for any of them finds it.
    keywords: list[Text] = []

    def search_text(self, language: str) -> str:
        """What a search looks through: the text, the help and the keywords, case-folded."""
        parts = [self.text.get(language)]
        if self.help is not None:
            parts.append(self.help.get(language))
        parts += [keyword.get(language) for keyword in self.keywords]
        return " ".join(parts).casefold()


class Checklist(Sourced):
    id: Id
    title: Text
    description: Text
    kind: ChecklistKind
    concerns: list[Id] = Field(min_length=1)
    age_bands: list[Id] = Field(min_length=1)
    roles: list[Id] = []
    note: Text | None = None
    # ILO lists: "transcribed" weights follow the published list (through a transcription not
    # yet checked against the original; also assumed when unset); "derived" weights were
    # adapted by the editors and make every result from the list provisional.
    weights: WeightBasis | None = None
    sections: list[Section] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)


class Dimension(Strict):
    """One ILO/EC dimension; `name` is the ILO term, `plain` the words a user reads first."""

    editor_note: str | None = None
    id: Id
    name: Text
    plain: Text | None = None
    group: DimensionGroup
    description: Text


class FlagCriterion(Sourced):
    id: Id
    name: Text
    question: Text


class FlagLevel(Sourced):
    id: Flag
    name: Text
    description: Text


class WeightCombination(Strict):
    """Minimum counts per weight that together make a dimension positive."""

    strong: int = Field(default=0, ge=0)
    medium: int = Field(default=0, ge=0)
    weak: int = Field(default=0, ge=0)


class DelphiRule(Sourced):
    """When a dimension counts as positive: any one of the combinations is met.

    `confirmed` only when the rule was read in the original, with page and quote in
    `editor_note`; otherwise the screen and the PDF say that it is unverified.
    """

    positive_when: list[WeightCombination] = Field(min_length=1)
    explanation: Text
    confirmed: bool = False


class TraffickingRule(Sourced):
    """How positive dimensions combine into an indicator profile, for minors or adults.

    Every group in `require` needs at least one positive dimension for `indicated`.
    """

    id: Id
    minor: bool
    require: list[list[Id]] = Field(min_length=1)
    explanation: Text
    exploitation_only: Text | None = None
    confirmed: bool = False


class Condition(Strict):
    """All set fields must hold for a rule to fire (an unset field is no constraint).

    `indicators_any` and `checklists_any` each need `min_indicators` present signals; `any_of`
    holds when at least one nested condition holds, `none_of` when none of them does.
    """

    acute_danger: bool | None = None
    minor: bool | None = None
    disclosure: bool | None = None
    consent_to_refer: bool | None = None
    roles_any: list[Id] = []
    concerns_any: list[Id] = []
    relations_any: list[RelationId] = []
    indicators_any: list[Id] = []
    min_indicators: int = Field(default=1, ge=1)
    flags_any: list[Flag] = []
    max_days_since_sexual_contact: int | None = Field(default=None, ge=0)
    concern_levels_any: list[ConcernLevel] = []
    profiles_any: list[Profile] = []
    outcomes_any: list[Id] = []
    # Added for the assessment engine: signals per checklist, age bands, and OR / NOT groups.
    checklists_any: list[Id] = []
    age_bands_any: list[Id] = []
    any_of: list[Condition] = []
    none_of: list[Condition] = []
    # Which of the catalog's acute situations applies (asked after a "yes" to acute danger).
    acute_situations_any: list[Id] = []


class ConcernRule(Sourced):
    """A level of concern for child sexual abuse that applies when `when` holds."""

    id: Id
    level: Literal["possible", "clear"]
    when: Condition
    reason: Text


class ReferralTarget(Strict):
    contact: Id
    urgency: Urgency


class RoutingRule(Sourced):
    id: Id
    when: Condition
    refer: list[ReferralTarget] = Field(min_length=1)
    reason: Text


ScopeKind = Literal["not-applicable", "ask-relation"]


class ScopeLine(Strict):
    """One line of the route shown instead of the afwegingskader; `roles` empty: every role."""

    text: Text
    roles: list[Id] = []


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
    route: list[ScopeLine] = []


class WordList(Strict):
    nl: list[NonEmpty] = []
    en: list[NonEmpty] = []


class RefusedWords(Sourced):
    """Words a signal text may not use: they presuppose what is still to be found out."""

    id: Id
    words: WordList
    reason: Text


class UrgencyWords(Strict):
    """Words that name a time; a routing reason may not name a time more urgent than the
    urgency of a contact it is shown with."""

    urgency: Urgency
    words: WordList


class ContentFile(Strict):
    """What one TOML file may contribute; the loader concatenates these across files."""

    catalog: CatalogInfo | None = None
    source: list[Source] = []
    age_band: list[AgeBand] = []
    concern: list[Concern] = []
    relation: list[Relation] = []
    role: list[Role] = []
    protocol: list[Protocol] = []
    weighing_question: list[WeighingQuestion] = []
    unsafety: list[UnsafetyDefinition] = []
    step3_exception: list[Step3Exception] = []
    conflict_of_duties: list[ConflictOfDutiesQuestion] = []
    acute_danger: list[AcuteDangerQuestion] = []
    guidance: list[Guidance] = []
    contact: list[Contact] = []
    checklist: list[Checklist] = []
    dimension: list[Dimension] = []
    flag_criterion: list[FlagCriterion] = []
    flag_level: list[FlagLevel] = []
    delphi_rule: DelphiRule | None = None
    trafficking_rule: list[TraffickingRule] = []
    concern_rule: list[ConcernRule] = []
    routing_rule: list[RoutingRule] = []
    weighing_scope: list[WeighingScope] = []
    refused_words: list[RefusedWords] = []
    urgency_words: list[UrgencyWords] = []
