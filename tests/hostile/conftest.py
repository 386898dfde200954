"""Hostile inputs: shares the fuzz budget (`SIGNAAL_FUZZ_SCALE`) with the privacy tests."""

from __future__ import annotations

import sys
from pathlib import Path

PRIVACY = Path(__file__).resolve().parent.parent / "privacy"
HERE = Path(__file__).resolve().parent
for folder in (PRIVACY, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def qpdf_check(path: Path) -> str | None:
    """`qpdf --check`'s complaint about a PDF, or None when it passes (CI installs qpdf)."""
    import shutil
    import subprocess

    import pytest

    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stdout + result.stderr)[-500:]
