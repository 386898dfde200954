"""Guards that must be in place before the QApplication exists, so Qt itself stores nothing."""

from __future__ import annotations

import os

# A path under /dev/null can never be created: QSettings (and Qt's file dialog, which otherwise
# writes the folder history to QtProject.conf) silently fail to save anything there.
NO_SETTINGS_PATH = "/dev/null/signaal-no-settings"


def prepare_environment() -> None:
    """Disable every place Qt would write on its own; call before creating the QApplication."""
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, NO_SETTINGS_PATH)
        QSettings.setPath(settings_format, QSettings.Scope.SystemScope, NO_SETTINGS_PATH)
    # Without a session bus Qt would autolaunch one (dbus-launch writes to the home folder).
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
