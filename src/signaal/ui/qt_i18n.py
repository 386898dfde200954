"""Load Qt's own translations so that standard buttons and dialogs read Dutch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def install_qt_translator(language: str) -> None:
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language != "nl":
        return
    translator = QTranslator()
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale("nl_NL"), "qtbase", "_", path):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
