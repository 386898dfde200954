"""`signaal`: build the QApplication with its privacy guards, then the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from signaal.ui.privacy import prepare_environment

    prepare_environment()
    from PySide6.QtWidgets import QApplication, QMessageBox

    from signaal.i18n import _, set_language
    from signaal.ui.errors import install_exception_hook
    from signaal.ui.qt_i18n import install_qt_translator

    app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("Signaal")
    app.setOrganizationName("Signaal")
    install_exception_hook()
    set_language("nl")
    install_qt_translator("nl")

    from signaal.content import ContentError, load_catalog
    from signaal.ui.main_window import MainWindow

    try:
        catalog = load_catalog()
    except ContentError as error:
        QMessageBox.critical(None, _("Content cannot be loaded"), str(error))
        return 1
    window = MainWindow(catalog)
    window.show()
    return app.exec()
