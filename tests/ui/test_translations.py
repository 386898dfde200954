"""Every text of the window has a Dutch translation with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir

from signaal.i18n import translator

UI = Path(__file__).resolve().parents[2] / "src" / "signaal" / "ui"
OWN = {
    "actions.py", "main_window.py", "session.py", "widgets.py", "steps.py", "profile_panel.py",
    "idle.py", "theme.py", "wiping.py", "continuing.py", "navigation.py", "referral_output.py",
    "hide_screen.py", "window_preferences.py",
}  # fmt: skip
# The same word in Dutch and English.
SAME_IN_DUTCH = {"Start", "&Help", "Contact: {name}, {number}", "Step 2: {title}", "Intake"}


def window_messages() -> set[str]:
    found: set[str] = set()
    for filename, _line, message, _comments, _context in extract_from_dir(
        str(UI), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}
    ):
        name = Path(filename).name
        if filename.startswith("pages") or name in OWN:
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_window_text_is_translated() -> None:
    dutch = translator("nl")
    messages = window_messages()
    assert len(messages) > 150
    missing = [m for m in sorted(messages) if dutch(m) == m and m not in SAME_IN_DUTCH]
    assert missing == []
    for message in messages:
        placeholders = set(re.findall(r"{\w+}", message))
        assert set(re.findall(r"{\w+}", dutch(message))) == placeholders, message
