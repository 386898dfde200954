"""Screenshots of every step of the real Signaal window, for a person to look at.

Run under Xvfb (or offscreen) with a demo case filled in the way a user would:

    Xvfb :92 -screen 0 1400x900x24 -nolisten tcp &
    DISPLAY=:92 uv run python tools/screenshots.py --out /tmp/shots --lang nl
    DISPLAY=:92 uv run python tools/screenshots.py --out /tmp/shots --lang pseudo --scale 1.5
    DISPLAY=:92 uv run python tools/screenshots.py --out /tmp/shots --lang en --theme dark

The images are for looking, not for committing. Nothing of the demo case is written elsewhere.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--lang", choices=("nl", "en", "pseudo"), default="nl")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--role", default="teacher")
    parser.add_argument("--age", type=int, default=9)
    parser.add_argument("--signals", type=int, default=4, help="how many signals to mark")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--content", type=Path, default=None, help="a content folder to use")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from signaal.ui.privacy import prepare_environment

    prepare_environment()
    from PySide6.QtWidgets import QApplication

    app = QApplication(["signaal-screenshots"])
    from signaal.content import load_catalog
    from signaal.i18n import set_language
    from signaal.ui.main_window import MainWindow
    from signaal.ui.qt_i18n import install_qt_translator
    from signaal.ui.theme import apply_theme

    set_language(args.lang)
    install_qt_translator(args.lang)
    if args.theme != "system":
        apply_theme(args.theme)
    window = MainWindow(load_catalog(args.content))
    width, height = (int(part) for part in args.size.split("x"))
    window.resize(int(width / args.scale), int(height / args.scale))
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    prefix = f"{args.lang}-{args.theme}-{args.scale:g}x-{args.role}"

    def shoot(name: str) -> None:
        for _round in range(3):
            app.processEvents()
        screen = window.screen()
        if app.platformName() == "xcb":
            # The real X window, as the X server shows it (window manager-less Xvfb: no frame).
            frame = window.frameGeometry()
            image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        else:
            image = window.grab()
        target = args.out / f"{prefix}-{name}.png"
        image.save(str(target))
        print(target)

    fill_demo_case(window, args.role, args.age, args.signals, shoot)
    window.wipe()
    return 0


def fill_demo_case(window: object, role: str, age: int, signals: int, shoot: object) -> None:
    """Walk every step as a user would, taking a screenshot of each."""
    from collections.abc import Callable

    from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QRadioButton, QSpinBox

    from signaal.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    take: Callable[[str], None] = shoot  # type: ignore[assignment]
    window.go_to("start")
    button = window.findChild(QRadioButton, f"role-{role}")
    if button is not None:
        button.click()
    take("1-start")
    danger = window.findChild(QRadioButton, "acute-yes")
    if danger is not None:
        danger.click()
        take("1-start-acute-danger")
    acute = window.findChild(QRadioButton, "acute-no")
    if acute is not None:
        acute.click()
    window.go_to("who")
    spin = window.findChild(QSpinBox, "age-spin")
    if spin is not None:
        spin.setValue(age)
    take("2-who")
    window.go_to("concerns")
    not_sure = window.findChild(QCheckBox, "concern-not-sure")
    if not_sure is not None:
        not_sure.click()
    take("3-concerns")
    window.go_to("signals")
    page = window.page("signals")
    for indicator_id in list(getattr(page, "rows", {}))[:signals]:
        seen = window.findChild(QRadioButton, f"status-{indicator_id}-seen")
        if seen is not None:
            seen.click()
        facts = window.findChild(QPlainTextEdit, f"facts-{indicator_id}")
        if facts is not None:
            facts.setPlainText("Maandag 3 maart, 8:15 bij het hek: zei 'ik moet daarna werken'.")
    take("4-signals")
    window.go_to("meldcode")
    consulted = window.findChild(QCheckBox, "consultation-done")
    if consulted is not None:
        consulted.click()
    take("5-meldcode")
    window.go_to("weighing")
    take("6-weighing")
    for name in ("answer-yes", "answer-yes"):
        from PySide6.QtWidgets import QPushButton

        answer = window.findChild(QPushButton, name)
        if answer is not None and answer.isVisible():
            answer.click()
    take("6-weighing-done")
    window.go_to("outcome")
    decision = window.findChild(QPlainTextEdit, "decision-text")
    if decision is not None:
        decision.setPlainText("Vandaag melden bij Veilig Thuis.")
    take("7-outcome")
    window.go_to("referral")
    take("8-referral")
    window.hide_screen()
    take("9-hidden")
    window.unhide()


if __name__ == "__main__":
    raise SystemExit(main())
