"""Before Qt starts: no core dump of the process, and only a platform plugin that draws locally.

A core dump holds everything in memory, so a crash would write the typed case to disk. On Linux
the core size limit goes to zero and the process is made non-dumpable (`PR_SET_DUMPABLE`), which
also keeps other programs of the same user from reading its memory with ptrace (gcore, gdb);
root can still do that. On macOS the zero core size limit is all there is: crash reports hold
no memory. On Windows the error mode stops the crash dialog that offers to send a dump.

Qt can also serve the window to other machines: the `vnc` plugin (`QT_QPA_PLATFORM=vnc` or
`-platform vnc`) listens on a port without a password. Only the desktop plugins and `offscreen`
(tests, screenshots) are accepted.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Sequence

# Tests that take a core of the running app with gcore as an ordinary user set this to keep the
# process dumpable; the core size limit stays zero. Signaal itself never sets it.
TEST_ALLOW_CORE = "SIGNAAL_TEST_ALLOW_CORE"

PR_SET_DUMPABLE = 4
# Windows SetErrorMode flags: no "program stopped working" dialog, no critical-error boxes.
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002

DESKTOP_PLATFORMS = frozenset({"xcb", "wayland", "wayland-egl", "windows", "cocoa", "offscreen"})


def disable_core_dumps() -> list[str]:
    """Switch off every core dump this platform allows; the guards that took effect."""
    done: list[str] = []
    if sys.platform != "win32":
        import resource

        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            done.append("RLIMIT_CORE=0")
        except (OSError, ValueError):
            pass
    if sys.platform.startswith("linux") and os.environ.get(TEST_ALLOW_CORE) != "1":
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("PR_SET_DUMPABLE=0")
        except (OSError, AttributeError):
            pass
    if sys.platform == "win32":
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        done.append("SetErrorMode")
    return done


def requested_platforms(argv: Sequence[str], environ: dict[str, str] | None = None) -> list[str]:
    """The platform plugins Qt would try: `-platform X` (or `--platform`) wins over the variable.

    Each entry is a plugin name without its options (`vnc:port=5900` → `vnc`); the variable may
    list fallbacks separated by `;`.
    """
    environ = dict(os.environ) if environ is None else environ
    args = list(argv[1:])
    chosen: str | None = None
    for index, arg in enumerate(args):
        name, _sep, value = arg.lstrip("-").partition("=")
        if not arg.startswith("-") or name != "platform":
            continue
        if value:
            chosen = value
        elif index + 1 < len(args):
            chosen = args[index + 1]
        else:
            chosen = ""
    spec = chosen if chosen is not None else environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":", 1)[0].strip().lower() for part in spec.split(";") if part.strip()]


def refused_platforms(argv: Sequence[str], environ: dict[str, str] | None = None) -> list[str]:
    """The requested platform plugins that are not a local desktop (or offscreen)."""
    return [name for name in requested_platforms(argv, environ) if name not in DESKTOP_PLATFORMS]
