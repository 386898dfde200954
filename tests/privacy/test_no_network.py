"""Nothing sent: no Signaal module imports a networking module, directly or by name.

Two checks. The static one walks every module of `src/signaal` with `ast` and refuses any
import of a networking module (also `importlib.import_module("socket")`-style string imports).
The run-time one imports every module of the package in a fresh interpreter with an import hook
that records *who* imports each networking module. Python's own standard library pulls in some
of them indirectly (`pathlib` → `urllib.parse`, `xml.sax.saxutils` → `urllib.request` → `http`,
`ssl`; `email.utils` → `socket`) without opening anything, so at run time only imports made by a
Signaal module itself fail — plus Qt's network module, which must never be loaded at all.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import signaal

PACKAGE = Path(signaal.__file__).resolve().parent

NETWORK_MODULES = {
    "socket",
    "socketserver",
    "ssl",
    "http",
    "urllib",
    "urllib3",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "xmlrpc",
    "asyncio",
    "selectors",
    "webbrowser",
    "requests",
    "httpx",
    "aiohttp",
    "websocket",
    "websockets",
    "paramiko",
    "grpc",
}
NETWORK_QT = {
    "QtNetwork",
    "QtWebSockets",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebChannel",
    "QtWebView",
    "QtHttpServer",
    "QtRemoteObjects",
    "QtNetworkAuth",
    "QtBluetooth",
    "QtNfc",
    "QtMqtt",
    "QtGrpc",
    "QtCoap",
}


def is_network_module(name: str) -> bool:
    parts = name.split(".")
    if parts[0] in NETWORK_MODULES:
        return True
    return (
        parts[0] in {"PySide6", "PyQt6", "shiboken6"}
        and len(parts) > 1
        and (parts[1] in NETWORK_QT)
    )


def network_imports(source: str, filename: str = "<module>") -> list[str]:
    """Every networking module named by an import statement or a by-name import call."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if is_network_module(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if is_network_module(node.module):
                found.append(node.module)
                continue
            found += [
                f"{node.module}.{alias.name}"
                for alias in node.names
                if is_network_module(f"{node.module}.{alias.name}")
            ]
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            called = getattr(function, "attr", getattr(function, "id", ""))
            first = node.args[0]
            if (
                called in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and is_network_module(first.value)
            ):
                found.append(first.value)
    return found


def test_the_checker_recognises_network_imports() -> None:
    planted = (
        "import os, socket\n"
        "from urllib.request import urlopen\n"
        "from PySide6 import QtNetwork\n"
        "from PySide6.QtWebSockets import QWebSocket\n"
        "import importlib\nimportlib.import_module('http.client')\n"
        "from asyncio import open_connection\n"
    )
    assert sorted(network_imports(planted)) == [
        "PySide6.QtNetwork",
        "PySide6.QtWebSockets",
        "asyncio",
        "http.client",
        "socket",
        "urllib.request",
    ]
    assert network_imports("import os\nfrom PySide6 import QtWidgets\nimport sockets_not\n") == []


def test_no_signaal_module_imports_a_network_module() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) >= 10, "the package was not found"
    offenders = {
        str(path.relative_to(PACKAGE)): names
        for path in modules
        if (names := network_imports(path.read_text(encoding="utf-8"), str(path)))
    }
    assert offenders == {}


_IMPORT_EVERYTHING = r"""
import json, pkgutil, sys, traceback, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
NETWORK = json.loads(sys.argv[1])
QT = json.loads(sys.argv[2])
PACKAGE_NAME = sys.argv[3]
sys.path.insert(0, sys.argv[4])

def network(name):
    parts = name.split(".")
    return parts[0] in NETWORK or (parts[0] == "PySide6" and len(parts) > 1 and parts[1] in QT)

seen = []
class Recorder:
    def find_spec(self, name, path=None, target=None):
        if network(name) and name not in sys.modules:
            frames = [f for f in traceback.extract_stack()[:-1] if "importlib" not in f.filename
                      and not f.filename.startswith("<frozen")]
            seen.append([name, frames[-1].filename if frames else "?"])
        return None

sys.meta_path.insert(0, Recorder())
package = __import__(PACKAGE_NAME)
imported = []
for module in pkgutil.walk_packages(package.__path__, PACKAGE_NAME + "."):
    if module.name.endswith("__main__"):
        continue
    __import__(module.name)
    imported.append(module.name)
print(json.dumps({"imported": imported, "seen": seen,
                  "qt": [m for m in sys.modules if m.startswith("PySide6.") and network(m)]}))
"""


def import_everything(package: str, extra_path: Path) -> dict[str, list[Any]]:
    """Import every module of `package` in a fresh interpreter; who imported what network."""
    done = subprocess.run(
        [
            sys.executable,
            "-B",
            "-c",
            _IMPORT_EVERYTHING,
            json.dumps(sorted(NETWORK_MODULES)),
            json.dumps(sorted(NETWORK_QT)),
            package,
            str(extra_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, list[Any]] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_the_import_recorder_names_the_importing_module(tmp_path: Path) -> None:
    planted = tmp_path / "plantedpkg"
    planted.mkdir()
    (planted / "__init__.py").write_text("")
    (planted / "innocent.py").write_text("import json\n")
    (planted / "leaky.py").write_text("import ftplib\n")
    result = import_everything("plantedpkg", tmp_path)
    importers = {name: Path(importer).name for name, importer in result["seen"]}
    assert importers["ftplib"] == "leaky.py"
    assert importers["socket"] == "ftplib.py"


def test_importing_all_of_signaal_pulls_in_no_network_module_itself(tmp_path: Path) -> None:
    result = import_everything("signaal", tmp_path)
    assert "signaal.ui.main_window" in result["imported"]
    assert "signaal.cli" in result["imported"]
    by_signaal = [
        (name, importer)
        for name, importer in result["seen"]
        if Path(importer).resolve().is_relative_to(PACKAGE)
    ]
    assert by_signaal == []
    assert result["qt"] == []
