"""Benchmark: load and validate the content catalog, and how that grows with a 10× catalog.

    uv run python bench/content.py [--repeats 15] [--scale 10]

Measures, in one process and interleaved:
- `load_catalog()` of the shipped content — what start-up pays: the compiled JSON that the build
  hook validated, built into the content dataclasses without pydantic — goal: median under 50 ms;
- the same from the TOML (`use_compiled=False`: parse, validate with pydantic, cross-check
  references), what a content editor's `check-content` pays;
- the same for a generated catalog with every checklist copied `--scale` times under new ids
  (so indicators and sections grow `--scale`×, shared files stay), to show how load time grows;
- parsing the TOML alone (tomllib), as the baseline the validation adds to.
Also the cold cost: a fresh interpreter importing signaal.content and loading once.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Series, ensure_bytecode_cache, interleaved, print_table, time_ms, verdict
from signaal.content import load_catalog
from signaal.resources import resource_path

GOAL_MS = 50.0


# A small TOML writer: enough for what tomllib returns from our content files.
def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON escapes are valid TOML escapes
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _key(key: str) -> str:
    plain = key.replace("-", "").replace("_", "").isalnum()
    return key if plain else json.dumps(key)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _table(path: str, table: Mapping[str, Any]) -> Iterator[str]:
    for key, value in table.items():
        if not _is_table_array(value):
            yield f"{_key(key)} = {_value(value)}"
    for key, value in table.items():
        if _is_table_array(value):
            for item in value:
                yield f"\n[[{path}.{_key(key)}]]"
                yield from _table(f"{path}.{_key(key)}", item)


def dumps(document: Mapping[str, Any]) -> str:
    lines: list[str] = []
    for key, value in document.items():
        if _is_table_array(value):
            for item in value:
                lines.append(f"\n[[{_key(key)}]]")
                lines.extend(_table(_key(key), item))
        elif isinstance(value, Mapping):
            lines.append(f"\n[{_key(key)}]")
            lines.extend(_table(_key(key), value))
        else:
            lines.insert(0, f"{_key(key)} = {_value(value)}")
    return "\n".join(lines) + "\n"


def _renamed_checklist(checklist: dict[str, Any], copy_number: int) -> dict[str, Any]:
    suffix = f"-copy{copy_number}"
    clone = copy.deepcopy(checklist)
    clone["id"] += suffix
    for section in clone.get("sections", []):
        section["id"] += suffix
    for indicator in clone.get("indicators", []):
        indicator["id"] += suffix
        if "section" in indicator:
            indicator["section"] += suffix
        # Retired ids are merged into one signal each: the copies retire ids of their own.
        indicator["replaces"] = [old + suffix for old in indicator.get("replaces", [])]
    return clone


def generate_scaled_content(source: Path, target: Path, scale: int) -> int:
    """Copy the content folder with every checklist present `scale` times; return indicators."""
    indicators = 0
    for path in sorted(source.rglob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        checklists = document.get("checklist", [])
        if checklists:
            document["checklist"] = [
                _renamed_checklist(checklist, number) if number else checklist
                for number in range(scale)
                for checklist in checklists
            ]
            indicators += sum(len(c.get("indicators", [])) for c in document["checklist"])
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(dumps(document), encoding="utf-8")
    return indicators


def parse_only(directory: Path) -> None:
    for path in sorted(directory.rglob("*.toml")):
        tomllib.loads(path.read_text(encoding="utf-8"))


def cold_load_ms() -> float:
    """A fresh interpreter: import signaal.content and load once (what start-up pays)."""
    code = (
        "import time; t = time.perf_counter()\n"
        "from signaal.content import load_catalog; load_catalog()\n"
        "print((time.perf_counter() - t) * 1000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--scale", type=int, default=10)
    arguments = parser.parse_args()
    ensure_bytecode_cache()

    shipped = resource_path("content")
    catalog = load_catalog()
    base_indicators = len(catalog.indicators_by_id)
    with tempfile.TemporaryDirectory(prefix="signaal-bench-") as scratch:
        scaled = Path(scratch) / "content"
        scaled_indicators = generate_scaled_content(shipped, scaled, arguments.scale)
        load_catalog(scaled)  # fails loudly if the generated catalog is not valid

        parse = Series("parse TOML only (tomllib)")
        shipped_load = Series(f"load_catalog(), shipped ({base_indicators} ind.)")
        shipped_toml = Series("load_catalog(use_compiled=False)")
        scaled_parse = Series(f"parse TOML only, {arguments.scale}×")
        scaled_load = Series(f"load_catalog(), {arguments.scale}× ({scaled_indicators} ind.)")
        interleaved(
            [
                (parse, lambda: time_ms(lambda: parse_only(shipped))),
                (shipped_load, lambda: time_ms(load_catalog)),
                (shipped_toml, lambda: time_ms(lambda: load_catalog(use_compiled=False))),
                (scaled_parse, lambda: time_ms(lambda: parse_only(scaled))),
                (scaled_load, lambda: time_ms(lambda: load_catalog(scaled))),
            ],
            repeats=arguments.repeats,
        )
    cold = Series("cold: new interpreter, import + load")
    for _ in range(max(3, arguments.repeats // 3)):
        cold.add(cold_load_ms())

    print_table(
        "Content: load + validate (in process, warm imports)",
        [shipped_load, shipped_toml, parse],
        baseline=shipped_load,
    )
    print_table(
        f"Growth with a {arguments.scale}× catalog, from TOML (ratio against the shipped TOML)",
        [shipped_toml, scaled_load, scaled_parse],
        baseline=shipped_toml,
    )
    print_table("Cold start of the content layer", [cold])
    print()
    print(verdict("shipped catalog, median", shipped_load.median, GOAL_MS, " ms"))
    print(verdict("shipped catalog from TOML, median", shipped_toml.median, GOAL_MS, " ms"))
    share = parse.median / shipped_toml.median
    print(f"  TOML parsing is {share:.0%} of a load from TOML; validation and references the rest.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
