"""The only things Signaal remembers between runs: language, theme and idle time.

Declared once here, stored as a tiny JSON file in the user's config folder. Nothing about a case
ever goes in: `Preferences` has exactly these three fields and `load` drops anything else. A file
that cannot be read or written is ignored — preferences are a comfort, never a reason to fail.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Literal, get_args

from signaal.i18n import LANGUAGES

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = get_args(Theme)
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240
FILE_NAME = "preferences.json"


@dataclass(frozen=True)
class Preferences:
    """Every persisted preference; a test checks that the file holds nothing but these keys."""

    language: str = "nl"
    theme: Theme = "system"
    idle_minutes: int = 15

    def validated(self) -> Preferences:
        """The same preferences with every out-of-range value replaced by its default."""
        default = Preferences()
        language = self.language if self.language in LANGUAGES else default.language
        theme = self.theme if self.theme in THEMES else default.theme
        idle = self.idle_minutes
        if not isinstance(idle, int) or isinstance(idle, bool):
            idle = default.idle_minutes
        idle = min(max(idle, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)
        return replace(self, language=language, theme=theme, idle_minutes=idle)


PREFERENCE_KEYS = tuple(field.name for field in fields(Preferences))


def config_dir() -> Path:
    """The platform's per-user config folder for Signaal (XDG on Linux and other Unixes)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "Signaal"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Signaal"
    base = os.environ.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "signaal"


def preferences_path() -> Path:
    return config_dir() / FILE_NAME


def load(path: Path | None = None) -> Preferences:
    """Read the preferences; a missing, unreadable or malformed file gives the defaults."""
    path = path or preferences_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    known = {key: data[key] for key in PREFERENCE_KEYS if key in data}
    try:
        return Preferences(**known).validated()
    except TypeError:
        return Preferences()


def save(preferences: Preferences, path: Path | None = None) -> bool:
    """Write the preferences; returns False (and changes nothing else) when that is impossible."""
    path = path or preferences_path()
    text = json.dumps(asdict(preferences.validated()), indent=2, sort_keys=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    except OSError:
        return False
    return True
