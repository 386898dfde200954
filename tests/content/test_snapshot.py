"""Ids are stable: an id in the committed snapshot may never disappear from the catalog."""

from __future__ import annotations

from signaal.content import load_catalog

from .snapshot_ids import SNAPSHOT, id_lines


def test_no_id_of_the_snapshot_disappears() -> None:
    current = set(id_lines(load_catalog(use_compiled=False)))
    snapshot = [line for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if line]
    assert len(snapshot) > 100
    gone = [line for line in snapshot if line not in current]
    assert gone == [], (
        "These ids disappeared from the content. Ids are stable: restore them, or give a changed "
        "meaning a new id and keep the old one. If the removal is deliberate, regenerate the "
        "snapshot with `uv run python tests/content/snapshot_ids.py`."
    )
