"""One way to find shipped data: from a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _data_root(kind: str) -> Path:
    """Return the directory holding `resources` or `translations`.

    A wheel (and the PyInstaller bundle, which mirrors the package layout) carries them inside the
    package; a source checkout keeps them at the top of the repository.
    """
    candidates = [_PACKAGE_DIR / kind, _PACKAGE_DIR.parent.parent / kind]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        candidates.insert(0, Path(frozen_root) / "signaal" / kind)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Signaal's {kind} directory is missing; looked in: {candidates}")


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under the shipped `resources/` directory."""
    return _data_root("resources").joinpath(*parts)


def translations_dir() -> Path:
    """The gettext catalog root (`translations/<lang>/LC_MESSAGES/signaal.mo`)."""
    return _data_root("translations")
