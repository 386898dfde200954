"""The routing rules on the contract signal ids are enabled: once they waited in
resources/content/pending/ for the signal list that defines those ids; now they must stay in use.
"""

from __future__ import annotations

from signaal.content import load_catalog

CONTRACT_INDICATORS = [
    "csa-disclosure",
    "csa-sti-young-child",
    "csa-online-sextortion",
    "csa-online-grooming",
]


def test_routing_rules_use_the_contract_signals() -> None:
    catalog = load_catalog(use_compiled=False)
    used = {i for rule in catalog.routing_rules for i in rule.when.indicators_any}
    assert set(CONTRACT_INDICATORS) <= used
