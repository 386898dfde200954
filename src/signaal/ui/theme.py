"""Light, dark or the system's own look; the only visual preference Signaal keeps."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

# The system's own look, remembered before Signaal first changes it.
_system_style: str | None = None
_system_palette: QPalette | None = None


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    if dark:
        colours = {
            role.Window: "#2b2b2b", role.WindowText: "#e8e8e8", role.Base: "#3b3e41",
            role.AlternateBase: "#45484b", role.ToolTipBase: "#333333",
            role.ToolTipText: "#e8e8e8", role.Text: "#e8e8e8", role.Button: "#3a3a3a",
            role.ButtonText: "#e8e8e8", role.BrightText: "#ff6b6b", role.Link: "#7fb6ff",
            role.Highlight: "#3470c8", role.HighlightedText: "#ffffff",
            role.PlaceholderText: "#b0b0b0", role.Mid: "#555555", role.Dark: "#1a1a1a",
            role.Light: "#4a4a4a", role.Midlight: "#404040", role.Shadow: "#000000",
        }  # fmt: skip
    else:
        colours = {
            role.Window: "#f3f3f3", role.WindowText: "#1a1a1a", role.Base: "#ffffff",
            role.AlternateBase: "#eef1f5", role.ToolTipBase: "#ffffdc",
            role.ToolTipText: "#1a1a1a", role.Text: "#1a1a1a", role.Button: "#e9e9e9",
            role.ButtonText: "#1a1a1a", role.BrightText: "#c00000", role.Link: "#0b57d0",
            role.Highlight: "#2f6fd0", role.HighlightedText: "#ffffff",
            role.PlaceholderText: "#6b6b6b", role.Mid: "#b8b8b8", role.Dark: "#9a9a9a",
            role.Light: "#ffffff", role.Midlight: "#f0f0f0", role.Shadow: "#505050",
        }  # fmt: skip
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QColor("#8a8a8a" if dark else "#767676")
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, disabled)
    return palette


def apply_palette(theme: str) -> None:
    """Only the theme's colours: what the "starting…" window shows before its first paint.

    `apply_theme` (after that paint) adds the style; the style's Python type alone (`QStyle`)
    costs PySide ≈ 6 ms, which the first paint need not wait for.
    """
    global _system_palette
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _system_palette is None:
        _system_palette = app.palette()
    if theme in ("light", "dark"):
        app.setPalette(_palette(theme == "dark"))


def apply_theme(theme: str) -> None:
    """Force light or dark with the Fusion style and a palette; "system" restores the default.

    Every theme runs under `FocusStyle`, so the keyboard focus is always visible.
    """
    from signaal.ui.focus_style import FocusStyle

    global _system_style, _system_palette
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _system_palette is None:
        _system_palette = app.palette()
    if _system_style is None:
        _system_style = app.style().name()
    name = "Fusion" if theme in ("light", "dark") else _system_style
    style = QStyleFactory.create(name)
    if style is not None:
        app.setStyle(FocusStyle(style))
    app.setPalette(_palette(theme == "dark") if theme in ("light", "dark") else _system_palette)
