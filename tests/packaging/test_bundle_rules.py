"""The bundle keeps what Signaal needs and leaves out what it must not ship."""

from __future__ import annotations

from pathlib import Path

import pytest

from bundle_rules import EXCLUDES, drop_orphans, is_wanted, prune, read_version, version_tuple
from signaal import __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/translations/qtbase_nl.qm",
        "PySide6/translations/qtbase_nl.qm",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "babel/locale-data/nl.dat",
        "babel/locale-data/nl_NL.dat",
        "babel/locale-data/en_GB.dat",
        "babel/locale-data/root.dat",
        "babel/global.dat",
        "signaal/resources/content/catalog.toml",
        "signaal/translations/nl/LC_MESSAGES/core.mo",
    ],
)
def test_keeps_what_signaal_uses(destination: str) -> None:
    assert is_wanted(destination)


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "libcups.so.2",
        "PySide6/Qt/translations/qt_nl.qm",
        "PySide6/Qt/translations/qtdeclarative_nl.qm",
        "babel/locale-data/de.dat",
        "babel/locale-data/nl_BE.dat",
    ],
)
def test_leaves_out_network_listeners_and_unused_files(destination: str) -> None:
    assert not is_wanted(destination)


def test_excludes_unused_qt_modules_but_not_the_used_ones() -> None:
    for unused in ("PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtWebEngineCore", "ssl"):
        assert unused in EXCLUDES
    for used in (
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtPrintSupport",
        "QtPdf",
        "QtPdfWidgets",
        "QtSvg",
    ):
        assert f"PySide6.{used}" not in EXCLUDES


def test_prune_keeps_toc_entries_intact() -> None:
    toc = [
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/src/libqvnc.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    ]
    assert prune(toc) == [toc[1]]


def test_drop_orphans_keeps_the_dependency_closure_of_modules_and_plugins() -> None:
    toc = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/s/libxcb-cursor.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),
        ("libgtk-3.so.0", "/s/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
    ]
    links = {
        "/s/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/s/libQt6Gui.so.6": ["libQt6Core.so.6", "libc.so.6"],
        "/s/libqxcb.so": ["/elsewhere/libxcb-cursor.so.0"],
        "/s/libgtk-3.so.0": ["libcairo.so.2"],
    }
    kept = drop_orphans(toc, lambda source: links.get(source, []))
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
    ]


def test_one_version_number() -> None:
    assert read_version(str(ROOT / "src" / "signaal" / "__init__.py")) == __version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        ("2.0rc1", (2, 0, 0, 0)),
        ("3", (3, 0, 0, 0)),
    ],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_tuple(version) == numbers


@pytest.mark.parametrize(
    ("argv0", "cli"),
    [
        ("/opt/signaal/signaal-cli", True),
        ("signaal-cli", True),
        ("C:\\Program Files\\Signaal\\signaal-cli.exe", True),
        ("C:\\Program Files\\Signaal\\SIGNAAL-CLI.EXE", True),
        ("/opt/signaal/signaal", False),
        ("C:\\Program Files\\Signaal\\signaal.exe", False),
        ("/Applications/Signaal.app/Contents/MacOS/signaal", False),
    ],
)
def test_frozen_entry_point_dispatches_on_program_name(argv0: str, cli: bool) -> None:
    from launch import started_as_cli

    assert started_as_cli(argv0) is cli
