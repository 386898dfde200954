"""The shipped catalog validated ahead of time: one JSON file next to the TOML, keyed by a digest.

Parsing TOML costs about ten times more than validating JSON, so the build (`hatch_build.py`)
loads and checks the TOML once and writes `.compiled/catalog.json`: a one-line header with the
digest of the TOML files, then the validated catalog. The loader uses that copy only while the
digest still matches the TOML files, so an editor's change is never ignored.

The app builds the catalog's dataclasses from that JSON directly (`catalog_from_json`): it was
validated when it was compiled, so the start needs no pydantic. What it builds is what
check-content compares with the TOML (`loader.check_compiled`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import sys
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from signaal.content.catalog import Catalog

FORMAT = 2
COMPILED = Path(".compiled") / "catalog.json"


# Real content is one or two folders deep; a deeper tree is a mistake (or an attack).
MAX_FOLDER_DEPTH = 16


class FoldersTooDeepError(ValueError):
    """The content folder holds folders nested deeper than `MAX_FOLDER_DEPTH`."""


def content_files(directory: Path) -> list[Path]:
    """Every content file under `directory`, in a stable order (the order rules are merged in).

    Walked without recursion and without following links to folders, so neither a deep tree
    nor a link loop can crash or hang the loader.
    """
    found: list[Path] = []
    pending = [(directory, 0)]
    while pending:
        folder, depth = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = folder / entry.name
                if entry.is_dir(follow_symlinks=False):
                    if depth >= MAX_FOLDER_DEPTH:
                        raise FoldersTooDeepError(str(path.relative_to(directory))[:80])
                    pending.append((path, depth + 1))
                elif entry.name.endswith(".toml") and entry.is_file():
                    found.append(path)
    return sorted(found)


def digest(directory: Path, files: list[Path]) -> str:
    """A fingerprint of the names and bytes of the content files."""
    hasher = hashlib.sha256()
    for path in files:
        hasher.update(path.relative_to(directory).as_posix().encode())
        hasher.update(b"\0")
        hasher.update(path.read_bytes())
        hasher.update(b"\0")
    return hasher.hexdigest()


def read_compiled(directory: Path, files: list[Path]) -> str | None:
    """The compiled catalog's JSON, or None when it is missing, of another format or stale."""
    try:
        header, _newline, body = (directory / COMPILED).read_text(encoding="utf-8").partition("\n")
        info = json.loads(header)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        return None
    if info.get("digest") != digest(directory, files):
        return None
    return body


def catalog_from_json(body: str) -> Catalog:
    """The catalog in the compiled JSON, built as it stands (no validation, see above).

    Raises ValueError, TypeError, KeyError or RecursionError when the JSON is not a catalog of
    these models: an unknown or missing key, a table where a list belongs, a malformed date.
    """
    data = json.loads(body)
    if not isinstance(data, dict):
        raise TypeError("the compiled catalog is not a table")
    return typing.cast(Catalog, _builder(Catalog)(data))


Convert = Callable[[Any], Any]


@cache
def _builder(model: type) -> Convert:
    """A function that makes a `model` from its JSON table (nested models and dates included)."""
    converters = {
        item.name: convert
        for item in dataclasses.fields(model)
        if (convert := _field_converter(model.__module__, item.type)) is not None
    }

    def build(data: Any) -> Any:
        for name, convert in converters.items():
            if name in data:
                data[name] = convert(data[name])
        return model(**data)

    return build


def _field_converter(module: str, annotation: object) -> Convert | None:
    """`_converter` for a field's annotation, which `from __future__ import annotations` leaves
    as written: the models repeat a few ("Text", "list[Id]") many times, each evaluated once."""
    if isinstance(annotation, str):
        return _written_converter(module, annotation)
    return _converter(annotation)


@cache
def _written_converter(module: str, annotation: str) -> Convert | None:
    return _converter(eval(annotation, vars(sys.modules[module])))


def _converter(hint: Any) -> Convert | None:
    """How to turn a JSON value into a value of type `hint`; None when it is one already."""
    if dataclasses.is_dataclass(hint):
        model = typing.cast(type, hint)
        return lambda data: _builder(model)(data)  # looked up late: a model may contain itself
    if hint is dt.date:
        return dt.date.fromisoformat
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return _converter(arguments[0])
    if origin is list:
        item = _converter(arguments[0])
        return None if item is None else lambda items: [item(value) for value in items]
    if origin in (typing.Union, types.UnionType):
        choices = [argument for argument in arguments if argument is not type(None)]
        inner = _converter(choices[0]) if len(choices) == 1 else None
        return None if inner is None else lambda value: None if value is None else inner(value)
    return None


def compile_content(directory: Path) -> Path | None:
    """Validate the TOML under `directory` and write the compiled copy; None if it has problems.

    Broken content leaves no compiled copy (and removes a stale one): the app then reads the
    TOML and shows the content editor what is wrong, instead of the build failing.
    """
    from signaal.content.loader import ContentError, load_catalog, validator

    target = directory / COMPILED
    try:
        catalog = load_catalog(directory, use_compiled=False)
    except ContentError:
        target.unlink(missing_ok=True)
        return None
    header = json.dumps({"format": FORMAT, "digest": digest(directory, content_files(directory))})
    target.parent.mkdir(parents=True, exist_ok=True)
    body = validator(Catalog).dump_json(catalog).decode()
    target.write_text(header + "\n" + body, encoding="utf-8")
    return target
