"""What goes into a Signaal bundle and what stays out, shared by the spec and its tests.

PyInstaller's Qt hooks collect every plugin and translation that a used Qt library could load.
Signaal needs far less, and some of it must stay out on principle: the VNC platform plugin and
the TUIO touch plugin listen on the network, the TLS and network-information plugins exist only
for QtNetwork, and GTK's platform theme would swap Qt's file dialog for GTK's, which records
recently used files in the user's home folder. Paths are matched by their parts, so the same rules
work for the Linux and macOS wheel layout (PySide6/Qt/plugins/...) and the Windows one
(PySide6/plugins/...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import TypeAlias

# Qt modules Signaal imports: QtCore, QtGui, QtWidgets, QtPrintSupport, QtPdf, QtPdfWidgets,
# QtSvg. Everything else PySide6 ships is excluded from the analysis.
UNUSED_QT_MODULES = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCanvasPainter",
    "QtCharts",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdfQuick",
    "QtPositioning",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)

# Python modules no code path of Signaal needs. (reportlab.lib.utils imports PIL unconditionally,
# so Pillow stays although the referral holds no bitmap.) ssl: only networking modules import
# it, each inside try/except, and Signaal has no network code; leaving it out also drops
# OpenSSL. setuptools/distutils/pydantic.mypy: build-time tools that hooks drag in.
UNUSED_PYTHON_MODULES = (
    "tkinter",
    # Pillow's optional codecs (AVIF, WebP, colour management, Tk); reportlab needs PIL.Image only.
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageCms",
    "ssl",
    "setuptools",
    "distutils",
    "pkg_resources",
    "pydantic.mypy",
    "IPython",
    "numpy",
    "pytest",
    "hypothesis",
    "mypy",
)

EXCLUDES = (*(f"PySide6.{name}" for name in UNUSED_QT_MODULES), *UNUSED_PYTHON_MODULES)

# Plugin folders that are dropped as a whole.
UNUSED_PLUGIN_KINDS = frozenset(
    {
        "designer",
        "egldeviceintegrations",
        "generic",  # evdev/libinput/TUIO touch; TUIO receives over UDP
        "multimedia",
        "networkinformation",
        "position",
        "qmllint",
        "qmlls",
        "qmltooling",  # the QML debugger listens on a socket
        "scenegraph",
        "sqldrivers",
        "tls",
        "vectorimageformats",
        "wayland-graphics-integration-server",
        "webview",
    }
)

# Single plugins dropped from folders that are kept, by file name without its platform suffix.
UNUSED_PLUGINS = frozenset(
    {
        "qvnc",  # a VNC server: a listening socket
        "qeglfs",
        "qlinuxfb",
        "qminimalegl",
        "qvkkhrdisplay",
        "qdirect2d",
        "qgtk3",  # GTK's file dialog writes recently-used.xbel
        "qtiff",
        "qwebp",
        "qtga",
        "qwbmp",
        "qicns",
        "qpdf",  # the PDF image-format plugin; QtPdf itself renders the preview
        # The on-screen keyboard (PySide6-Addons) pulls in QtQuick and QtQml, about 25 MB.
        "qtvirtualkeyboardplugin",
    }
)

# System libraries taken from the workstation rather than the build machine. libcups: Qt's CUPS
# print plugin uses the installed libcups2 (present wherever printing is set up, and matching
# that system's CUPS); its own dependencies (GnuTLS, Avahi, ...) then fall out as orphans.
SYSTEM_LIBRARIES = frozenset({"libcups.so.2"})

QT_TRANSLATIONS_KEPT = frozenset({"qtbase_nl.qm"})

# Babel's CLDR data for the languages Signaal formats dates in (nl, en as en_GB) and their parents.
BABEL_LOCALES_KEPT = frozenset({"root", "nl", "nl_NL", "en", "en_001", "en_150", "en_GB"})

TocEntry: TypeAlias = tuple[str, str, str]


def _plugin_stem(name: str) -> str:
    stem = name.split(".", 1)[0]
    return stem.removeprefix("lib")


def is_wanted(destination: str) -> bool:
    """Whether a file at `destination` (relative to the bundle root) belongs in the bundle."""
    parts = PurePath(destination.replace("\\", "/")).parts
    name = parts[-1] if parts else ""
    if name in SYSTEM_LIBRARIES:
        return False
    if parts[:1] == ("PySide6",):
        if "plugins" in parts:
            index = parts.index("plugins")
            kind = parts[index + 1] if len(parts) > index + 2 else ""
            if kind in UNUSED_PLUGIN_KINDS or _plugin_stem(name) in UNUSED_PLUGINS:
                return False
        if "translations" in parts and name.endswith(".qm"):
            return name in QT_TRANSLATIONS_KEPT
        if name.endswith(".qmltypes") or "qml" in parts:
            return False
    if parts[:2] == ("babel", "locale-data") and name.endswith(".dat"):
        return name.removesuffix(".dat") in BABEL_LOCALES_KEPT
    return True


def prune(toc: Iterable[TocEntry]) -> list[TocEntry]:
    """The TOC entries (destination, source, type) that pass `is_wanted`."""
    return [entry for entry in toc if is_wanted(entry[0])]


def _is_root(entry: TocEntry) -> bool:
    """Binaries loaded by Python or Qt at run time, rather than linked by another binary."""
    destination, _source, typecode = entry
    parts = PurePath(destination.replace("\\", "/")).parts
    return (
        typecode == "EXTENSION"
        or "plugins" in parts
        or parts[-1].startswith(("libpython", "python3"))
    )


def drop_orphans(
    binaries: Iterable[TocEntry], imports_of: Callable[[str], Iterable[str]]
) -> list[TocEntry]:
    """Keep only libraries that a kept extension module or plugin needs, directly or not.

    PyInstaller resolves library dependencies before `prune` drops plugins, so the libraries of a
    dropped plugin (GTK, cairo and pango for the GTK theme) would otherwise stay. `imports_of`
    maps a binary's source path to the file names it links against.
    """
    entries = list(binaries)
    by_name: dict[str, list[TocEntry]] = {}
    for entry in entries:
        by_name.setdefault(PurePath(entry[0].replace("\\", "/")).name, []).append(entry)
    reachable: set[TocEntry] = set()
    pending = [entry for entry in entries if _is_root(entry)]
    while pending:
        entry = pending.pop()
        if entry in reachable:
            continue
        reachable.add(entry)
        for name in imports_of(entry[1]):
            pending.extend(by_name.get(PurePath(name).name, []))
    return [entry for entry in entries if entry in reachable]


def read_version(init_file: str) -> str:
    """`__version__` from src/signaal/__init__.py, without importing the package."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(init_file).read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise ValueError(f"no __version__ string in {init_file}")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows' version resource wants ("1.2.3rc1" -> (1, 2, 3, 0))."""
    numbers: list[int] = []
    for piece in version.split(".")[:4]:
        digits = ""
        for character in piece:
            if not character.isdigit():
                break
            digits += character
        numbers.append(int(digits or 0))
    while len(numbers) < 4:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], numbers[3]
