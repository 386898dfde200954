"""Read a case from a JSON file (for `signaal-cli`), with errors that name the field."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from signaal.assessment.case import Case
from signaal.content.catalog import Catalog


class CaseFileError(Exception):
    """A case file that cannot be used; the message names the file and the field."""


def read_case(path: Path, catalog: Catalog) -> Case:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CaseFileError(f"{path}: cannot be read: {error.strerror or error}") from None
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CaseFileError(f"{path}: not valid JSON: {error}") from None
    return parse_case(data, catalog, str(path))


def parse_case(data: object, catalog: Catalog, name: str = "case") -> Case:
    """Validate the shape with pydantic, then every id against the catalog."""
    try:
        case = Case.model_validate(data)
    except ValidationError as error:
        lines = [
            f"{name}: field '{_path(detail['loc'])}': {detail['msg']}" for detail in error.errors()
        ]
        raise CaseFileError("\n".join(lines)) from None
    problems = unknown_ids(case, catalog)
    if problems:
        raise CaseFileError("\n".join(f"{name}: {problem}" for problem in problems))
    return case


def unknown_ids(case: Case, catalog: Catalog) -> list[str]:
    problems = []
    if case.role not in catalog.roles_by_id:
        problems.append(f"field 'role': unknown role '{case.role}'")
    if case.age_band is not None and case.age_band not in catalog.age_bands_by_id:
        problems.append(f"field 'age_band': unknown age band '{case.age_band}'")
    for index, concern in enumerate(case.concerns):
        if concern not in catalog.concerns_by_id:
            problems.append(f"field 'concerns[{index}]': unknown concern '{concern}'")
    for index, observation in enumerate(case.observations):
        if observation.indicator not in catalog.indicators_by_id:
            problems.append(
                f"field 'observations[{index}].indicator': unknown indicator "
                f"'{observation.indicator}'"
            )
    for question in case.weighing:
        if question not in catalog.questions_by_id:
            problems.append(f"field 'weighing.{question}': unknown question")
    exception = case.meldcode_steps.conversation.exception
    if exception is not None and exception not in {e.id for e in catalog.step3_exceptions}:
        problems.append(
            f"field 'meldcode_steps.conversation.exception': unknown exception '{exception}'"
        )
    return problems


def _path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path
