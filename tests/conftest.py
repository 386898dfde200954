"""Shared test setup: offscreen Qt with Signaal's privacy guards, and the shipped catalog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must happen before any QApplication exists; without a display Qt would abort the run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")

from signaal.ui.privacy import prepare_environment

prepare_environment()

from signaal.content import Catalog, load_catalog  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
