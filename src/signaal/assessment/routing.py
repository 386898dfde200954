"""Referral advice: which contacts, how urgently and why, from the catalog's routing rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from signaal.assessment.conditions import Facts, holds, matched_indicators
from signaal.assessment.result import Referral
from signaal.content.catalog import Catalog
from signaal.content.models import RoutingRule, Urgency

URGENCY_ORDER: dict[Urgency, int] = {"immediate": 0, "today": 1, "soon": 2, "info": 3}


@dataclass
class _Advice:
    """One contact while the rules are read: the most urgent rule first, the others after."""

    urgency: Urgency
    rules: list[RoutingRule] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)

    def add(self, rule: RoutingRule, urgency: Urgency, signals: list[str]) -> None:
        if URGENCY_ORDER[urgency] < URGENCY_ORDER[self.urgency]:
            self.urgency = urgency
            self.rules.insert(0, rule)
        elif rule not in self.rules:
            self.rules.append(rule)
        self.indicators = list(dict.fromkeys([*self.indicators, *signals]))


def referrals(catalog: Catalog, facts: Facts) -> list[Referral]:
    """Contacts of every routing rule that holds, most urgent first, each contact once.

    A contact named by several rules keeps its most urgent advice (and that rule's reason first);
    within one urgency, contacts keep the order in which the catalog's rules first name them.
    A role is never sent to its own organisation (`own_contact`): a rule that names it is
    written for those who refer there, so it does not fire for that role at all.
    """
    role = catalog.roles_by_id.get(facts.role)
    own = None if role is None else role.own_contact
    found: dict[str, _Advice] = {}
    for rule in catalog.routing_rules:
        if any(target.contact == own for target in rule.refer):
            continue
        if not holds(rule.when, facts):
            continue
        signals = matched_indicators(rule.when, facts)
        for target in rule.refer:
            advice = found.setdefault(target.contact, _Advice(urgency=target.urgency))
            advice.add(rule, target.urgency, signals)
    order = {contact: index for index, contact in enumerate(found)}
    ranked = sorted(found, key=lambda c: (URGENCY_ORDER[found[c].urgency], order[c]))
    return [
        Referral(
            contact=contact,
            urgency=found[contact].urgency,
            reason=found[contact].rules[0].reason,
            rules=[rule.id for rule in found[contact].rules],
            reasons=list(dict.fromkeys(rule.reason for rule in found[contact].rules)),
            indicators=found[contact].indicators,
        )
        for contact in ranked
    ]


def call_now(catalog: Catalog, advice: list[Referral]) -> list[Referral]:
    """The contacts to show at once under acute danger, in order: everything advised
    `immediate`, and what is advised `today` and can be reached day and night (the police)."""
    return [
        referral
        for referral in advice
        if referral.contact in catalog.contacts_by_id
        and (
            referral.urgency == "immediate"
            or (referral.urgency == "today" and catalog.contact(referral.contact).available_24_7)
        )
    ]
