"""Nothing written, nothing sent, nothing leaked: one real session of the app under strace.

`e2e_driver.py` runs the real window in its own process (offscreen) and acts like a user; strace
records every file, network and descriptor system call of it and of every thread and child
(`-f`). HOME, the XDG folders and TMPDIR point at fresh, empty folders. (Qt's debug logging is
proven separately in `test_log_guard.py`: switched fully on, it slows this session tenfold.)

Allowed writes, each with its reason:
- the PDF at the path typed into the save dialog: the user asked for it;
- `$XDG_CONFIG_HOME/signaal/preferences.json` (and its folder): language, theme and idle time
  only — checked below to hold nothing else;
- `/dev/null`: writing there stores nothing;
- fontconfig's cache (`$XDG_CACHE_HOME/fontconfig/`): written only when the system's font cache
  is stale, it holds font file names and their character coverage, never text that was laid
  out (the marker scan below reads it too). On this machine and in CI it is not written at all.
Everything else — font caches, Qt's `QtProject.conf`, D-Bus, runtime sockets, temporary files —
fails the test.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import privacy_trace
import pytest
from pypdf import PdfReader

from signaal.preferences import PREFERENCE_KEYS

MARKER = "SIGNAAL-MARKER-7f3a"
DRIVER = Path(__file__).with_name("e2e_driver.py")
FRESH = ("home", "config", "cache", "data", "runtime", "tmp")

pytestmark = pytest.mark.slow


@dataclass
class Session:
    root: Path
    target: Path
    calls: list[privacy_trace.Call]
    report: dict[str, Any]
    stdout: str
    stderr: str
    returncode: int

    def folder(self, name: str) -> Path:
        return self.root / name

    @property
    def preferences(self) -> Path:
        return self.folder("config") / "signaal" / "preferences.json"


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    reason = privacy_trace.strace_usable()
    if reason:
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("traced-session")
    for name in (*FRESH, "out"):
        (root / name).mkdir(mode=0o700)
    target = root / "out" / "verwijzing.pdf"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "QT_", "PYTEST", "DBUS_"))
    }
    env.update(
        HOME=str(root / "home"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_CACHE_HOME=str(root / "cache"),
        XDG_DATA_HOME=str(root / "data"),
        XDG_RUNTIME_DIR=str(root / "runtime"),
        TMPDIR=str(root / "tmp"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
    )
    log = root / "strace.log"
    done = subprocess.run(
        privacy_trace.strace_command(log, sys.executable, "-B", str(DRIVER), MARKER, str(target)),
        cwd=root / "home",
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    lines = done.stdout.splitlines()
    report_lines = [line for line in lines if line.startswith("REPORT ")]
    assert report_lines, f"the driver gave no report; exit {done.returncode}\n{done.stderr[-3000:]}"
    with log.open(encoding="utf-8", errors="replace") as handle:
        calls = list(privacy_trace.calls(handle))
    return Session(
        root=root,
        target=target,
        calls=calls,
        report=json.loads(report_lines[-1][len("REPORT ") :]),
        stdout="\n".join(line for line in lines if not line.startswith("REPORT ")),
        stderr=done.stderr,
        returncode=done.returncode,
    )


def test_the_session_did_what_a_user_does(session: Session) -> None:
    report = session.report
    assert session.returncode == 0, session.stderr[-3000:]
    assert report["errors"] == []
    assert report["steps"] == [
        "answer",
        "walk",
        "preview",
        "save",
        "new-case",
        "answer-again",
        "open",
        "quit",
    ]
    assert report["answered"] == 3
    assert report["typed"] >= 3, "hardly any free-text field was filled"
    assert report["case_holds_marker_after_typing"]
    assert report["saved_via"] == "file-dialog"
    assert "file" in report["dialogs"]
    # The saved referral carried the case back: opening it is part of the traced session.
    assert report["opened_via"] == "file-dialog"
    assert report["case_holds_marker_after_open"]
    assert report["observations_after_open"] == 3
    assert len(session.calls) > 1000, "strace recorded almost nothing: is it tracing at all?"
    text = " ".join(page.extract_text() for page in PdfReader(session.target).pages)
    assert MARKER in text, "the saved PDF lacks the facts: the marker checks below would be void"


def allowed_write(session: Session, path: str) -> bool:
    font_cache = session.folder("cache") / "fontconfig"
    candidate = Path(path)
    return (
        path in (str(session.target), os.devnull)
        or candidate in (session.preferences.parent, session.preferences, font_cache)
        or candidate.parent == font_cache
    )


def test_nothing_is_written_but_the_pdf_and_the_preferences(session: Session) -> None:
    writes = privacy_trace.writes(session.calls, cwd=str(session.folder("home")))
    assert any(w.path == str(session.target) for w in writes), "the PDF save was not traced"
    unexpected = sorted({(w.call, w.path) for w in writes if not allowed_write(session, w.path)})
    assert unexpected == []


def test_preferences_hold_only_preferences(session: Session) -> None:
    # The driver switched the theme, so the file exists; it holds the three preferences only.
    data = json.loads(session.preferences.read_text(encoding="utf-8"))
    assert data == {"idle_minutes": 15, "language": "nl", "theme": "light"}
    assert set(data) == set(PREFERENCE_KEYS)
    assert MARKER not in session.preferences.read_text(encoding="utf-8")


def marker_forms() -> list[bytes]:
    return [MARKER.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le")]


def test_no_file_under_the_fresh_folders_holds_case_text(session: Session) -> None:
    leaks = []
    scanned = 0
    for name in FRESH:
        for path in session.folder(name).rglob("*"):
            if path.is_file() and not path.is_symlink():
                scanned += 1
                data = path.read_bytes()
                if any(form in data for form in marker_forms()):
                    leaks.append(str(path))
    assert scanned >= 1, "the preferences file at least must have been scanned"
    assert leaks == []


def test_no_socket_can_reach_another_machine(session: Session) -> None:
    assert [(c.name, c.args[:2]) for c in privacy_trace.sockets(session.calls)] == []
    assert session.report["qt_network_module_loaded"] is False


def test_no_case_text_in_log_output(session: Session) -> None:
    assert MARKER not in session.stderr
    assert MARKER not in session.stdout


def test_no_case_text_in_titles_dialogs_clipboard_or_pdf_metadata(session: Session) -> None:
    report = session.report
    assert report["titles"], "no window title was seen"
    assert [t for t in report["titles"] if MARKER in t] == []
    assert [m for m in report["messages"] if MARKER in m] == []
    assert report["clipboard_has_marker"] is False
    reader = PdfReader(io.BytesIO(session.target.read_bytes()))
    metadata = json.dumps({str(k): str(v) for k, v in (reader.metadata or {}).items()})
    assert MARKER not in metadata
    for private in {os.uname().nodename, Path.home().name, os.environ.get("USER", "")} - {""}:
        assert f'"{private}"' not in metadata


def test_new_case_leaves_no_case_data_in_the_window(session: Session) -> None:
    report = session.report
    assert report["case_holds_marker_after_new"] is False
    assert report["observations_after_new"] == 0
    assert report["widgets_with_marker_after_new"] == []


def test_closing_with_unsaved_work_asks_first(session: Session) -> None:
    report = session.report
    # New case and quit each asked once (the driver typed again before quitting).
    assert report["dialogs_by_step"]["new-case"] == ["message"]
    assert report["dialogs_by_step"]["quit"] == ["message"]
    assert report["dialogs_by_step"]["save"] == ["file"]
    assert report["dialogs_by_step"]["open"] == ["file", "message"]
    assert report["window_visible_after_quit"] is False
