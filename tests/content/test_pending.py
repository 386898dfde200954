"""Routing rules on the contract signal ids wait in resources/content/pending/ until the signal
list that defines those ids is merged; these tests keep them valid and make sure they are enabled.
"""

from __future__ import annotations

from pathlib import Path

from signaal.content import load_catalog
from signaal.resources import resource_path

PENDING = resource_path("content", "pending", "routing-signals.toml.pending")
CONTRACT_INDICATORS = [
    "csa-disclosure",
    "csa-sti-young-child",
    "csa-online-sextortion",
    "csa-online-grooming",
]
STUB_LIST = """
[[checklist]]
id = "stub-signals"
title = {{ nl = "Stub", en = "Stub" }}
description = {{ nl = "Stub", en = "Stub" }}
kind = "signals"
concerns = ["child-sexual-abuse"]
age_bands = ["0-4", "4-12", "12-18"]
sources = ["meldcode-nu"]

[[checklist.sections]]
id = "stub"
title = {{ nl = "Stub", en = "Stub" }}
{indicators}
"""
STUB_INDICATOR = """
[[checklist.indicators]]
id = "{id}"
section = "stub"
text = {{ nl = "Stub", en = "Stub" }}
age_bands = ["4-12"]
sources = ["meldcode-nu"]
"""


def test_pending_rules_are_enabled_once_their_signals_exist() -> None:
    catalog = load_catalog(use_compiled=False)
    if not PENDING.exists():
        used = {i for rule in catalog.routing_rules for i in rule.when.indicators_any}
        assert set(CONTRACT_INDICATORS) <= used
        return
    present = [i for i in CONTRACT_INDICATORS if i in catalog.indicators_by_id]
    assert present == [], (
        "The signal list now defines the contract ids; enable the pending routing rules: "
        "cat resources/content/pending/routing-signals.toml.pending >> "
        "resources/content/routing.toml && git rm -rq resources/content/pending"
    )


def test_pending_rules_load_next_to_a_list_that_defines_the_ids(content_copy: Path) -> None:
    if not PENDING.exists():
        return
    routing = content_copy / "routing.toml"
    routing.write_text(
        routing.read_text(encoding="utf-8") + PENDING.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    indicators = "".join(STUB_INDICATOR.format(id=i) for i in CONTRACT_INDICATORS)
    (content_copy / "stub.toml").write_text(STUB_LIST.format(indicators=indicators))
    catalog = load_catalog(content_copy, use_compiled=False)
    rules = {rule.id: rule for rule in catalog.routing_rules}
    assert {"csa-disclosure", "online-sextortion", "online-grooming"} <= set(rules)
    assert catalog.routing_rules[0].id == "acute-danger"
