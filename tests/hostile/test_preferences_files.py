"""A hostile preferences file never stops the app, and a write never follows a link (issue 21)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from signaal.preferences import Preferences, load, save

GOOD = {"language": "en", "theme": "dark", "idle_minutes": 5}


def loaded_with_one_line(path: Path, capsys: pytest.CaptureFixture[str]) -> Preferences:
    started = time.monotonic()
    result = load(path)
    assert time.monotonic() - started < 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("signaal: preferences ignored")
    return result


def test_deep_nesting_is_ignored(tmp_path, capsys) -> None:
    path = tmp_path / "preferences.json"
    path.write_text("[" * 3000 + "]" * 3000)
    assert loaded_with_one_line(path, capsys) == Preferences()
    path.write_text('{"language": ' + "{" * 100_000)
    assert loaded_with_one_line(path, capsys) == Preferences()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/full", "/dev/urandom"])
def test_a_link_to_a_device_is_ignored(tmp_path, capsys, device) -> None:
    path = tmp_path / "preferences.json"
    path.symlink_to(device)
    assert loaded_with_one_line(path, capsys) == Preferences()


def test_a_fifo_does_not_hang_the_start(tmp_path, capsys) -> None:
    path = tmp_path / "preferences.json"
    os.mkfifo(path)
    assert loaded_with_one_line(path, capsys) == Preferences()


def test_a_link_to_another_file_is_neither_read_nor_overwritten(tmp_path, capsys) -> None:
    other = tmp_path / "important.txt"
    other.write_text(json.dumps(GOOD))
    path = tmp_path / "signaal" / "preferences.json"
    path.parent.mkdir()
    path.symlink_to(other)
    assert loaded_with_one_line(path, capsys) == Preferences()
    assert save(Preferences(theme="light"), path)
    assert other.read_text() == json.dumps(GOOD)
    assert not path.is_symlink()
    assert json.loads(path.read_text())["theme"] == "light"
    assert sorted(p.name for p in path.parent.iterdir()) == ["preferences.json"]


def test_a_huge_file_is_ignored(tmp_path, capsys) -> None:
    path = tmp_path / "preferences.json"
    with path.open("wb") as sparse:
        sparse.truncate(1024**3)
    assert loaded_with_one_line(path, capsys) == Preferences()


def test_a_missing_file_is_silent(tmp_path, capsys) -> None:
    assert load(tmp_path / "preferences.json") == Preferences()
    assert capsys.readouterr().err == ""


def test_the_write_replaces_the_file_atomically(tmp_path) -> None:
    path = tmp_path / "preferences.json"
    assert save(Preferences(**GOOD), path)
    before = path.stat().st_ino
    assert save(Preferences(theme="light"), path)
    # A new inode: the file was replaced by rename, never rewritten in place.
    assert path.stat().st_ino != before
    assert load(path).theme == "light"
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


def test_concurrent_writes_leave_a_whole_file(tmp_path) -> None:
    path = tmp_path / "preferences.json"
    themes = ["light", "dark", "system"] * 20
    threads = [
        threading.Thread(target=save, args=(Preferences(theme=theme), path))  # type: ignore[arg-type]
        for theme in themes
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert load(path).theme in themes


@pytest.mark.parametrize("kind", ["nested", "fifo", "zero"])
def test_a_fresh_process_reads_a_hostile_preferences_file(tmp_path, kind) -> None:
    """`signaal.app` calls `load` first, before any error hook: it must return, with one line."""
    config = tmp_path / "signaal"
    config.mkdir()
    path = config / "preferences.json"
    if kind == "nested":
        path.write_text("[" * 3000)
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    code = "import signaal.app as a, signaal.preferences as p; print(p.load().theme)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "system"
    assert len(result.stderr.strip().splitlines()) == 1
