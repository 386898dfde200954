"""Referral advice: which contacts, how urgently and why, from the catalog's routing rules."""

from __future__ import annotations

from signaal.assessment.conditions import Facts, holds
from signaal.assessment.result import Referral
from signaal.content.catalog import Catalog
from signaal.content.models import Urgency

URGENCY_ORDER: dict[Urgency, int] = {"immediate": 0, "today": 1, "soon": 2, "info": 3}


def referrals(catalog: Catalog, facts: Facts) -> list[Referral]:
    """Contacts of every routing rule that holds, most urgent first, each contact once.

    A contact named by several rules keeps its most urgent advice (and that rule's reason first);
    within one urgency, contacts keep the order of the rules in the catalog.
    """
    found: dict[str, Referral] = {}
    for rule in catalog.routing_rules:
        if not holds(rule.when, facts):
            continue
        for target in rule.refer:
            known = found.get(target.contact)
            if known is None:
                found[target.contact] = Referral(
                    contact=target.contact,
                    urgency=target.urgency,
                    reason=rule.reason,
                    rules=[rule.id],
                    reasons=[rule.reason],
                )
                continue
            rules = known.rules if rule.id in known.rules else [*known.rules, rule.id]
            reasons = (
                known.reasons if rule.reason in known.reasons else [*known.reasons, rule.reason]
            )
            if URGENCY_ORDER[target.urgency] < URGENCY_ORDER[known.urgency]:
                found[target.contact] = known.model_copy(
                    update={
                        "urgency": target.urgency,
                        "reason": rule.reason,
                        "rules": [rule.id, *(r for r in rules if r != rule.id)],
                        "reasons": [rule.reason, *(r for r in reasons if r != rule.reason)],
                    }
                )
            else:
                found[target.contact] = known.model_copy(
                    update={"rules": rules, "reasons": reasons}
                )
    order = {contact: index for index, contact in enumerate(found)}
    return sorted(found.values(), key=lambda r: (URGENCY_ORDER[r.urgency], order[r.contact]))
