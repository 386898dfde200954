"""The shipped catalog validated ahead of time: one JSON file next to the TOML, keyed by a digest.

Parsing TOML costs about ten times more than validating JSON, so the build (`hatch_build.py`)
loads and checks the TOML once and writes `.compiled/catalog.json`: a one-line header with the
digest of the TOML files, then the validated catalog. The loader uses that copy only while the
digest still matches the TOML files, so an editor's change is never ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

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


def compile_content(directory: Path) -> Path | None:
    """Validate the TOML under `directory` and write the compiled copy; None if it has problems.

    Broken content leaves no compiled copy (and removes a stale one): the app then reads the
    TOML and shows the content editor what is wrong, instead of the build failing.
    """
    from signaal.content.loader import ContentError, load_catalog

    target = directory / COMPILED
    try:
        catalog = load_catalog(directory, use_compiled=False)
    except ContentError:
        target.unlink(missing_ok=True)
        return None
    header = json.dumps({"format": FORMAT, "digest": digest(directory, content_files(directory))})
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(header + "\n" + catalog.model_dump_json(), encoding="utf-8")
    return target
