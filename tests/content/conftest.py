"""Fixtures for content tests: a private copy of the shipped TOML that a test may break."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from signaal.content import ContentError, ContentProblem, load_catalog
from signaal.content.loader import default_content_dir
from signaal.i18n import active_language, set_language


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """The shipped content files (TOML only, no compiled copy) in a fresh folder."""
    target = tmp_path / "content"
    shutil.copytree(
        default_content_dir(), target, ignore=shutil.ignore_patterns(".compiled", "pending")
    )
    return target


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English for the duration of a test (the default language is Dutch)."""
    before = active_language()
    set_language("en")
    yield
    set_language(before)


def problems_in(directory: Path) -> list[ContentProblem]:
    """The problems the loader reports for `directory`; fails the test if it loads."""
    with pytest.raises(ContentError) as raised:
        load_catalog(directory, use_compiled=False)
    return raised.value.problems


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    """The 1-based line of the first occurrence of `fragment` in the file."""
    text = path.read_text(encoding="utf-8")
    return text[: text.index(fragment)].count("\n") + 1
