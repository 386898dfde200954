"""The README and docs/ stay true: links resolve, runnable commands run, the README stays short.

A fenced block whose info string is `sh runnable` holds commands a reader is told to type; each
line runs from the repository root and must succeed. Other blocks (the app, the whole test
suite, Windows commands) are shown but not run.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "bench/README.md"]
RUNNABLE = re.compile(r"^```sh runnable\n(.*?)^```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
MAX_README_LINES = 120


def runnable_commands() -> list[tuple[str, str]]:
    commands = []
    for document in DOCUMENTS:
        for block in RUNNABLE.findall(document.read_text(encoding="utf-8")):
            for line in block.splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    commands.append((document.relative_to(ROOT).as_posix(), line.strip()))
    return commands


def test_the_readme_is_a_short_front_page() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES


def test_the_docs_show_runnable_commands() -> None:
    assert len(runnable_commands()) >= 3


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(document: Path) -> None:
    targets = LINK.findall(document.read_text(encoding="utf-8"))
    local = [
        target for target in targets if "://" not in target and not target.startswith("mailto:")
    ]
    missing = [target for target in local if not (document.parent / target).exists()]
    assert missing == []


@pytest.mark.parametrize(("document", "command"), runnable_commands())
def test_a_runnable_command_succeeds(document: str, command: str) -> None:
    result = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{document}: `{command}` failed:\n{result.stderr[-2000:]}"
