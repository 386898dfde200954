"""The assessment as the plain JSON `signaal-cli assess` prints, texts in one language.

Top-level keys: `trafficking`, `concern_level`, `weighing`, `referrals` (the contract), plus
explanations and notes so that every conclusion can be traced to signals, rules and answers.
"""

from __future__ import annotations

from typing import Any

from signaal.assessment.result import Assessment, DimensionResult, Explanation, TraffickingResult


def _explanations(items: list[Explanation], language: str) -> list[dict[str, Any]]:
    return [
        {
            "rule": e.rule,
            "text": e.text.get(language),
            "indicators": e.indicators,
            "questions": e.questions,
            "dimension": e.dimension,
        }
        for e in items
    ]


def _dimension(result: DimensionResult) -> dict[str, Any]:
    return {
        "positive": result.positive,
        "counts": {"strong": result.strong, "medium": result.medium, "weak": result.weak},
        "combination": result.combination,
        "indicators": result.indicators,
    }


def _trafficking(result: TraffickingResult, language: str) -> dict[str, Any]:
    return {
        "list": result.checklist,
        "minor": result.minor,
        "dimensions": {name: _dimension(d) for name, d in result.dimensions.items()},
        "profile": result.profile,
        "rule": result.rule,
        "note": None if result.note is None else result.note.get(language),
        "explanations": _explanations(result.explanations, language),
    }


def assessment_json(assessment: Assessment, language: str = "nl") -> dict[str, Any]:
    """A JSON-ready dict; `language` picks the Dutch or English texts."""
    return {
        "trafficking": [_trafficking(result, language) for result in assessment.trafficking],
        "concern_level": assessment.concern.level,
        "concern_assessed": assessment.concern.assessed,
        "concern_explanations": _explanations(assessment.concern.explanations, language),
        "weighing": {
            "outcome": assessment.weighing.outcome,
            "path": assessment.weighing.path,
            "consult_veilig_thuis": assessment.weighing.consult_veilig_thuis,
            "acute_danger": assessment.weighing.acute_danger,
            "scope": assessment.weighing.scope,
            "needs_relation": assessment.weighing.needs_relation,
            "explanations": _explanations(assessment.weighing.explanations, language),
        },
        "referrals": [
            {
                "contact": r.contact,
                "urgency": r.urgency,
                "reason": r.reason.get(language),
                "reasons": [reason.get(language) for reason in r.reasons],
                "rules": r.rules,
                "indicators": r.indicators,
            }
            for r in assessment.referrals
        ],
        "notes": _explanations(assessment.notes, language),
    }
