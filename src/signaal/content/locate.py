"""Where in a content file's text a problem lies: the line of a key path, an id or a reference.

The TOML parser gives no positions for parsed values, so the loader's problems are located by
searching the text: table headers, `key =` lines and the `id = "..."` line of each entry.
A search that finds nothing gives no line; the key path alone must do then.
"""

from __future__ import annotations

import re
from typing import Any

from signaal.content.references import ReferenceProblem


def first_failing_line(text: str) -> int | None:
    """The parser reports a key set twice only at the end: find the line by parsing prefixes."""
    import tomllib  # only for a broken file: not on the app's start path

    lines = text.splitlines(keepends=True)

    def overwrites(count: int) -> bool:
        try:
            tomllib.loads("".join(lines[:count]))
        except tomllib.TOMLDecodeError as error:
            return str(error).startswith("Cannot overwrite a value")
        return False

    low, high = 1, len(lines)
    if not overwrites(high):
        return None
    while low < high:
        middle = (low + high) // 2
        if overwrites(middle):
            high = middle
        else:
            low = middle + 1
    return low


def key_pattern(key: str) -> re.Pattern[str]:
    """A table header ending in `key`, or `key =` at a line start or inside an inline table."""
    name = re.escape(key)
    return re.compile(
        rf"^[ \t]*\[\[?[ \t]*(?:[\w-]+[ \t]*\.[ \t]*)*{name}[ \t]*\]\]?"
        rf"|^[ \t]*{name}[ \t]*=|[{{,][ \t]*{name}[ \t]*=",
        re.MULTILINE,
    )


def id_pattern(entry_id: str) -> re.Pattern[str]:
    """The `id = "..."` line of the entry with this id."""
    return re.compile(r"^[ \t]*id[ \t]*=[ \t]*[\"']" + re.escape(entry_id) + r"[\"']", re.MULTILINE)


def entry_start(text: str, entry_id: str, start: int) -> int | None:
    """Where the entry with this id begins: its `[[...]]` header, or else its `id` line."""
    pattern = id_pattern(entry_id)
    found = pattern.search(text, start) or pattern.search(text)
    if found is None:
        return None
    newline = text.rfind("\n[", 0, found.start())
    header = newline + 1 if newline >= 0 else (0 if text.startswith("[") else -1)
    if header >= 0 and not re.search(
        r"^[ \t]*id[ \t]*=", text[header : found.start()], re.MULTILINE
    ):
        return header
    return found.start()


def line_of(location: tuple[int | str, ...], text: str, data: dict[str, Any]) -> int | None:
    """Follow the key path through the file text as far as it can be found."""
    if not text:
        return None
    position: int | None = None
    node: Any = data
    tables: list[str] = []
    for part in location:
        start = position or 0
        if isinstance(part, str):
            if not isinstance(node, dict) or part not in node:
                break
            found = key_pattern(part).search(text, start)
            if found is None:
                break
            position = found.start()
            tables.append(part)
            node = node[part]
            continue
        if not isinstance(node, list) or part >= len(node):
            break
        item = node[part]
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            entry = entry_start(text, item["id"], start)
            if entry is not None:
                position = entry
        else:
            header = re.compile(
                r"^[ \t]*\[\[[ \t]*"
                + r"[ \t]*\.[ \t]*".join(map(re.escape, tables))
                + r"[ \t]*\]\]",
                re.MULTILINE,
            )
            headers = list(header.finditer(text, start))
            if len(headers) > part:
                position = headers[part].start()
        node = item
    if position is None:
        return None
    return text.count("\n", 0, position) + 1


def id_lines(text: str, entry_id: str) -> list[int | None]:
    return [text.count("\n", 0, found.start()) + 1 for found in id_pattern(entry_id).finditer(text)]


def reference_line(text: str, problem: ReferenceProblem) -> int | None:
    """The line of the entry's id, moved on to the field the problem is about if it is there."""
    if not text:
        return None
    position = entry_start(text, problem.entry_id, 0)
    if position is None:
        return None
    if problem.field != "id":
        id_line = id_pattern(problem.entry_id).search(text, position)
        if id_line is not None:
            position = id_line.start()
        for key in re.sub(r"\[\d+\]", "", problem.field).split("."):
            found = key_pattern(key).search(text, position) if key else None
            next_entry = text.find("\n[", position + 1)
            if found is None or (next_entry >= 0 and found.start() > next_entry):
                break
            position = found.start()
    return text.count("\n", 0, position) + 1
