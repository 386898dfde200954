"""The assessment as the plain JSON `signaal-cli assess` prints, texts in one language."""

from __future__ import annotations

from typing import Any

from signaal.assessment.result import Assessment, Explanation


def _explanations(items: list[Explanation], language: str) -> list[dict[str, Any]]:
    return [
        {
            "rule": e.rule,
            "text": e.text.get(language),
            "indicators": e.indicators,
            "questions": e.questions,
        }
        for e in items
    ]


def assessment_json(assessment: Assessment, language: str = "nl") -> dict[str, Any]:
    return {
        "trafficking": [
            {
                "list": result.checklist,
                "dimensions": {
                    dimension: {
                        "positive": d.positive,
                        "counts": {"strong": d.strong, "medium": d.medium, "weak": d.weak},
                        "indicators": d.indicators,
                    }
                    for dimension, d in result.dimensions.items()
                },
                "profile": result.profile,
                "explanations": _explanations(result.explanations, language),
            }
            for result in assessment.trafficking
        ],
        "concern_level": assessment.concern.level,
        "concern_explanations": _explanations(assessment.concern.explanations, language),
        "weighing": {
            "outcome": assessment.weighing.outcome,
            "path": assessment.weighing.path,
            "consult_veilig_thuis": assessment.weighing.consult_veilig_thuis,
            "explanations": _explanations(assessment.weighing.explanations, language),
        },
        "referrals": [
            {
                "contact": r.contact,
                "urgency": r.urgency,
                "reason": r.reason.get(language),
                "rules": r.rules,
            }
            for r in assessment.referrals
        ],
    }
