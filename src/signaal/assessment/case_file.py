"""Read a case from a JSON file (for `signaal-cli`), with errors that name the field.

Whatever is wrong with the file (unreadable, not a regular file, not JSON, a duplicate key, not an
object, a wrong type, an unknown id), the result is a `CaseFileError` whose message names the file
and the field, never a traceback. A case file must be unambiguous, so duplicate keys are refused
and values are validated strictly: no number from a string, no whole number from a float. Messages
quote at most a short excerpt of a value and list at most `MAX_PROBLEMS` problems.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from signaal.assessment.case import Case, Observation
from signaal.assessment.intake import resolve_age_band
from signaal.content.catalog import Catalog
from signaal.messages import MAX_PROBLEMS, bounded, excerpt

Model = TypeVar("Model", bound=BaseModel)

# A real case file is a few kilobytes; refuse anything absurd before reading it into memory.
MAX_CASE_FILE_BYTES = 20 * 1024 * 1024


class CaseFileError(Exception):
    """A case file that cannot be used; the message names the file and the field."""


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_case(path: Path, catalog: Catalog) -> Case:
    """Read, parse and validate one case file against the catalog."""
    name = excerpt(str(path), 200)
    raw = read_limited(path, MAX_CASE_FILE_BYTES, name)
    return parse_case(load_json(raw, name), catalog, name)


def load_json(raw: bytes, name: str) -> object:
    """Parse the JSON of a case file, or of the case embedded in a referral PDF.

    A key given twice in one object is refused: otherwise the last value would silently win.
    """
    try:
        # utf-8-sig: editors on Windows often save JSON with a byte-order mark.
        return json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_unique_keys)
    except UnicodeDecodeError:
        raise CaseFileError(f"{name}: not valid JSON: the file is not UTF-8 text") from None
    except _DuplicateKeyError as duplicate:
        raise CaseFileError(
            f"{name}: the key '{excerpt(duplicate.key)}' appears twice in one object; "
            "a case file must say each thing once"
        ) from None
    except json.JSONDecodeError as error:
        raise CaseFileError(
            f"{name}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except (ValueError, RecursionError) as error:
        raise CaseFileError(f"{name}: not valid JSON: {excerpt(str(error), 80)}") from None


def read_limited(path: Path, limit: int, name: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else a `CaseFileError`.

    Opened without blocking and checked before reading, so a FIFO cannot hang the read and a
    device (/dev/zero) cannot fill memory; the read itself stops after `limit` + 1 bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise CaseFileError(f"{name}: cannot be read: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise CaseFileError(f"{name}: cannot be read: not a regular file")
        if status.st_size > limit:
            raise CaseFileError(f"{name}: too large for a case file (over {limit >> 20} MB)")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise CaseFileError(f"{name}: too large for a case file (over {limit >> 20} MB)")
        return b"".join(chunks)
    except OSError as error:
        raise CaseFileError(f"{name}: cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object as a dict, refusing a key given twice (else the last would silently win)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        counts = Counter(key for key, _value in pairs)
        raise _DuplicateKeyError(next(key for key, count in counts.items() if count > 1))
    return result


def parse_case(data: object, catalog: Catalog, name: str = "case") -> Case:
    """Validate the shape strictly with pydantic, then every id against the catalog."""
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "null"
        kind = {"list": "a list", "str": "a string", "int": "a number", "float": "a number"}.get(
            kind, excerpt(kind)
        )
        raise CaseFileError(
            f"{name}: a case file must hold one JSON object with the fields of a case "
            f"(at least 'role'), not {kind}"
        )
    case = validated(Case, data, name)
    case = with_current_ids(case, catalog)
    problems = unknown_ids(case, catalog) + inconsistencies(case, catalog)
    if problems:
        raise CaseFileError(_report(name, problems, len(problems)))
    return case


def validated(model: type[Model], data: object, name: str) -> Model:
    """`data` validated strictly against `model`, or a `CaseFileError` listing what is wrong.

    The one way a case is checked, whether it comes from a case file or from a referral: no
    coercion from strings or floats, at most `MAX_PROBLEMS` problems, each value clipped.
    """
    try:
        return model.model_validate(data, strict=True)
    except ValidationError as error:
        # Only the first few details are formatted: a file may hold thousands of bad items.
        details = error.errors(include_input=False, include_url=False)
        lines = [
            f"field '{_path(detail['loc'])}': {excerpt(detail['msg'], 200)}"
            for detail in details[: MAX_PROBLEMS + 1]
        ]
        raise CaseFileError(_report(name, lines, len(details))) from None
    except RecursionError:
        raise CaseFileError(f"{name}: the case file is nested too deeply") from None


def _report(name: str, problems: list[str], total: int) -> str:
    """At most `MAX_PROBLEMS` lines, each naming the file, then a count of the rest."""
    lines = bounded([f"{name}: {problem}" for problem in problems[:MAX_PROBLEMS]])
    rest = total - min(total, MAX_PROBLEMS)
    if rest:
        lines.append(f"{name}: … and {rest} more problem{'s' if rest != 1 else ''}")
    return "\n".join(lines)


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
        problems.append(f"field 'role': unknown role '{excerpt(case.role)}' (known: {known})")
    if case.age_band is not None and case.age_band not in catalog.age_bands_by_id:
        known = ", ".join(b.id for b in catalog.age_bands)
        problems.append(
            f"field 'age_band': unknown age band '{excerpt(case.age_band)}' (known: {known})"
        )
    for index, concern in enumerate(case.concerns):
        if concern not in catalog.concerns_by_id:
            problems.append(f"field 'concerns[{index}]': unknown concern '{excerpt(concern)}'")
    for index, observation in enumerate(case.observations):
        if observation.indicator not in catalog.indicators_by_id:
            problems.append(
                f"field 'observations[{index}].indicator': unknown indicator "
                f"'{excerpt(observation.indicator)}'"
            )
    for question in case.weighing:
        if question not in catalog.questions_by_id:
            problems.append(f"field 'weighing.{excerpt(question)}': unknown weighing question")
    situation = case.context.acute_situation
    if situation is not None and situation not in {q.id for q in catalog.acute_danger}:
        problems.append(
            f"field 'context.acute_situation': unknown acute situation '{excerpt(situation)}'"
        )
    exception = case.meldcode_steps.conversation.exception
    if exception is not None and exception not in {e.id for e in catalog.step3_exceptions}:
        problems.append(
            "field 'meldcode_steps.conversation.exception': unknown exception "
            f"'{excerpt(exception)}'"
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
    # One pass with a dict and a set: a file with 200,000 repeats must not take quadratic time.
    first: dict[str, int] = {}
    for index, observation in enumerate(case.observations):
        if observation.indicator in first:
            problems.append(
                f"field 'observations[{index}].indicator': '{excerpt(observation.indicator)}' is "
                f"already answered in observations[{first[observation.indicator]}]"
            )
        first.setdefault(observation.indicator, index)
    seen: set[str] = set()
    for index, concern in enumerate(case.concerns):
        if concern in seen:
            problems.append(f"field 'concerns[{index}]': '{excerpt(concern)}' is listed twice")
        seen.add(concern)
    return problems


def _path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            part = excerpt(part)
            path += f".{part}" if path else part
    return path or "(top level)"
