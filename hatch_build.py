"""Build hook: compile the gettext catalogs and the content sources, so that neither the .mo files
nor the compiled content are ever committed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogs(root: Path) -> list[Path]:
    """Compile every translations/<lang>/LC_MESSAGES/*.po next to itself; return the .mo paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted((root / "translations").glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        written.append(mo_path)
    return written


def compile_content(root: Path) -> Path | None:
    """Validate resources/content/**/*.toml into resources/content/.compiled/catalog.json.

    Content with problems leaves no compiled copy: the app then reads the TOML and shows the
    content editor what is wrong, instead of the build failing here.
    """
    source = str(root / "src")
    sys.path.insert(0, source)
    try:
        from signaal.content.compiled import compile_content as compile_from

        return compile_from(root / "resources" / "content")
    finally:
        sys.path.remove(source)


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Runs for wheel and editable builds alike (uv run / uv sync trigger the latter)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # The wheel's force-include of `resources` carries the compiled content along.
        compile_catalogs(Path(self.root))
        compile_content(Path(self.root))


if __name__ == "__main__":
    root = Path(__file__).parent
    for path in compile_catalogs(root):
        print(path)
    print(compile_content(root) or "content: not compiled (a file does not parse)")
