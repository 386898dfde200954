"""At start: no core dumps (issue 22 item 6), and no platform plugin that serves the window
elsewhere (item 10). Both run the real `signaal.app.main()` in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from signaal.ui.lockdown import TEST_ALLOW_CORE, refused_platforms, requested_platforms

# Runs the real `signaal.app.main()` and, once the window is painted, prints the core limits
# of the process as the kernel reports them, then ends the process.
CORE_PROBE = """
import json, os, resource
from PySide6.QtCore import QEvent, QObject
import PySide6.QtWidgets as QtWidgets

def dumpable():
    import ctypes
    return ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.objectName() == "main-window":
            limit = resource.getrlimit(resource.RLIMIT_CORE)
            print(json.dumps({"rlimit_core": list(limit), "dumpable": dumpable()}), flush=True)
            os._exit(0)
        return False

class ProbedApplication(QtWidgets.QApplication):
    def exec(self):
        self.probe = Probe()
        self.installEventFilter(self.probe)
        return super().exec()

QtWidgets.QApplication = ProbedApplication
from signaal.app import main
main(["signaal"])
"""


def run_app(tmp_path: Path, code: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **{k: v for k, v in os.environ.items() if k != TEST_ALLOW_CORE},
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def probe(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr
    found: dict[str, object] = json.loads(lines[-1])
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="asks prctl")
def test_the_running_app_allows_no_core_dump(tmp_path: Path) -> None:
    limits = probe(run_app(tmp_path, CORE_PROBE))
    assert limits == {"rlimit_core": [0, 0], "dumpable": 0}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="asks prctl")
def test_the_test_switch_keeps_only_ptrace_open(tmp_path: Path) -> None:
    """A gcore residue test may keep the process dumpable; the core size limit stays zero."""
    limits = probe(run_app(tmp_path, CORE_PROBE, **{TEST_ALLOW_CORE: "1"}))
    assert limits == {"rlimit_core": [0, 0], "dumpable": 1}


START = "import sys\nfrom signaal.app import main\nsys.exit(main(sys.argv))"


@pytest.mark.parametrize(
    ("args", "variable"),
    [
        ((), "vnc:port=5987"),
        ((), "wayland;vnc"),
        (("-platform", "vnc:port=5987"), "offscreen"),
        (("--platform", "minimal"), "offscreen"),
        (("-platform=vnc",), "offscreen"),
    ],
)
def test_a_platform_that_serves_the_window_elsewhere_is_refused(
    tmp_path: Path, args: tuple[str, ...], variable: str
) -> None:
    result = run_app(tmp_path, START, *args, QT_QPA_PLATFORM=variable)
    assert result.returncode == 2
    assert "Signaal start niet met de Qt-platformplug-in" in result.stderr
    assert "vnc" in result.stderr or "minimal" in result.stderr


def test_refused_names_and_allowed_desktops() -> None:
    assert requested_platforms(["signaal"], {"QT_QPA_PLATFORM": "xcb;wayland"}) == [
        "xcb",
        "wayland",
    ]
    assert requested_platforms(["signaal", "-platform", "windows:darkmode=2"], {}) == ["windows"]
    assert requested_platforms(["signaal"], {}) == []
    for desktop in ("xcb", "wayland", "wayland-egl", "windows", "cocoa", "offscreen"):
        assert refused_platforms(["signaal", "-platform", desktop], {}) == []
    assert refused_platforms(["signaal"], {"QT_QPA_PLATFORM": "VNC:port=1"}) == ["vnc"]
    # The command line wins over the variable, as in Qt.
    assert refused_platforms(["signaal", "-platform", "xcb"], {"QT_QPA_PLATFORM": "vnc"}) == []
    assert refused_platforms(["signaal", "-platform", "eglfs"], {"QT_QPA_PLATFORM": "xcb"}) == [
        "eglfs"
    ]
