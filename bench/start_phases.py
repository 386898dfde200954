"""Where the time goes between the first paint and the working window, in one real start.

    ./dev uv run --group bench python bench/start_phases.py

Runs `signaal.app.main()` offscreen and prints one JSON line, in ms: the style set after the
first paint (`apply_theme`: `FocusStyle` over Qt's style), importing `signaal.content`
and `load_catalog()` (together: the catalog cost at start), `attach_catalog` and the step list's
paint; and whether pydantic was imported by then. Run it a few times: one start is noisy.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, QObject

import signaal.app as app
import signaal.ui.theme as theme
from _common import ensure_bytecode_cache
from signaal.ui.main_window import MainWindow

moments: dict[str, float] = {}
load_content, attach_catalog = app.load_content, MainWindow.attach_catalog
apply_theme = theme.apply_theme


def timed_theme(name: str) -> None:
    moments["style"] = time.perf_counter()
    apply_theme(name)


def timed_load(window: MainWindow) -> None:
    moments["load"] = time.perf_counter()
    import signaal.content  # noqa: F401 - what load_content imports first, timed apart

    moments["imported"] = time.perf_counter()
    load_content(window)


class WorkingPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            at = {**moments, "painted": time.perf_counter()}
            phases = {
                "style": at["load"] - at.get("style", at["load"]),
                "import": at["imported"] - at["load"],
                "load": at["loaded"] - at["imported"],
                "attach": at["attached"] - at["loaded"],
                "paint": at["painted"] - at["attached"],
            }
            result = {name: round(seconds * 1000, 1) for name, seconds in phases.items()}
            print(json.dumps({**result, "pydantic": "pydantic" in sys.modules}), flush=True)
            os._exit(0)
        return False


probe = WorkingPaint()


def timed_attach(window: MainWindow, catalog: object) -> None:
    moments["loaded"] = time.perf_counter()
    attach_catalog(window, catalog)  # type: ignore[arg-type]
    moments["attached"] = time.perf_counter()
    window.step_list.installEventFilter(probe)


ensure_bytecode_cache()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
theme.apply_theme = timed_theme
app.load_content = timed_load  # type: ignore[assignment]
MainWindow.attach_catalog = timed_attach  # type: ignore[method-assign]
app.main(["signaal"])
