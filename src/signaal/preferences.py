"""The only things Signaal remembers between runs: language, theme and idle time.

Declared once here, stored as a tiny JSON file in the user's config folder. Nothing about a case
ever goes in: `Preferences` has exactly these three fields and `load` drops anything else. A file
that cannot be read or written is ignored — preferences are a comfort, never a reason to fail.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import sys
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Literal, get_args

from signaal.i18n import LANGUAGES
from signaal.messages import terminal_safe

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = get_args(Theme)
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240
MINUTE_MS = 60_000  # the idle time's unit in Qt's timers
FILE_NAME = "preferences.json"
# The real file is about 80 bytes.
MAX_FILE_BYTES = 64 * 1024


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
    """Read the preferences; a missing, unreadable or malformed file gives the defaults.

    A file that is there but cannot be used (a link, a device, a FIFO, deep nesting, garbage)
    is ignored with one line on stderr, so the app always starts.
    """
    path = path or preferences_path()
    try:
        raw = _read_regular(path)
    except FileNotFoundError:
        return Preferences()
    except OSError as error:
        return _ignored(path, error.strerror or "cannot be read")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return _ignored(path, "not a valid preferences file")
    if not isinstance(data, dict):
        return _ignored(path, "not a valid preferences file")
    known = {key: data[key] for key in PREFERENCE_KEYS if key in data}
    try:
        return Preferences(**known).validated()
    except TypeError:
        return _ignored(path, "not a valid preferences file")


def _read_regular(path: Path) -> bytes:
    """The bytes of a small regular file that is not a link; OSError for anything else.

    Opened without blocking and without following a link, then checked before reading, so a
    FIFO cannot hang the start and /dev/zero cannot fill memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    if path.is_symlink():  # also where O_NOFOLLOW does not exist
        raise OSError(errno.ELOOP, "a link, not a file")
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = os.read(descriptor, MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise OSError(errno.EFBIG, "too large")
        return data
    finally:
        os.close(descriptor)


def _ignored(path: Path, reason: str) -> Preferences:
    print(
        f"signaal: preferences ignored ({terminal_safe(str(path))}: {reason})",
        file=sys.stderr,
    )
    return Preferences()


def save(preferences: Preferences, path: Path | None = None) -> bool:
    """Write the preferences; returns False (and changes nothing else) when that is impossible.

    The new text goes to a fresh file beside the old one, which then replaces it: a link in
    its place is replaced, never followed, and a crash never leaves half a file.
    """
    path = path or preferences_path()
    text = json.dumps(asdict(preferences.validated()), indent=2, sort_keys=True) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(temporary, flags, 0o600)
        try:
            os.write(descriptor, text.encode("utf-8"))
        finally:
            os.close(descriptor)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True
