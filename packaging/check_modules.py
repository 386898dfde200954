"""Check that a frozen bundle holds every module of Signaal's source.

    uv run --group packaging python packaging/check_modules.py dist/signaal/signaal

Steps name their page class as text (`ui/steps.py`) and pages are imported when first shown,
so PyInstaller cannot follow every import by itself; a module it missed would only fail when a
user reaches that step in the frozen app. Exit status 1 lists the missing modules.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PyInstaller.archive.readers import CArchiveReader

SOURCE = Path(__file__).resolve().parent.parent / "src"


def source_modules() -> set[str]:
    """Every importable module under src/signaal, by dotted name."""
    names = set()
    for path in (SOURCE / "signaal").rglob("*.py"):
        parts = path.relative_to(SOURCE).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names - {"signaal.__main__"}  # `python -m signaal`; the bundle starts at launch.py


def frozen_modules(executable: Path) -> set[str]:
    """The modules in the executable's embedded PYZ archive(s)."""
    archive = CArchiveReader(str(executable))
    names: set[str] = set()
    for name, entry in archive.toc.items():
        if entry[-1] == "z":  # a PYZ archive
            names |= set(archive.open_embedded_archive(name).toc)
    return names


def main(argv: list[str]) -> int:
    executable = Path(argv[1]) if len(argv) > 1 else Path("dist/signaal/signaal")
    missing = sorted(source_modules() - frozen_modules(executable))
    if missing:
        print(f"bundle: {len(missing)} modules of src/ are not frozen:", *missing, sep="\n  ")
        return 1
    print(f"bundle: all {len(source_modules())} modules of src/signaal are frozen")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
