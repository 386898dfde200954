"""Report test fixtures: the three roles' typical cases, rendered once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# importlib mode puts no test folder on sys.path; the case builders live next to this file.
sys.path.insert(0, str(Path(__file__).parent))

from report_cases import case_for

from signaal.assessment import Assessment, Case, assess
from signaal.content import Catalog

ROLE_AGES = {"teacher": 14, "gp": 34, "veilig-thuis": 9}


@pytest.fixture(scope="session", params=sorted(ROLE_AGES))
def role_case(request: pytest.FixtureRequest, catalog: Catalog) -> tuple[Case, Assessment]:
    """A typical filled-in case for each role, with its assessment."""
    if request.param not in catalog.roles_by_id:
        pytest.skip(f"the catalog has no role {request.param!r} yet")
    case = case_for(catalog, request.param, ROLE_AGES[request.param])
    return case, assess(catalog, case)
