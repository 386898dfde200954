"""Read a case from a JSON file (for `signaal-cli`), with errors that name the field.

Whatever is wrong with the file (unreadable, not JSON, not an object, a wrong type, an unknown
id), the result is a `CaseFileError` whose message names the file and the field, never a
traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from signaal.assessment.case import Case, Observation
from signaal.assessment.conditions import resolve_age_band
from signaal.content.catalog import Catalog

# A real case file is a few kilobytes; refuse anything absurd before reading it into memory.
MAX_CASE_FILE_BYTES = 20 * 1024 * 1024


class CaseFileError(Exception):
    """A case file that cannot be used; the message names the file and the field."""


def read_case(path: Path, catalog: Catalog) -> Case:
    """Read, parse and validate one case file against the catalog."""
    try:
        if path.is_file() and path.stat().st_size > MAX_CASE_FILE_BYTES:
            raise CaseFileError(f"{path}: too large for a case file (over 20 MB)")
        raw = path.read_bytes()
    except OSError as error:
        raise CaseFileError(f"{path}: cannot be read: {error.strerror or error}") from None
    return parse_case(load_json(raw, str(path)), catalog, str(path))


def load_json(raw: bytes, name: str) -> object:
    """Parse the JSON of a case file, or of the case embedded in a referral PDF."""
    try:
        # utf-8-sig: editors on Windows often save JSON with a byte-order mark.
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CaseFileError(f"{name}: not valid JSON: the file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise CaseFileError(
            f"{name}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except (ValueError, RecursionError) as error:
        raise CaseFileError(f"{name}: not valid JSON: {error}") from None


def parse_case(data: object, catalog: Catalog, name: str = "case") -> Case:
    """Validate the shape with pydantic, then every id against the catalog."""
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "null"
        kind = {"list": "a list", "str": "a string", "int": "a number", "float": "a number"}.get(
            kind, kind
        )
        raise CaseFileError(
            f"{name}: a case file must hold one JSON object with the fields of a case "
            f"(at least 'role'), not {kind}"
        )
    try:
        case = Case.model_validate(data)
    except ValidationError as error:
        lines = [
            f"{name}: field '{_path(detail['loc'])}': {detail['msg']}" for detail in error.errors()
        ]
        raise CaseFileError("\n".join(lines)) from None
    except RecursionError:
        raise CaseFileError(f"{name}: the case file is nested too deeply") from None
    case = with_current_ids(case, catalog)
    problems = unknown_ids(case, catalog) + inconsistencies(case, catalog)
    if problems:
        raise CaseFileError("\n".join(f"{name}: {problem}" for problem in problems))
    return case


def with_current_ids(case: Case, catalog: Catalog) -> Case:
    """The case with signals that were merged into another signal named by their current id.

    Old case files stay readable. When several old signals became one, the answers are joined:
    a present answer wins over `not-seen`, and the facts of each are kept.
    """
    replaced = catalog.replaced_by
    if not any(o.indicator in replaced for o in case.observations):
        return case
    merged: dict[str, Observation] = {}
    for observation in case.observations:
        current = replaced.get(observation.indicator, observation.indicator)
        renamed = observation.model_copy(update={"indicator": current})
        first = merged.get(current)
        if first is None:
            merged[current] = renamed
            continue
        if observation.indicator == current or (not first.counts and renamed.counts):
            first, renamed = renamed, first
        facts = "\n".join(f for f in (first.facts, renamed.facts) if f)
        quote = "\n".join(q for q in (first.quote, renamed.quote) if q)
        merged[current] = first.model_copy(update={"facts": facts, "quote": quote})
    return case.model_copy(update={"observations": list(merged.values())})


def unknown_ids(case: Case, catalog: Catalog) -> list[str]:
    """Every id in the case that the catalog does not know, as `field '...': ...` messages."""
    problems = []
    if case.role not in catalog.roles_by_id:
        known = ", ".join(sorted(catalog.roles_by_id))
        problems.append(f"field 'role': unknown role '{case.role}' (known: {known})")
    if case.age_band is not None and case.age_band not in catalog.age_bands_by_id:
        known = ", ".join(b.id for b in catalog.age_bands)
        problems.append(f"field 'age_band': unknown age band '{case.age_band}' (known: {known})")
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
            problems.append(f"field 'weighing.{question}': unknown weighing question")
    situation = case.context.acute_situation
    if situation is not None and situation not in {q.id for q in catalog.acute_danger}:
        problems.append(f"field 'context.acute_situation': unknown acute situation '{situation}'")
    exception = case.meldcode_steps.conversation.exception
    if exception is not None and exception not in {e.id for e in catalog.step3_exceptions}:
        problems.append(
            f"field 'meldcode_steps.conversation.exception': unknown exception '{exception}'"
        )
    return problems


def inconsistencies(case: Case, catalog: Catalog) -> list[str]:
    """Answers that contradict each other: an age outside its band, a signal answered twice."""
    problems = []
    if case.age is not None and case.age_band in catalog.age_bands_by_id:
        band = catalog.age_bands_by_id[case.age_band]
        if not band.covers(case.age):
            problems.append(
                f"field 'age_band': '{case.age_band}' does not include the age {case.age}"
            )
    if case.age is not None and not any(b.covers(case.age) for b in catalog.age_bands):
        problems.append(f"field 'age': no age band covers the age {case.age}")
    band_id = resolve_age_band(catalog, case)
    if (
        case.minor is not None
        and band_id is not None
        and catalog.age_bands_by_id[band_id].minor is not case.minor
    ):
        kind = "a child" if case.minor else "an adult"
        problems.append(f"field 'minor': the age or age band given is not that of {kind}")
    first: dict[str, int] = {}
    for index, observation in enumerate(case.observations):
        if observation.indicator in first:
            problems.append(
                f"field 'observations[{index}].indicator': '{observation.indicator}' is already "
                f"answered in observations[{first[observation.indicator]}]"
            )
        first.setdefault(observation.indicator, index)
    for index, concern in enumerate(case.concerns):
        if concern in case.concerns[:index]:
            problems.append(f"field 'concerns[{index}]': '{concern}' is listed twice")
    return problems


def _path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"
