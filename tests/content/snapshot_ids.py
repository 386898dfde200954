"""Write tests/content/catalog_ids.txt: every id the shipped catalog defines, one `kind id` a line.

Regenerate after content was added on purpose: `uv run python tests/content/snapshot_ids.py`.
`test_snapshot.py` fails when an id in the snapshot disappears from the catalog (ids are stable:
a changed meaning gets a new id), and lets new ids pass until the snapshot is regenerated.
"""

from __future__ import annotations

from pathlib import Path

from signaal.content import Catalog, load_catalog
from signaal.content.references import catalog_ids

SNAPSHOT = Path(__file__).with_name("catalog_ids.txt")


def id_lines(catalog: Catalog) -> list[str]:
    """`kind id` for every id; sections as `section checklist/section` (unique per checklist)."""
    lines = {
        f"{kind} {entry_id}"
        for kind, ids in catalog_ids(catalog).items()
        if kind != "section"
        for entry_id in ids
    }
    lines |= {
        f"section {checklist.id}/{section.id}"
        for checklist in catalog.checklists
        for section in checklist.sections
    }
    # A signal merged into another keeps its id as an alias (`replaces`): case files that name
    # it stay readable, so the id has not disappeared.
    lines |= {f"indicator {old}" for old in catalog.replaced_by}
    return sorted(lines)


def main() -> None:
    lines = id_lines(load_catalog(use_compiled=False))
    SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{SNAPSHOT}: {len(lines)} ids")


if __name__ == "__main__":
    main()
