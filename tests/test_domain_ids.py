"""Guards of issue 19: the code names no domain id of the catalog, and a label has one
definition.

Content decides which guidance shows where, whose lists a concern borrows, what a role says in
step 3; the few ids the code must know are declared in `content/code_ids.py`, which
check-content verifies. A string in `ui/` (or `assessment/`, `report/`, the top-level modules)
that equals an id of the catalog is a rule hidden in code. `content/` itself is left out: its
models and loader name the kinds of content, some of which share a word with an id. Both
checks read the source (ast), so they also see code that never runs in a test.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import signaal
from signaal.content import Catalog
from signaal.content.references import catalog_ids

SOURCE = Path(signaal.__file__).resolve().parent
DECLARED = SOURCE / "content" / "code_ids.py"
# The kinds of id a page could be tempted to name. Not flag levels ("black" is a colour too),
# relations and dimensions: those are enumerations of the schema, not ids an editor makes.
ID_KINDS = (
    "role",
    "concern",
    "checklist",
    "section",
    "indicator",
    "contact",
    "guidance",
    "protocol",
    "age_band",
    "acute_danger",
    "step3_exception",
    "weighing_question",
    "routing_rule",
    "concern_rule",
    "trafficking_rule",
    "weighing_scope",
    "source",
)


def domain_ids(catalog: Catalog) -> dict[str, str]:
    """Every id of the kinds above, with its kind."""
    ids: dict[str, str] = {}
    for kind, values in catalog_ids(catalog).items():
        if kind in ID_KINDS:
            for value in values:
                ids.setdefault(value, kind)
    return ids


def ids_named(paths: list[Path], ids: dict[str, str]) -> list[str]:
    """'file:line: 'id' (kind)' for every string literal that is one of the ids."""
    found = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ids:
                found.append(f"{path.name}:{node.lineno}: {node.value!r} ({ids[node.value]})")
    return found


def ui_sources() -> list[Path]:
    return sorted((SOURCE / "ui").rglob("*.py"))


def code_sources() -> list[Path]:
    """Every module outside content/ (where code_ids.py is the declared list)."""
    return sorted(p for p in SOURCE.rglob("*.py") if p.parent != DECLARED.parent)


def test_the_window_names_no_domain_id(catalog: Catalog) -> None:
    assert len(ui_sources()) > 30
    assert ids_named(ui_sources(), domain_ids(catalog)) == []


def test_the_rules_and_the_referral_name_no_domain_id(catalog: Catalog) -> None:
    sources = code_sources()
    assert {"assessment", "report", "ui"} <= {p.parent.name for p in sources}
    assert ids_named(sources, domain_ids(catalog)) == []


def test_the_guard_finds_a_planted_id(catalog: Catalog, tmp_path: Path) -> None:
    """The same check fails on a page that hard-codes a guidance id and a role id (in an
    f-string too), so the empty list above means something."""
    page = tmp_path / "signaal" / "ui" / "planted.py"
    page.parent.mkdir(parents=True)
    page.write_text(
        'BOXES = ("step3-conversation",)\n'
        "def title(role: str) -> str:\n"
        "    return f\"{role}\" if role == 'gp' else ''\n",
        encoding="utf-8",
    )
    found = ids_named([*ui_sources(), page], domain_ids(catalog))
    assert [line.split(": ", 1)[1] for line in found] == [
        "'step3-conversation' (guidance)",
        "'gp' (role)",
    ]


def test_every_declared_id_is_in_the_catalog(catalog: Catalog) -> None:
    """code_ids.py is the one list the code may name; its ids exist (check-content says so
    too, and a test of a broken copy shows it failing)."""
    from signaal.content import code_ids

    ids = domain_ids(catalog)
    assert {ids.get(i) for i in code_ids.CONTACT_IDS} == {"contact"}
    assert {ids.get(i) for i in code_ids.CONCERN_IDS} == {"concern"}


def label_tables(path: Path) -> list[tuple[frozenset[str], int]]:
    """(keys, line) of every dict whose keys are strings and whose values are all `N_("…")`
    labels (a value with a {placeholder} is a sentence, not a label)."""
    tables = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict) or len(node.keys) < 2:
            continue
        keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        labels = [
            v.args[0].value
            for v in node.values
            if isinstance(v, ast.Call)
            and isinstance(v.func, ast.Name)
            and v.func.id == "N_"
            and v.args
            and isinstance(v.args[0], ast.Constant)
            and isinstance(v.args[0].value, str)
        ]
        if (
            len(keys) == len(node.keys)
            and all(isinstance(k, str) for k in keys)
            and len(labels) == len(node.values)
            and not any("{" in label for label in labels)
        ):
            tables.append((frozenset(keys), node.lineno))
    return tables


def twice_defined(paths: list[Path]) -> dict[frozenset[str], list[str]]:
    """Label tables over the same values that more than one module defines (one module may
    hold several forms of one value, e.g. a choice and a heading)."""
    where: dict[frozenset[str], list[str]] = defaultdict(list)
    for path in paths:
        for keys, line in label_tables(path):
            where[keys].append(f"{path.name}:{line}")
    return {
        keys: places
        for keys, places in where.items()
        if len({place.split(":")[0] for place in places}) > 1
    }


def test_each_label_has_one_definition() -> None:
    assert twice_defined(sorted(SOURCE.rglob("*.py"))) == {}


def test_the_label_guard_finds_a_second_wording(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(
        'URGENCY = {"immediate": N_("Now"), "today": N_("Today"), "soon": N_("Soon"), '
        '"info": N_("For information")}\n',
        encoding="utf-8",
    )
    found = twice_defined([SOURCE / "labels.py", planted])
    assert list(found.values()) == [[f"labels.py:{_line('URGENCIES')}", "planted.py:1"]]
    assert twice_defined([SOURCE / "labels.py"]) == {}


def _line(name: str) -> int:
    """The line of `name = {` in labels.py."""
    lines = (SOURCE / "labels.py").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(f"{name}:"))
