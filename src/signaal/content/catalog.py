"""The validated catalog: all content files merged, with the look-ups the rules and screens need."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from signaal.content.models import (
    AcuteDangerQuestion,
    AgeBand,
    CatalogInfo,
    Checklist,
    Concern,
    ConflictOfDutiesQuestion,
    Contact,
    DelphiRule,
    Dimension,
    FlagCriterion,
    FlagLevel,
    Guidance,
    Indicator,
    Protocol,
    RefusedWords,
    Relation,
    Role,
    RoutingRule,
    Source,
    Step3Exception,
    Strict,
    TraffickingRule,
    UnsafetyDefinition,
    UrgencyWords,
    WeighingQuestion,
    WeighingScope,
)
from signaal.content.models import ConcernRule as ConcernRuleModel


# No slots: the look-ups below are cached in the instance's __dict__.
@dataclass(frozen=True, kw_only=True)
class Catalog(Strict):
    """Everything Signaal knows, immutable once loaded."""

    info: CatalogInfo
    sources: list[Source]
    age_bands: list[AgeBand]
    concerns: list[Concern]
    relations: list[Relation]
    roles: list[Role]
    protocols: list[Protocol]
    weighing_questions: list[WeighingQuestion]
    unsafety: list[UnsafetyDefinition]
    step3_exceptions: list[Step3Exception]
    conflict_of_duties: list[ConflictOfDutiesQuestion]
    acute_danger: list[AcuteDangerQuestion]
    guidance: list[Guidance]
    contacts: list[Contact]
    checklists: list[Checklist]
    dimensions: list[Dimension]
    flag_criteria: list[FlagCriterion]
    flag_levels: list[FlagLevel]
    delphi_rule: DelphiRule
    trafficking_rules: list[TraffickingRule]
    concern_rules: list[ConcernRuleModel]
    routing_rules: list[RoutingRule]
    # Optional kinds (added for issue 13): a catalog without them stays valid.
    weighing_scopes: list[WeighingScope] = field(default_factory=list)
    refused_words: list[RefusedWords] = field(default_factory=list)
    urgency_words: list[UrgencyWords] = field(default_factory=list)

    @cached_property
    def indicators_by_id(self) -> dict[str, tuple[Checklist, Indicator]]:
        return {
            indicator.id: (checklist, indicator)
            for checklist in self.checklists
            for indicator in checklist.indicators
        }

    @cached_property
    def replaced_by(self) -> dict[str, str]:
        """Old signal ids merged into another signal, each mapped to the signal that holds it."""
        return {
            old: indicator.id
            for checklist in self.checklists
            for indicator in checklist.indicators
            for old in indicator.replaces
        }

    @cached_property
    def contacts_by_id(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.contacts}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.roles}

    @cached_property
    def protocols_by_id(self) -> dict[str, Protocol]:
        return {protocol.id: protocol for protocol in self.protocols}

    @cached_property
    def questions_by_id(self) -> dict[str, WeighingQuestion]:
        return {question.id: question for question in self.weighing_questions}

    @cached_property
    def dimensions_by_id(self) -> dict[str, Dimension]:
        return {dimension.id: dimension for dimension in self.dimensions}

    @cached_property
    def age_bands_by_id(self) -> dict[str, AgeBand]:
        return {band.id: band for band in self.age_bands}

    @cached_property
    def concerns_by_id(self) -> dict[str, Concern]:
        return {concern.id: concern for concern in self.concerns}

    def indicator(self, indicator_id: str) -> Indicator:
        return self.indicators_by_id[indicator_id][1]

    def contact(self, contact_id: str) -> Contact:
        return self.contacts_by_id[contact_id]

    def role(self, role_id: str) -> Role:
        return self.roles_by_id[role_id]

    def protocol_for(self, role_id: str) -> Protocol:
        return self.protocols_by_id[self.role(role_id).protocol]

    def age_band_for(self, age: int) -> AgeBand:
        """The band an age in whole years falls in."""
        for band in self.age_bands:
            if band.covers(age):
                return band
        raise ValueError(f"no age band covers age {age}")

    def minor_at(self, age: int) -> bool | None:
        """Whether someone of this age is a minor, by the catalog's age bands (None: no band)."""
        try:
            return self.age_band_for(age).minor
        except ValueError:
            return None

    def fits_age(self, bands: list[str], age_band: str | None, minor: bool | None = None) -> bool:
        """Whether an item for `bands` applies: to the known band, else to a child or an adult
        of unknown age (`minor`), else (nothing known) always."""
        if age_band is not None:
            return age_band in bands
        if minor is None:
            return True
        by_id = self.age_bands_by_id
        return any(by_id[band].minor is minor for band in bands if band in by_id)

    def checklists_for(
        self, role: str, age_band: str | None, concerns: list[str], minor: bool | None = None
    ) -> list[Checklist]:
        """The checklists that fit a role, an age band (None: any, or any band of a child or
        adult when `minor` is known) and the chosen concerns."""
        return [
            checklist
            for checklist in self.checklists
            if (not checklist.roles or role in checklist.roles)
            and self.fits_age(checklist.age_bands, age_band, minor)
            and any(concern in checklist.concerns for concern in concerns)
        ]

    def indicators_for(
        self,
        checklist: Checklist,
        role: str,
        age_band: str | None,
        minor: bool | None = None,
        concerns: list[str] | None = None,
    ) -> list[Indicator]:
        """The indicators of one checklist that this role sees for this age band (or child or
        adult of unknown age) and, when given, these concerns."""
        return [
            indicator
            for indicator in checklist.indicators
            if (not indicator.roles or role in indicator.roles)
            and self.fits_age(indicator.age_bands, age_band, minor)
            and (
                concerns is None
                or not indicator.concerns
                or any(concern in indicator.concerns for concern in concerns)
            )
        ]

    def shown_once(
        self, lists: list[tuple[Checklist, list[Indicator]]], answered: frozenset[str] = frozenset()
    ) -> list[tuple[Checklist, list[Indicator]]]:
        """The signals of several lists with each fact once: a signal that a shown signal of
        another list counts as (`counts_as` to a signal list) is left out, unless answered."""
        shown = {indicator.id for _checklist, indicators in lists for indicator in indicators}
        duplicates = {
            target
            for _checklist, indicators in lists
            for indicator in indicators
            for target in indicator.counts_as
            if target in shown and self.indicators_by_id[target][0].kind == "signals"
        } - answered
        kept = [
            (checklist, [i for i in indicators if i.id not in duplicates])
            for checklist, indicators in lists
        ]
        return [(checklist, indicators) for checklist, indicators in kept if indicators]

    @property
    def first_weighing_question(self) -> WeighingQuestion:
        """The first question of the shared afwegingskader."""
        return min(self.questions_of(None), key=lambda question: question.number)

    def guidance_for(self, guidance_id: str, role_id: str) -> Guidance | None:
        """The guidance a role sees for this id: a role's own replacement, else the general one
        (None when it is meant for other roles only)."""
        for guidance in self.guidance:
            if guidance.replaces == guidance_id and role_id in guidance.roles:
                return guidance
        for guidance in self.guidance:
            if guidance.id == guidance_id and (not guidance.roles or role_id in guidance.roles):
                return guidance
        return None

    def questions_of(self, protocol_id: str | None) -> list[WeighingQuestion]:
        """The questions of one protocol's own weighing, or (None) of the afwegingskader."""
        return [q for q in self.weighing_questions if q.protocol == protocol_id]

    def weighing_protocol(self, role_id: str) -> str | None:
        """The protocol whose own questions this role walks; None: the shared afwegingskader."""
        role = self.roles_by_id.get(role_id)
        protocol = None if role is None else self.protocols_by_id.get(role.protocol)
        return protocol.id if protocol is not None and protocol.outcomes else None

    def questions_for(self, role_id: str) -> list[WeighingQuestion]:
        """The weighing questions this role answers, in number order."""
        questions = self.questions_of(self.weighing_protocol(role_id))
        return sorted(questions, key=lambda question: question.number)

    def flow_for(self, role_id: str) -> str:
        """Which flow the window walks for this role ("meldcode" or "intake")."""
        role = self.roles_by_id.get(role_id)
        protocol = None if role is None else self.protocols_by_id.get(role.protocol)
        return "meldcode" if protocol is None else protocol.flow

    def outcome_name(self, outcome_id: str, language: str) -> str | None:
        """The content's name of a protocol's own outcome; None for the afwegingskader's."""
        for protocol in self.protocols:
            for outcome in protocol.outcomes:
                if outcome.id == outcome_id:
                    return outcome.name.get(language)
        return None
