"""Only language, theme and idle minutes are ever persisted, and a broken file never hurts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from ui_helpers import find

from signaal import preferences
from signaal.content import Catalog
from signaal.preferences import Preferences, config_dir, load, save
from signaal.ui.main_window import MainWindow


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "signaal" / "preferences.json"
    assert save(Preferences(language="en", theme="dark", idle_minutes=5), path)
    assert load(path) == Preferences(language="en", theme="dark", idle_minutes=5)
    assert set(json.loads(path.read_text())) == {"language", "theme", "idle_minutes"}


@pytest.mark.parametrize(
    "content",
    ["", "{", "[]", '"nl"', '{"language": "fr", "theme": "neon", "idle_minutes": "x"}'],
)
def test_broken_files_give_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "preferences.json"
    path.write_text(content)
    assert load(path) == Preferences()


def test_unknown_keys_are_dropped_and_values_clamped(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    path.write_text(json.dumps({"language": "en", "idle_minutes": 100000, "case": "secret"}))
    loaded = load(path)
    assert loaded == Preferences(language="en", idle_minutes=preferences.MAX_IDLE_MINUTES)
    save(loaded, path)
    assert "secret" not in path.read_text()


def test_write_failure_is_ignored() -> None:
    assert save(Preferences(), Path("/dev/null/signaal/preferences.json")) is False


def test_config_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_dir() == tmp_path / "signaal"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/path")
    assert config_dir() == Path.home() / ".config" / "signaal"


def test_window_stores_language_theme_and_idle_time_only(
    qtbot: QtBot, flow_catalog: Catalog, tmp_path: Path, answers: object
) -> None:
    path = tmp_path / "preferences.json"
    window = MainWindow(flow_catalog, preferences_path=path)
    qtbot.addWidget(window)
    window.show()
    combo = find(window, QComboBox, "language-combo")
    combo.setCurrentIndex(combo.findData("en"))
    window.prefs.set_theme("dark")
    window.prefs.set_idle_minutes(7)
    assert json.loads(path.read_text()) == {"language": "en", "theme": "dark", "idle_minutes": 7}
    assert window.idle.timeout_ms == 7 * 60_000
    window.prefs.set_theme("system")
    window.prefs.set_language("nl")
    assert load(path) == Preferences(language="nl", theme="system", idle_minutes=7)


def test_no_qsettings_in_signaal() -> None:
    source = Path(preferences.__file__).parent
    for module in source.rglob("*.py"):
        if module.name == "privacy.py":
            continue  # points QSettings at an impossible path on purpose
        assert "QSettings" not in module.read_text(), module
