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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signaal.ui.main_window import MainWindow


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
    parser.add_argument(
        "--case", type=Path, default=None, help="show this case file at every step of its flow"
    )
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
    subject = args.role if args.case is None else args.case.stem  # a case file names its role
    prefix = f"{args.lang}-{args.theme}-{args.scale:g}x-{subject}"

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

    if args.case is not None:
        show_case_file(window, args.case, shoot)
    else:
        fill_demo_case(window, args.role, args.age, args.signals, shoot)
    window.wiping.wipe()
    return 0


def show_case_file(window: MainWindow, path: Path, take: Callable[[str], None]) -> None:
    """Open a case file (validated like any) and shoot every step of the flow its role walks."""
    from signaal.assessment.carried import Carried
    from signaal.assessment.case_file import read_case

    session = window.session
    session.continue_with(read_case(path, session.catalog), Carried())
    for number, key in enumerate(window.navigation.step_keys(), start=1):
        window.navigation.go_to(key)
        window.navigation.page(key).refresh()  # the first page was shown before the case was opened
        take(f"{number}-{key}")


def fill_demo_case(
    window: MainWindow, role: str, age: int, signals: int, take: Callable[[str], None]
) -> None:
    """Walk every step as a user would, taking a screenshot of each."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QCheckBox,
        QPlainTextEdit,
        QPushButton,
        QRadioButton,
        QSpinBox,
    )

    def click(kind: type[QAbstractButton], name: str, shown_only: bool = False) -> None:
        """Click the named button if this catalog has it (and, if asked, it is on screen)."""
        button = window.findChild(kind, name)
        if button is not None and (button.isVisible() or not shown_only):
            button.click()

    window.navigation.go_to("start")
    click(QRadioButton, f"role-{role}")
    take("1-start")
    click(QRadioButton, "acute-yes")
    take("1-start-acute-danger")
    click(QRadioButton, "acute-no")
    window.navigation.go_to("who")
    spin = window.findChild(QSpinBox, "age-spin")
    if spin is not None:
        spin.setValue(age)
    take("2-who")
    window.navigation.go_to("concerns")
    click(QCheckBox, "concern-not-sure")
    take("3-concerns")
    window.navigation.go_to("signals")
    page = window.navigation.page("signals")
    for indicator_id in list(getattr(page, "rows", {}))[:signals]:
        click(QRadioButton, f"status-{indicator_id}-seen")
        facts = window.findChild(QPlainTextEdit, f"facts-{indicator_id}")
        if facts is not None:
            facts.setPlainText("Maandag 3 maart, 8:15 bij het hek: zei 'ik moet daarna werken'.")
    take("4-signals")
    window.navigation.go_to("meldcode")
    click(QCheckBox, "consultation-done")
    take("5-meldcode")
    window.navigation.go_to("weighing")
    take("6-weighing")
    for _question in range(2):  # the walk's first two questions, while it asks any
        click(QPushButton, "answer-yes", shown_only=True)
    take("6-weighing-done")
    window.navigation.go_to("outcome")
    decision = window.findChild(QPlainTextEdit, "decision-text")
    if decision is not None:
        decision.setPlainText("Vandaag melden bij Veilig Thuis.")
    take("7-outcome")
    window.navigation.go_to("referral")
    take("8-referral")
    window.hiding.hide_screen()
    take("9-hidden")
    window.hiding.unhide()


if __name__ == "__main__":
    raise SystemExit(main())
