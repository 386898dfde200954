"""Turn `resources/content/**/*.toml` into one validated `Catalog`, or explain what is wrong.

Each problem names the file, the key path and (where it can be found) the line, in words a
content editor understands and in the user's language; the loader never lets a traceback through.
The shipped content is read from the compiled JSON when it matches the TOML (see `compiled`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from signaal.content.catalog import Catalog
from signaal.content.compiled import (
    COMPILED,
    FoldersTooDeepError,
    catalog_from_json,
    content_files,
    read_compiled,
)
from signaal.content.kinds import CONTENT_KINDS
from signaal.content.locate import first_failing_line, id_lines, line_of, reference_line
from signaal.content.models import ContentFile
from signaal.content.references import ReferenceProblem, check_references
from signaal.i18n import N_, _
from signaal.resources import resource_path

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

__all__ = [
    "ContentError",
    "ContentProblem",
    "check_compiled",
    "content_files",
    "load_catalog",
]


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong in one content file."""

    file: str
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = (
            _("{file}, line {line}").format(file=self.file, line=self.line)
            if self.line
            else self.file
        )
        key = f" [{self.key}]" if self.key else ""
        return f"{where}{key}: {self.message}"


class ContentError(Exception):
    """The content directory cannot be used; `problems` lists every reason found."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


# Pydantic error types, in words for a content editor (translated when shown).
_MESSAGES = {
    "missing": N_("this key is required but missing"),
    "extra_forbidden": N_("unknown key (a typo?)"),
    "unexpected_keyword_argument": N_("unknown key (a typo?)"),
    "string_too_short": N_("must not be empty"),
    "too_short": N_("needs at least one entry"),
    "too_long": N_("has too many entries"),
    "literal_error": N_("is not one of the allowed values"),
    "string_pattern_mismatch": N_("is not a valid id (lower-case letters, digits and hyphens)"),
    "string_too_long": N_("is too long"),
    "date_from_datetime_parsing": N_("is not a date (write it as 2026-11-23)"),
    "date_from_datetime_inexact": N_("is not a date (write it as 2026-11-23)"),
    "date_parsing": N_("is not a date (write it as 2026-11-23)"),
    "date_type": N_("is not a date (write it as 2026-11-23)"),
    "int_parsing": N_("must be a whole number"),
    "int_type": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "string_type": N_("must be text in quotes"),
    "list_type": N_("must be a list [ ... ]"),
    "dict_type": N_("must be a table"),
    "dataclass_type": N_("must be a table"),
    "dataclass_args_type": N_("must be a table"),
    "greater_than_equal": N_("is too small"),
    "less_than_equal": N_("is too large"),
}
_MISSING_LANGUAGE = {
    "nl": N_("the Dutch text (nl) is missing"),
    "en": N_("the English text (en) is missing"),
}


def default_content_dir() -> Path:
    return resource_path("content")


def load_catalog(directory: Path | None = None, *, use_compiled: bool = True) -> Catalog:
    """Load and validate every content file under `directory` (the shipped content by default).

    With `use_compiled`, the catalog comes from the compiled JSON when its digest matches the
    TOML files (it was fully checked when it was compiled); otherwise the TOML is parsed.
    """
    directory = directory or default_content_dir()
    if not directory.is_dir():
        raise ContentError([ContentProblem(str(directory), "", _("content folder not found"))])
    try:
        files = content_files(directory)
    except FoldersTooDeepError:
        raise ContentError(
            [ContentProblem(str(directory), "", _("folders are nested too deeply"))]
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ContentError(
            [
                ContentProblem(
                    str(directory), "", _("cannot be read: {reason}").format(reason=reason)
                )
            ]
        ) from None
    if not files:
        raise ContentError(
            [ContentProblem(str(directory), "", _("no content files (*.toml) in this folder"))]
        )
    if use_compiled:
        compiled = _compiled_catalog(directory, files)
        if compiled is not None:
            return compiled
    texts: dict[str, str] = {}
    parsed: dict[str, dict[str, Any]] = {}
    problems: list[ContentProblem] = []
    for path in files:
        name = path.relative_to(directory).as_posix()
        text, data, problem = _read_toml(path, name)
        texts[name] = text
        if problem is None:
            parsed[name] = data
        else:
            problems.append(problem)
    return _build(parsed, texts, problems)


def _compiled_catalog(directory: Path, files: list[Path]) -> Catalog | None:
    """The compiled copy when its digest matches and its cross-references hold, else None.

    The digest only says which TOML it was made from, not that nobody edited it since; the
    reference check is cheap, and `check_compiled` (check-content) compares it in full.
    """
    compiled = read_compiled(directory, files)
    if compiled is None:
        return None
    try:
        catalog = catalog_from_json(compiled)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # compiled by other models than these, or mangled: read the TOML instead
    return None if check_references(catalog) else catalog


def check_compiled(directory: Path | None, catalog: Catalog) -> list[ContentProblem]:
    """Whether the compiled copy the app would load says exactly what the TOML says.

    `catalog` is the one loaded from the TOML. A compiled copy that the app would use (its
    digest matches) but that differs is a problem: the app would advise from other content.
    """
    directory = directory or default_content_dir()
    files = content_files(directory)
    if read_compiled(directory, files) is None:
        return []
    loaded = _compiled_catalog(directory, files)
    if loaded is not None and loaded == catalog:
        return []
    return [
        ContentProblem(
            COMPILED.as_posix(),
            "",
            _(
                "the compiled copy differs from the TOML files although its digest matches; "
                "delete it or rebuild it"
            ),
        )
    ]


Model = TypeVar("Model")
_VALIDATORS: dict[type, Any] = {}


def validator(model: type[Model]) -> TypeAdapter[Model]:
    """pydantic's validator (and serializer) for a content model, made once: pydantic is
    imported here, for TOML, check-content and the CLI, never for the compiled catalog."""
    found: TypeAdapter[Model] | None = _VALIDATORS.get(model)
    if found is None:
        from pydantic import TypeAdapter

        found = _VALIDATORS[model] = TypeAdapter(model)
    return found


def _read_toml(path: Path, name: str) -> tuple[str, dict[str, Any], ContentProblem | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "", {}, ContentProblem(name, "", _("the file is not UTF-8 text"))
    except OSError as error:
        reason = error.strerror or str(error)
        return "", {}, ContentProblem(name, "", _("cannot be read: {reason}").format(reason=reason))
    import tomllib  # here: the app's start reads the compiled catalog and needs no TOML parser

    try:
        return text, tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        return text, {}, _toml_problem(name, text, str(error))
    except RecursionError:
        return text, {}, ContentProblem(name, "", _("lists or tables are nested too deeply"))
    except ValueError:  # a number of thousands of digits (Python's int conversion limit)
        return text, {}, ContentProblem(name, "", _("a number is too long"))


# What the TOML parser says, in words for a content editor (the parser's own text otherwise).
_TOML_REASONS = [
    (r"Invalid value", N_("invalid value (missing quotes, or a list or table not closed?)")),
    (r"Unterminated string", N_("a text has no closing quote")),
    (r"Unclosed array", N_("a list [ ... ] is not closed")),
    (r"Unclosed inline table", N_("a table between braces is not closed")),
    (r"Expected '=' after a key in a key/value pair", N_("a key must be followed by '='")),
    (r"Cannot overwrite a value", N_("a key is set twice in the same table")),
    (r"Cannot declare \((?P<table>.*?),?\) twice", N_("the table {table} is declared twice")),
    (
        r"Duplicate inline table key (?P<key>\S+)",
        N_("the key {key} appears twice in the same table between braces"),
    ),
    (
        r"Expected newline or end of document after a statement",
        N_("only one key = value per line"),
    ),
    (r"Invalid statement", N_("this line is not a valid TOML statement")),
    (r"Illegal character (?P<char>.+)", N_("character {char} is not allowed here")),
    (r"Unescaped '\\' in a string", N_("a backslash in a text must be written as \\\\")),
]


def _toml_problem(name: str, text: str, error: str) -> ContentProblem:
    found = re.search(r"\(at line (\d+), column (\d+)\)", error)
    reason = re.sub(r"\s*\((?:at line \d+, column \d+|at end of document)\)", "", error)
    for pattern, explained in _TOML_REASONS:
        match = re.fullmatch(pattern, reason)
        if match:
            groups = match.groupdict()
            reason = _(explained).format(**groups) if groups else _(explained)
            break
    message = _("not valid TOML: {reason}").format(reason=reason)
    line = int(found.group(1)) if found else None
    if found:
        message += " " + _("(column {column})").format(column=found.group(2))
    elif reason == _("a key is set twice in the same table"):
        line = first_failing_line(text)
    elif "at end of document" in error:
        line = text.count("\n") + (0 if text.endswith("\n") else 1)
        message += " " + _("(noticed at the end of the file)")
    return ContentProblem(name, "", message, line)


def _build(
    parsed: dict[str, dict[str, Any]], texts: dict[str, str], problems: list[ContentProblem]
) -> Catalog:
    """Validate each file, then the whole; `problems` holds those found while reading."""
    from pydantic import ValidationError

    contents: list[tuple[str, ContentFile]] = []
    if not problems:  # a file that does not parse may hold the missing table
        problems = [
            _single_problem(single, names)
            for single in _SINGLES
            if len(names := [name for name, data in parsed.items() if single in data]) != 1
        ]
    for name, data in parsed.items():
        try:
            contents.append((name, validator(ContentFile).validate_python(data)))
        except ValidationError as error:
            problems.extend(_explain(error, name, texts.get(name, ""), data))
    if problems:
        raise ContentError(problems)
    return _merge(contents, texts)


# Problems per file whose line number is looked up in the text.
MAX_LOCATED = 100


def _explain(
    error: ValidationError, name: str, text: str, data: dict[str, Any]
) -> list[ContentProblem]:
    problems = []
    for index, detail in enumerate(error.errors()):
        location = tuple(detail["loc"])
        kind = detail["type"]
        context = detail.get("ctx") or {}
        if kind == "missing" and location and location[-1] in _MISSING_LANGUAGE:
            message = _(_MISSING_LANGUAGE[str(location[-1])])
        elif kind == "value_error" and "error" in context:
            message = _(str(context["error"]))
        elif kind in _MESSAGES:
            message = _(_MESSAGES[kind])
        else:
            message = str(detail["msg"])
        if kind == "literal_error" and context.get("expected"):
            message = f"{message}: {context['expected']}"
        # Finding the line searches the file text; past the first few problems (more than anyone
        # reads) the key path alone must do, so thousands of problems are reported at once.
        line = line_of(location, text, data) if index < MAX_LOCATED else None
        problems.append(ContentProblem(name, _key_path(location, data), message, line))
    return problems


def _key_path(location: tuple[int | str, ...], data: Any = None) -> str:
    """`checklist[child-sexual].indicators[csa-disclosure].text.en`: ids where entries have one."""
    path = ""
    node = data
    for part in location:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            entry_id = item.get("id") if isinstance(item, dict) else None
            path += f"[{entry_id}]" if isinstance(entry_id, str) and entry_id else f"[{part}]"
            node = item
        else:
            path += f".{part}" if path else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return path


_PLURAL = CONTENT_KINDS
_SINGLES = {
    "catalog": N_("the [catalog] table (version, date, title, disclaimer)"),
    "delphi_rule": N_("the [delphi_rule] table"),
}


def _merge(contents: list[tuple[str, ContentFile]], texts: dict[str, str]) -> Catalog:
    from pydantic import ValidationError

    merged: dict[str, Any] = {plural: [] for plural in _PLURAL.values()}
    origins: dict[tuple[str, str], list[str]] = {}

    def seen(kind: str, entry_id: str, name: str) -> None:
        names = origins.setdefault((kind, entry_id), [])
        if name not in names:
            names.append(name)

    for name, content in contents:
        for single in _SINGLES:
            value = getattr(content, single)
            if value is not None:
                merged["info" if single == "catalog" else single] = value
                seen(single, single, name)
        for key, plural in _PLURAL.items():
            for entry in getattr(content, key):
                merged[plural].append(entry)
                seen(key, str(getattr(entry, "id", key)), name)
        for checklist in content.checklist:
            for indicator in checklist.indicators:
                seen("indicator", indicator.id, name)
            for section in checklist.sections:
                seen("section", section.id, name)
    try:
        catalog = validator(Catalog).validate_python(merged)
    except ValidationError as error:  # every entry was valid on its own: should not happen
        raise ContentError(
            [ContentProblem("-", _key_path(tuple(d["loc"])), str(d["msg"])) for d in error.errors()]
        ) from None
    found = check_references(catalog)
    if found:
        raise ContentError(
            [problem for item in found for problem in _reference_problems(item, origins, texts)]
        )
    return catalog


def _single_problem(single: str, names: list[str]) -> ContentProblem:
    what = _(_SINGLES[single])
    if not names:
        return ContentProblem(
            "catalog.toml" if single == "catalog" else _("(content folder)"),
            single,
            _("{what} is missing: exactly one content file must define it").format(what=what),
        )
    return ContentProblem(
        ", ".join(names),
        single,
        _("{what} is defined in more than one file; keep exactly one").format(what=what),
    )


def _reference_problems(
    problem: ReferenceProblem,
    origins: dict[tuple[str, str], list[str]],
    texts: dict[str, str],
) -> list[ContentProblem]:
    names = origins.get((problem.kind, problem.entry_id), ["?"])
    key = f"{problem.kind}.{problem.entry_id}"
    if problem.field:
        key += f".{problem.field}"
    message = problem.message
    if len(names) > 1:
        message += " " + _("(in {files})").format(files=", ".join(names))
    if problem.field == "id":
        return [
            ContentProblem(name, key, message, line)
            for name in names
            for line in id_lines(texts.get(name, ""), problem.entry_id) or [None]
        ]
    return [
        ContentProblem(name, key, message, reference_line(texts.get(name, ""), problem))
        for name in names
    ]
