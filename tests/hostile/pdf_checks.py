"""PDF checks the hostile tests share (a helper module: `conftest` names clash across folders)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def qpdf_check(path: Path) -> str | None:
    """`qpdf --check`'s complaint about a PDF, or None when it passes (CI installs qpdf)."""
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stdout + result.stderr)[-500:]
