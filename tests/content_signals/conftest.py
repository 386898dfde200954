"""Helpers for the signal-list tests: build a small case and assess it against the real catalog."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from signaal.assessment import Assessment, Case, Observation, assess
from signaal.content import Catalog

AssessCase = Callable[..., Assessment]


@pytest.fixture
def assess_case(catalog: Catalog) -> AssessCase:
    """Assess a case with the given present (seen) indicators; keyword arguments go to `Case`."""

    def run(
        *indicators: str,
        role: str = "teacher",
        age: int = 7,
        concerns: tuple[str, ...] = ("child-sexual-abuse",),
        status: str = "seen",
        **fields: object,
    ) -> Assessment:
        case = Case.model_validate(
            {
                "role": role,
                "age": age,
                "concerns": list(concerns),
                "observations": [
                    Observation.model_validate({"indicator": i, "status": status})
                    for i in indicators
                ],
                **fields,
            }
        )
        return assess(catalog, case)

    return run
