"""Desktop integration files agree with each other, with pyproject.toml and with the version."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from signaal import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "nl.signaal.Signaal"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
DESKTOP = LINUX / f"{APP_ID}.desktop"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_installed_gui_script() -> None:
    entry = desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] in scripts
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert "Network" not in entry["Categories"]


def test_metainfo_matches_desktop_entry_and_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("project_license") == "EUPL-1.2"
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__
    binaries = {element.text for element in component.findall("provides/binary")}
    assert binaries == {"signaal", "signaal-cli"}


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_passes_appstream_validation() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_windows_version_resource_parses(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    compat = pytest.importorskip("PyInstaller.compat")
    # The parser module imports Windows-only helpers at the top; it needs none of them to parse.
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    from windows_version import write_version_file

    path = write_version_file(tmp_path / "version.txt", "Signaal", "signaal")
    info = load_version_info_from_text_file(str(path))
    text = str(info)
    assert f"'ProductVersion', '{__version__}'" in text
    assert "'OriginalFilename', 'signaal.exe'" in text
    assert info.toRaw()


def test_icons_exist_for_every_platform() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "signaal.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "signaal.icns").read_bytes()[:4] == b"icns"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (icons / "png" / f"signaal-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png[16:20], "big")
        assert width == size
