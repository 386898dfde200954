"""The kinds of entry a content file may hold: the one list the loader and the checks share.

Each key is a top-level array in a TOML file (`[[source]]`, `[[contact]]`, ...); each value is the
`Catalog` attribute that holds the merged entries.
"""

from __future__ import annotations

CONTENT_KINDS: dict[str, str] = {
    "weighing_scope": "weighing_scopes",
    "refused_words": "refused_words",
    "urgency_words": "urgency_words",
    "source": "sources",
    "age_band": "age_bands",
    "concern": "concerns",
    "relation": "relations",
    "role": "roles",
    "protocol": "protocols",
    "weighing_question": "weighing_questions",
    "unsafety": "unsafety",
    "step3_exception": "step3_exceptions",
    "conflict_of_duties": "conflict_of_duties",
    "acute_danger": "acute_danger",
    "guidance": "guidance",
    "contact": "contacts",
    "checklist": "checklists",
    "dimension": "dimensions",
    "flag_criterion": "flag_criteria",
    "flag_level": "flag_levels",
    "trafficking_rule": "trafficking_rules",
    "concern_rule": "concern_rules",
    "routing_rule": "routing_rules",
}

# Kinds whose entries hold no text a user reads (word lists for the checks), and the kind whose
# entries are walked part by part (a checklist's sections and indicators).
NOT_SHOWN_KINDS = frozenset({"refused_words", "urgency_words"})
