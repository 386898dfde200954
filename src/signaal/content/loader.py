"""Turn `resources/content/**/*.toml` into one validated `Catalog`, or explain what is wrong.

Each problem names the file, the key path and (where it can be found) the line, in words a
content editor understands; the loader never lets a traceback through.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from signaal.content.catalog import Catalog
from signaal.content.models import ContentFile
from signaal.content.references import check_references
from signaal.i18n import _
from signaal.resources import resource_path


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong in one content file."""

    file: str
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        key = f" [{self.key}]" if self.key else ""
        return f"{where}{key}: {self.message}"


class ContentError(Exception):
    """The content directory cannot be used; `problems` lists every reason found."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


# Pydantic error types, in words for a content editor.
_MESSAGES = {
    "missing": "this key is required but missing",
    "extra_forbidden": "unknown key (a typo?)",
    "string_too_short": "must not be empty",
    "too_short": "needs at least one entry",
    "too_long": "has too many entries",
    "literal_error": "is not one of the allowed values",
    "string_pattern_mismatch": "is not a valid id (lower-case letters, digits and hyphens)",
    "date_from_datetime_parsing": "is not a date (write it as 2026-11-23)",
    "date_parsing": "is not a date (write it as 2026-11-23)",
    "date_type": "is not a date (write it as 2026-11-23)",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be text in quotes",
    "list_type": "must be a list [ ... ]",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "greater_than_equal": "is too small",
    "less_than_equal": "is too large",
}


def default_content_dir() -> Path:
    return resource_path("content")


def content_files(directory: Path) -> list[Path]:
    return sorted(path for path in directory.rglob("*.toml") if path.is_file())


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load and validate every content file under `directory` (the shipped content by default)."""
    directory = directory or default_content_dir()
    if not directory.is_dir():
        raise ContentError([ContentProblem(str(directory), "", _("content folder not found"))])
    files = content_files(directory)
    if not files:
        raise ContentError([ContentProblem(str(directory), "", _("no content files (*.toml)"))])
    parsed: list[tuple[str, str, ContentFile]] = []
    problems: list[ContentProblem] = []
    for path in files:
        name = path.relative_to(directory).as_posix()
        text, data, problem = _read_toml(path, name)
        if problem is not None:
            problems.append(problem)
            continue
        try:
            parsed.append((name, text, ContentFile.model_validate(data)))
        except ValidationError as error:
            problems.extend(_explain(error, name, text, data))
    if problems:
        raise ContentError(problems)
    return _merge(parsed)


def _read_toml(path: Path, name: str) -> tuple[str, dict[str, Any], ContentProblem | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "", {}, ContentProblem(name, "", _("the file is not UTF-8 text"))
    except OSError as error:
        return (
            "",
            {},
            ContentProblem(
                name, "", _("cannot be read: {reason}").format(reason=error.strerror or error)
            ),
        )
    try:
        return text, tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        line = int(found.group(1)) if found else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return (
            text,
            {},
            ContentProblem(name, "", _("not valid TOML: {reason}").format(reason=reason), line),
        )


def _explain(
    error: ValidationError, name: str, text: str, data: dict[str, Any]
) -> list[ContentProblem]:
    problems = []
    for detail in error.errors():
        location = detail["loc"]
        key = _key_path(location)
        message = _(_MESSAGES.get(detail["type"], detail["msg"]))
        if detail["type"] == "literal_error":
            allowed = detail.get("ctx", {}).get("expected", "")
            message = f"{message}: {allowed}" if allowed else message
        problems.append(ContentProblem(name, key, message, _line_of(location, text, data)))
    return problems


def _key_path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _line_of(location: tuple[int | str, ...], text: str, data: dict[str, Any]) -> int | None:
    """The line of the deepest entry on the path that has an `id`, found in the file text."""
    node: Any = data
    entry_id: str | None = None
    for part in location:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            entry_id = node["id"]
    if entry_id is None:
        return None
    pattern = re.compile(r'^\s*id\s*=\s*["\']' + re.escape(entry_id) + r'["\']', re.MULTILINE)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


_PLURAL = {
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


def _merge(parsed: list[tuple[str, str, ContentFile]]) -> Catalog:
    merged: dict[str, Any] = {plural: [] for plural in _PLURAL.values()}
    origin: dict[tuple[str, str], str] = {}
    problems: list[ContentProblem] = []
    singles: dict[str, list[str]] = {"catalog": [], "delphi_rule": []}
    for name, _text, content in parsed:
        for single in singles:
            value = getattr(content, single)
            if value is not None:
                singles[single].append(name)
                merged["info" if single == "catalog" else single] = value
        for key, plural in _PLURAL.items():
            for entry in getattr(content, key):
                merged[plural].append(entry)
                origin.setdefault((key, str(getattr(entry, "id", ""))), name)
    for single, names in singles.items():
        if len(names) != 1:
            where = ", ".join(names) or "-"
            problems.append(
                ContentProblem(
                    where,
                    single,
                    _("must be defined in exactly one file (found {count})").format(
                        count=len(names)
                    ),
                )
            )
    if problems:
        raise ContentError(problems)
    catalog = Catalog.model_validate(merged)
    reference_problems = check_references(catalog)
    if reference_problems:
        raise ContentError(
            [
                ContentProblem(origin.get((kind, entry_id), "?"), f"{kind}.{entry_id}", message)
                for kind, entry_id, message in reference_problems
            ]
        )
    return catalog
