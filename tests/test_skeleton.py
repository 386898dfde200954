"""Architecture guard: the domain packages never pull in Qt (the window has its own tests).

Two checks, because each alone can be fooled: importing every module (not only the packages'
faces, which import their section modules lazily) with PySide6 blocked, and reading every
module's source for an import of Qt, wherever in the module it stands.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import signaal

DOMAIN_PACKAGES = ("content", "assessment", "report")
QT_ROOTS = frozenset({"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"})
SOURCE = Path(signaal.__file__).resolve().parent

IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
sys.modules['PySide6'] = None
sys.modules['shiboken6'] = None
import signaal.cli
for package in {packages!r}:
    root = importlib.import_module('signaal.' + package)
    for module in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):
        importlib.import_module(module.name)
assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m])
"""


def qt_imports(source: str) -> list[int]:
    """Line numbers of every `import`/`from … import` of a Qt binding, at any depth."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name.split(".")[0] in QT_ROOTS for name in names):
            lines.append(node.lineno)
    return lines


def domain_qt_imports(root: Path) -> dict[str, list[int]]:
    """Every domain module under `root` that imports Qt, with the offending lines."""
    found = {}
    for package in DOMAIN_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            lines = qt_imports(path.read_text(encoding="utf-8"))
            if lines:
                found[str(path.relative_to(root))] = lines
    return found


def test_every_domain_module_imports_without_qt() -> None:
    code = IMPORT_EVERY_MODULE.format(packages=DOMAIN_PACKAGES)
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_domain_module_names_qt_in_its_source() -> None:
    assert domain_qt_imports(SOURCE) == {}


@pytest.mark.parametrize(
    "planted",
    [
        "from PySide6.QtCore import QObject\n",
        "def later() -> None:\n    import PySide6.QtGui\n",
        "try:\n    from shiboken6 import isValid\nexcept ImportError:\n    pass\n",
    ],
)
def test_a_planted_qt_import_is_found(tmp_path: Path, planted: str) -> None:
    """The guard must fail on a Qt import hidden in a lazily imported section module."""
    for package in DOMAIN_PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "report" / "judgement.py").write_text(planted, encoding="utf-8")
    assert list(domain_qt_imports(tmp_path)) == ["report/judgement.py"]


def test_a_planted_qt_import_fails_the_import_check(tmp_path: Path) -> None:
    """The run-time check sees a Qt import in a module that only the walk reaches."""
    package = tmp_path / "signaal_planted" / "report"
    package.mkdir(parents=True)
    (tmp_path / "signaal_planted" / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "judgement.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    code = (
        IMPORT_EVERY_MODULE.replace("'signaal.' + package", "'signaal_planted.' + package")
        .replace("import signaal.cli\n", "")
        .format(packages=("report",))
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "ImportError" in result.stderr or "ModuleNotFoundError" in result.stderr
