"""`signaal`: build the QApplication with its privacy guards, paint the window, then load content.

The window appears first (Qt only); the catalog loads once the window has painted
(`AfterFirstPaint`), without pydantic. Once the working window (step list and first page) has
painted, the case models (pydantic) load, and then a helper thread loads the PDF code
(reportlab, its fonts), so neither the first answer nor the first referral waits for them.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signaal.preferences import Preferences
    from signaal.ui.first_paint import AfterFirstPaint
    from signaal.ui.main_window import MainWindow

# Waits for the working window's first paint; held here until the process ends.
_working_paint: list[AfterFirstPaint] = []
# How long after the working window the PDF code is loaded ahead of time.
REPORT_WARM_UP_MS = 1000


def main(argv: Sequence[str] | None = None) -> int:
    disable_pydantic_plugins()
    from signaal import preferences
    from signaal.i18n import set_language
    from signaal.ui.lockdown import disable_core_dumps, refused_platforms

    arguments = list(argv) if argv is not None else list(sys.argv)
    disable_core_dumps()
    stored = preferences.load()
    set_language(stored.language)
    refused = refused_platforms(arguments)
    if refused:
        print(platform_refusal(refused), file=sys.stderr, flush=True)
        return 2

    from signaal.ui.privacy import prepare_environment

    prepare_environment()
    from PySide6.QtWidgets import QApplication

    from signaal.ui.errors import install_exception_hook
    from signaal.ui.first_paint import AfterFirstPaint
    from signaal.ui.main_window import MainWindow

    app = QApplication(arguments)
    app.setApplicationName("Signaal")
    app.setOrganizationName("Signaal")
    install_exception_hook()
    from signaal.ui.theme import apply_palette

    apply_palette(stored.theme)  # the colours now, the style (`apply_theme`) after the paint
    window = MainWindow(preferences=stored, preferences_path=preferences.preferences_path())
    window.show()
    # A zero-delay timer here would run before Qt's first paint and keep the window blank.
    loading = AfterFirstPaint(window, lambda: after_first_paint(window, stored))
    exit_code = app.exec()
    del loading  # held until here: its Python eventFilter must outlive the event loop
    return exit_code


def platform_refusal(plugins: Sequence[str]) -> str:
    """Why Signaal does not start with a platform plugin that may show the window elsewhere."""
    from signaal.i18n import _

    return _(
        "Signaal does not start with the Qt platform plugin {plugins}: it could show the case "
        "outside this computer's screen. Start Signaal without -platform and without "
        "QT_QPA_PLATFORM, or with one of: xcb, wayland, windows, cocoa."
    ).format(plugins=", ".join(plugins))


def disable_pydantic_plugins() -> None:
    """Tell pydantic, before it is imported, to load no third-party plugins.

    pydantic otherwise scans every installed package's metadata for plugins on its first model
    (about 18 ms of the start), and a plugin would see every validated value: case data too.
    Set here, in the entry points, so a library user keeps the choice.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def after_first_paint(window: MainWindow, stored: Preferences) -> None:
    """The "starting…" window is on screen (it shows no text of Qt's own): Qt's translations
    and the style, then the catalog and the working window, built and painted in that style."""
    from signaal.ui.qt_i18n import install_qt_translator
    from signaal.ui.theme import apply_theme

    install_qt_translator(stored.language)
    apply_theme(stored.theme)  # also "system": every theme shows the keyboard focus
    load_content(window)


def load_content(window: MainWindow) -> None:
    """Load the catalog into the shown window; a broken catalog is explained, then Signaal stops.

    The cyclic garbage collector is off while the catalog's many small objects are made (it would
    otherwise walk them again and again), and they are then frozen out of its reach: they live as
    long as the app.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    gc.disable()
    try:
        from signaal.content import ContentError, load_catalog
        from signaal.i18n import _

        try:
            catalog = load_catalog()
        except ContentError as error:
            QMessageBox.critical(window, _("Content cannot be loaded"), str(error))
            QApplication.exit(1)
            return
        window.attach_catalog(catalog)
        gc.freeze()
    finally:
        gc.enable()
    warm_up_after_working_paint(window)


def warm_up_after_working_paint(window: MainWindow) -> None:
    """Once the step list has painted, load the case models and, a little later, the PDF code.

    The case models (pydantic, about 100 ms) load in the first idle moment after that paint, on
    this thread: the first answer needs them, and a click cannot come much sooner. The PDF code
    (reportlab, its fonts, a first build) loads on a helper thread after `REPORT_WARM_UP_MS`: a
    referral is minutes away, and meanwhile the thread would slow every click it shares the
    interpreter with.
    """
    from signaal.ui.first_paint import AfterFirstPaint

    _working_paint.append(AfterFirstPaint(window.step_list, lambda: _after_working_paint(window)))


def _after_working_paint(window: MainWindow) -> None:
    import threading

    from PySide6.QtCore import QTimer

    window.session.assessment()  # imports the case models and runs the rules once
    thread = threading.Thread(target=_warm_up_report, name="signaal-warm-up", daemon=True)
    QTimer.singleShot(REPORT_WARM_UP_MS, thread.start)


def _warm_up_report() -> None:
    from signaal.report.warm import warm_up

    warm_up()
