"""`check-content` survives hostile content folders and checks what the app will load (issue 21)."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from signaal.cli import main
from signaal.content import load_catalog
from signaal.content.compiled import COMPILED
from signaal.resources import resource_path

SHIPPED = resource_path("content")
ROUTING_TAIL = (
    'refer = [{ contact = "veilig-thuis", urgency = "today" }]\n'
    'reason = { nl = "x", en = "y" }\nsources = ["augeo-veilig-thuis"]\n'
)


def nested_condition(depth: int) -> str:
    condition = '{ indicators_any = ["csa-disclosure"] }'
    for _level in range(depth):
        condition = "{ any_of = [" + condition + "] }"
    return '[[routing_rule]]\nid = "deep"\nwhen = ' + condition + "\n" + ROUTING_TAIL


def deep_folders(root: Path, depth: int) -> None:
    """Folders `depth` deep, made relative to each other (a long path would fail first)."""
    handle = os.open(root, os.O_RDONLY)
    for _level in range(depth):
        os.mkdir("a", dir_fd=handle)
        inner = os.open("a", os.O_RDONLY, dir_fd=handle)
        os.close(handle)
        handle = inner
    output = os.open("x.toml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=handle)
    os.write(output, b"y = 1\n")
    os.close(output)
    os.close(handle)


def remove_deep_folders(root: Path) -> None:
    """Undo `deep_folders` without recursion (pytest's own clean-up would hit the limit)."""
    handles = [os.open(root, os.O_RDONLY)]
    while True:
        try:
            handles.append(os.open("a", os.O_RDONLY, dir_fd=handles[-1]))
        except FileNotFoundError:
            break
    for name in os.listdir(handles[-1]):  # noqa: PTH208 - a folder handle, not a path
        os.unlink(name, dir_fd=handles[-1])
    while len(handles) > 1:
        os.close(handles.pop())
        os.rmdir("a", dir_fd=handles[-1])
    os.close(handles[0])


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "arrays 500 deep": lambda d: (d / "zz.toml").write_text("x = " + "[" * 500 + "]" * 500),
    "inline tables 5000 deep": lambda d: (d / "zz.toml").write_text(
        "x = " + "{a = " * 5000 + "1" + "}" * 5000
    ),
    "any_of 300 deep": lambda d: (d / "zz.toml").write_text(nested_condition(300)),
    "any_of 40 deep": lambda d: (d / "zz.toml").write_text(nested_condition(40)),
    "any_of 300 deep as tables": lambda d: (d / "zz.toml").write_text(
        '[[routing_rule]]\nid = "deep"\n'
        + ROUTING_TAIL
        + "[routing_rule.when]\n"
        + "".join(f"[[routing_rule.when{'.any_of' * i}]]\n" for i in range(1, 301))
    ),
    "a 5000-digit integer": lambda d: (d / "zz.toml").write_text("x = 1" + "0" * 5000),
    "folders 1200 deep": lambda d: deep_folders(d, 1200),
    "a link loop": lambda d: (d / "loop").symlink_to(d),
}


@pytest.fixture
def content(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "content"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns(".compiled"))
    yield folder
    if (folder / "a").is_dir():
        remove_deep_folders(folder)


def check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, float]:
    started = time.monotonic()
    code = main(["check-content", str(folder)])
    elapsed = time.monotonic() - started
    return code, capsys.readouterr().err, elapsed


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_a_corrupt_folder_gives_problems_not_a_traceback(content, capsys, name) -> None:
    CORRUPTIONS[name](content)
    code, err, elapsed = check(content, capsys)
    if name == "a link loop":  # a link is not followed: the content itself is fine
        assert code == 0
        return
    assert code == 1
    assert "Traceback" not in err and "RecursionError" not in err
    assert elapsed < 10
    assert len(err.splitlines()) <= 22


def test_four_thousand_problems_are_found_fast_and_reported_briefly(content, capsys) -> None:
    rules = "".join(
        f'[[routing_rule]]\nid = "r{i}"\nbogus{i} = 1\nwhen = {{ minor = true }}\n' + ROUTING_TAIL
        for i in range(4000)
    )
    (content / "zz.toml").write_text(rules)
    code, err, elapsed = check(content, capsys)
    assert code == 1
    # Locating every problem in the text took 17 s; now a few seconds at most on a slow machine.
    assert elapsed < 8
    lines = err.splitlines()
    assert len(lines) == 22
    assert lines[-2] == "… en nog 3980 problemen"
    assert lines[-1].startswith("Gevonden problemen: 4000.")


def forge(folder: Path) -> None:
    """Drop every rule that advises 112 from the compiled copy, keeping its (matching) digest."""
    compiled = folder / COMPILED
    header, _newline, body = compiled.read_text(encoding="utf-8").partition("\n")
    data = json.loads(body)
    data["routing_rules"] = [
        rule
        for rule in data["routing_rules"]
        if not any(target["contact"] == "emergency-112" for target in rule["refer"])
    ]
    compiled.write_text(header + "\n" + json.dumps(data), encoding="utf-8")


def test_a_forged_compiled_copy_is_caught_by_check_content(tmp_path, capsys) -> None:
    folder = tmp_path / "content"
    shutil.copytree(SHIPPED, folder)
    if not (folder / COMPILED).exists():
        pytest.skip("no compiled copy in this checkout (it is made by the build)")
    code, _err, _elapsed = check(folder, capsys)
    assert code == 0, "the genuine compiled copy passes"
    forge(folder)
    code, err, _elapsed = check(folder, capsys)
    assert code == 1
    assert ".compiled/catalog.json" in err and "controlesom" in err


def test_a_compiled_copy_with_broken_references_is_not_loaded(tmp_path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(SHIPPED, folder)
    compiled = folder / COMPILED
    if not compiled.exists():
        pytest.skip("no compiled copy in this checkout (it is made by the build)")
    header, _newline, body = compiled.read_text(encoding="utf-8").partition("\n")
    data = json.loads(body)
    data["contacts"] = [c for c in data["contacts"] if c["id"] != "emergency-112"]
    compiled.write_text(header + "\n" + json.dumps(data), encoding="utf-8")
    # The app falls back to the TOML: the 112 contact is there.
    catalog = load_catalog(folder)
    assert any(contact.id == "emergency-112" for contact in catalog.contacts)
