"""Guards that must be in place before the QApplication exists, so Qt itself stores nothing.

- QSettings (and Qt's own file dialog, which otherwise writes the folder history to
  `QtProject.conf`) point at a path that can never be created.
- No D-Bus session is autolaunched (`dbus-launch` writes to the home folder).
- Qt's log messages never carry text: debug and info messages are dropped (with
  `QT_LOGGING_RULES="*.debug=true"` Qt would otherwise print every string it lays out, including
  what the professional typed), and quoted parts of warnings are blanked before they reach stderr.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

# A path under /dev/null can never be created: QSettings (and Qt's file dialog, which otherwise
# writes the folder history to QtProject.conf) silently fail to save anything there.
NO_SETTINGS_PATH = "/dev/null/signaal-no-settings"

# Qt quotes the strings it talks about: "…" or '…'. Those parts may be case text.
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|“[^”]*”")


def prepare_environment() -> None:
    """Disable every place Qt would write on its own; call before creating the QApplication."""
    from PySide6.QtCore import QSettings, qInstallMessageHandler

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, NO_SETTINGS_PATH)
        QSettings.setPath(settings_format, QSettings.Scope.SystemScope, NO_SETTINGS_PATH)
    # Without a session bus Qt would autolaunch one (dbus-launch writes to the home folder).
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    qInstallMessageHandler(qt_message_handler)
    # Qt still logs while Python shuts down; a Python handler then would crash the process.
    atexit.register(_quiet_at_exit)


def _quiet_at_exit() -> None:
    """While Python shuts down it can no longer run a handler: fall back to Qt's own, quietened.

    What Qt still logs then is about widgets being destroyed (addresses and object names).
    """
    from PySide6.QtCore import QLoggingCategory, qInstallMessageHandler

    QLoggingCategory.setFilterRules("*.debug=false\n*.info=false")
    qInstallMessageHandler(None)


def redact(message: str) -> str:
    """The message with every quoted part blanked: `Invalid font "Anna"` → `Invalid font "…"`."""
    return _QUOTED.sub(lambda found: f"{found.group(0)[0]}…{found.group(0)[-1]}", message)


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's log output without case text: drop debug/info, redact warnings."""
    from PySide6.QtCore import QtMsgType

    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        return
    level = {
        QtMsgType.QtWarningMsg: "warning",
        QtMsgType.QtCriticalMsg: "critical",
        QtMsgType.QtFatalMsg: "fatal",
    }.get(kind, "message")
    category = context.category or "default"
    if sys.stderr is not None:
        print(f"Qt {level} [{category}]: {redact(message)}", file=sys.stderr, flush=True)
