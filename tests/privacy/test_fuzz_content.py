"""Nothing lost on bad content: every broken content folder gives a clear message, never a crash.

Hypothesis copies the shipped content folder and breaks it the way a content editor might (and
worse): deletes keys or whole lines, changes value types, empties strings, drops a language,
duplicates ids or whole tables, points references at unknown ids, inserts garbage bytes,
truncates, deletes or adds files — one to three changes at a time. `load_catalog` must then
either succeed or raise `ContentError` whose every problem names a file of the folder (and a key,
whenever the file is readable TOML). Any other exception fails the test with its traceback.
"""

from __future__ import annotations

import copy
import functools
import re
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import privacy_fuzz
from hypothesis import given
from hypothesis import strategies as st

from signaal.content import ContentError, load_catalog
from signaal.content.loader import default_content_dir
from signaal.i18n import _

CONTENT = default_content_dir()
FILES = sorted(p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.toml"))
EXAMPLES = 1200

_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z0-9_\-]+)(\s*=\s*)(.*)$")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_ID_VALUE = re.compile(r'(?m)^(\s*id\s*=\s*)"([^"]*)"')
_TABLE = re.compile(r"(?m)^\[\[[^\]]+\]\]$")

OTHER_VALUES = [
    '""',
    '"x"',
    "0",
    "-1",
    "42",
    "3.5",
    "true",
    "false",
    "[]",
    "{}",
    '["a", 1]',
    '{ nl = "x" }',
    '{ en = "x" }',
    '{ nl = "", en = "" }',
    "1979-05-27",
    "1979-05-27T07:32:00Z",
    '"unknown-id-xyz"',
    '["unknown-id-xyz"]',
    '"NOT AN ID!"',
    '"' + "x" * 5000 + '"',
    "[[]]",
    "inf",
    "nan",
]
KEYS_TO_DROP = ["id", "nl", "en", "text", "title", "name", "kind", "weight", "dimension", "next"]

Mutation = Callable[[str], str]


@st.composite
def line_mutation(draw: st.DrawFn) -> Mutation:
    kind = draw(st.sampled_from(["delete-line", "retype", "duplicate-line"]))
    position = draw(st.integers(min_value=0, max_value=10_000))
    value = draw(st.sampled_from(OTHER_VALUES))

    def mutate(text: str) -> str:
        lines = text.splitlines(keepends=True)
        assignments = [i for i, line in enumerate(lines) if _ASSIGNMENT.match(line)]
        if not assignments:
            return text
        index = assignments[position % len(assignments)]
        if kind == "delete-line":
            del lines[index]
        elif kind == "duplicate-line":
            lines.insert(index, lines[index])
        else:
            found = _ASSIGNMENT.match(lines[index])
            assert found is not None
            lines[index] = f"{found[1]}{found[2]}{found[3]}{value}\n"
        return "".join(lines)

    return mutate


@st.composite
def text_mutation(draw: st.DrawFn) -> Mutation:
    kind = draw(
        st.sampled_from(
            [
                "drop-key",
                "empty-string",
                "drop-language",
                "duplicate-id",
                "unknown-reference",
                "duplicate-table",
                "delete-table",
            ]
        )
    )
    position = draw(st.integers(min_value=0, max_value=10_000))
    other = draw(st.integers(min_value=0, max_value=10_000))
    key = draw(st.sampled_from(KEYS_TO_DROP))
    language = draw(st.sampled_from(["nl", "en"]))
    replacement = draw(st.sampled_from(["", "x", "unknown-id-xyz", "Ünïcode id", " "]))

    def mutate(text: str) -> str:
        if kind == "drop-key":
            return re.sub(rf"(?m)^\s*{key}\s*=.*\n?", "", text)
        if kind == "drop-language":
            text = re.sub(rf',\s*{language}\s*=\s*"(?:[^"\\]|\\.)*"', "", text)
            text = re.sub(rf'{language}\s*=\s*"(?:[^"\\]|\\.)*"\s*,\s*', "", text)
            return re.sub(rf"(?m)^\s*{language}\s*=.*\n?", "", text)
        if kind == "empty-string":
            strings = list(_STRING.finditer(text))
            if not strings:
                return text
            found = strings[position % len(strings)]
            return text[: found.start()] + f'"{replacement}"' + text[found.end() :]
        if kind == "duplicate-id":
            ids = list(_ID_VALUE.finditer(text))
            if len(ids) < 2:
                return text
            source, target = ids[position % len(ids)], ids[other % len(ids)]
            return text[: target.start(2)] + source[2] + text[target.end(2) :]
        if kind == "unknown-reference":
            # A quoted id-like word that is not an `id = ` definition: a reference.
            words = list(re.finditer(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"', text))
            if not words:
                return text
            found = words[position % len(words)]
            return text[: found.start(1)] + replacement + text[found.end(1) :]
        tables = list(_TABLE.finditer(text))
        if not tables:
            return text
        index = position % len(tables)
        start = tables[index].start()
        end = tables[index + 1].start() if index + 1 < len(tables) else len(text)
        block = text[start:end]
        if kind == "duplicate-table":
            return text[:end] + "\n" + block + text[end:]
        return text[:start] + text[end:]

    return mutate


@st.composite
def byte_mutation(draw: st.DrawFn) -> Callable[[bytes], bytes]:
    kind = draw(st.sampled_from(["garbage", "truncate", "bom", "nul"]))
    position = draw(st.integers(min_value=0, max_value=100_000))
    garbage = draw(st.binary(min_size=1, max_size=16))

    def mutate(data: bytes) -> bytes:
        at = position % (len(data) + 1)
        if kind == "garbage":
            return data[:at] + garbage + data[at:]
        if kind == "truncate":
            return data[:at]
        if kind == "bom":
            return b"\xef\xbb\xbf" + data
        return data[:at] + b"\x00" + data[at:]

    return mutate


@st.composite
def folder_change(draw: st.DrawFn) -> Callable[[Path], None]:
    kind = draw(st.sampled_from(["delete-file", "empty-file", "copy-file", "not-utf8"]))
    name = draw(st.sampled_from(FILES))

    def change(folder: Path) -> None:
        path = folder / name
        if not path.exists():
            return
        if kind == "delete-file":
            path.unlink()  # removes the link only
        elif kind == "empty-file":
            (folder / "extra-empty.toml").write_text("")
        elif kind == "copy-file":
            (folder / f"copy-of-{path.name}").write_bytes(path.read_bytes())
        else:
            (folder / "latin1.toml").write_bytes('title = "caf\xe9"\n'.encode("latin-1"))

    return change


@st.composite
def broken_folder(draw: st.DrawFn) -> list[tuple[str, object]]:
    """One to three changes, each to one file (or the folder)."""
    count = draw(st.integers(min_value=1, max_value=3))
    changes: list[tuple[str, object]] = []
    for _index in range(count):
        kind = draw(st.sampled_from(["line", "line", "text", "text", "text", "bytes", "folder"]))
        name = draw(st.sampled_from(FILES))
        if kind == "line":
            changes.append((name, draw(line_mutation())))
        elif kind == "text":
            changes.append((name, draw(text_mutation())))
        elif kind == "bytes":
            changes.append((name, ("bytes", draw(byte_mutation()))))
        else:
            changes.append(("", draw(folder_change())))
    return changes


def apply(folder: Path, changes: list[tuple[str, object]]) -> None:
    for name, change in changes:
        if not name:
            change(folder)  # type: ignore[operator]
            continue
        path = folder / name
        if not path.exists():
            continue
        data = path.read_bytes()
        path.unlink()  # a link to the shipped file: replace it, never write through it
        if isinstance(change, tuple):
            path.write_bytes(change[1](data))
        else:
            text = data.decode("utf-8", "surrogateescape")
            path.write_bytes(change(text).encode("utf-8", "surrogateescape"))  # type: ignore[operator]


def linked_copy(folder: Path) -> None:
    """The shipped content as symbolic links: much faster than copying, for thousands of runs."""
    for name in FILES:
        link = folder / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(CONTENT / name)


def readable_toml(path: Path) -> bool:
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, OSError):
        return False
    return True


def check_problems(folder: Path, error: ContentError) -> None:
    assert error.problems, "a ContentError without problems tells the editor nothing"
    existing = {p.relative_to(folder).as_posix() for p in folder.rglob("*.toml")}
    # A table that must exist once and is missing is reported where it belongs.
    places = {str(folder), _("(content folder)"), "catalog.toml"}
    for problem in error.problems:
        assert problem.message.strip(), problem
        named = [part.strip() for part in problem.file.split(",")]
        assert all(part in existing or part in places for part in named), (
            f"names no file of the folder: {problem!r}"
        )
        if all(part in existing and readable_toml(folder / part) for part in named):
            assert problem.key.strip(), f"readable TOML but no key named: {problem!r}"
        assert "Traceback" not in str(problem)


_PARSE = tomllib.loads


@functools.lru_cache(maxsize=64)
def _parse_once(text: str) -> dict[str, Any]:
    return _PARSE(text)


def parse_unchanged_once(text: str, /, **options: Any) -> dict[str, Any]:
    """tomllib.loads, but each distinct text is parsed once: most files are unchanged in an
    example, and parsing them again is 70% of the time. A deep copy keeps examples apart;
    a text that fails to parse is not cached and fails exactly as before."""
    if options:
        return _PARSE(text, **options)
    return copy.deepcopy(_parse_once(text))


@privacy_fuzz.budget(EXAMPLES)
@given(broken_folder())
def test_fuzz_broken_content_gives_clear_problems(changes: list[tuple[str, object]]) -> None:
    privacy_fuzz.RAN["content"] += 1
    with (
        tempfile.TemporaryDirectory() as temporary,
        mock.patch.object(tomllib, "loads", parse_unchanged_once),
    ):
        folder = Path(temporary) / "content"
        linked_copy(folder)
        apply(folder, changes)
        try:
            load_catalog(folder)
        except ContentError as error:
            privacy_fuzz.RAN["content-rejected"] += 1
            check_problems(folder, error)


def test_fuzz_content_ran_enough_examples() -> None:
    ran = privacy_fuzz.RAN["content"]
    print(
        f"\ncontent mutations tried: {ran}, rejected with a clear message: "
        f"{privacy_fuzz.RAN['content-rejected']}"
    )
    if ran == 0:
        return  # run on its own (-k): the fuzz test did not run in this session
    assert ran >= privacy_fuzz.minimum(EXAMPLES)
    assert privacy_fuzz.RAN["content-rejected"] > ran // 4, "the mutations hardly break anything"


def test_an_unreadable_folder_is_named() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        missing = Path(temporary) / "nowhere"
        try:
            load_catalog(missing)
        except ContentError as error:
            assert error.problems[0].file == str(missing)
        else:
            raise AssertionError("a missing folder loaded")
