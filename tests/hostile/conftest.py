"""Hostile inputs: shares the fuzz budget (`SIGNAAL_FUZZ_SCALE`) with the privacy tests."""

from __future__ import annotations

import sys
from pathlib import Path

PRIVACY = Path(__file__).resolve().parent.parent / "privacy"
HERE = Path(__file__).resolve().parent
for folder in (PRIVACY, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
