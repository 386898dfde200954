"""A style over Qt's own that always shows where the keyboard focus is, and draws the edges of
radio buttons and check boxes with enough contrast (in the dark theme they were nearly invisible).

The colours come from the palette (`ring_colour`, `outline_colour`), so the contrast test can
compute them for every theme without painting anything.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

RING_WIDTH = 2.0

PE = QStyle.PrimitiveElement
CE = QStyle.ControlElement
CC = QStyle.ComplexControl

# Elements that get the focus ring around their rectangle when they have the focus.
_RING_PRIMITIVES = {
    PE.PE_PanelButtonCommand,
    PE.PE_FrameLineEdit,
    PE.PE_FrameFocusRect,
}
_RING_COMPLEX = {CC.CC_ComboBox, CC.CC_SpinBox, CC.CC_ToolButton}


def mix(first: QColor, second: QColor, amount: float) -> QColor:
    """`amount` of `first` blended with the rest of `second`."""
    return QColor.fromRgbF(
        first.redF() * amount + second.redF() * (1 - amount),
        first.greenF() * amount + second.greenF() * (1 - amount),
        first.blueF() * amount + second.blueF() * (1 - amount),
    )


def ring_colour(palette: QPalette) -> QColor:
    """The focus ring: the link colour, which every theme keeps readable on its backgrounds."""
    return palette.color(QPalette.ColorRole.Link)


def outline_colour(palette: QPalette) -> QColor:
    """The edge of a radio button or check box: well between the text and the background."""
    return mix(
        palette.color(QPalette.ColorRole.WindowText),
        palette.color(QPalette.ColorRole.Window),
        0.62,
    )


def _has_focus(option: QStyleOption, widget: QWidget | None) -> bool:
    if not option.state & QStyle.StateFlag.State_HasFocus:
        return False
    # A line edit inside a spin box or combo box is ringed by its parent.
    return widget is None or widget.isEnabled()


def _ring(painter: QPainter, option: QStyleOption, inset: float = 1.0) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(ring_colour(option.palette), RING_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    rect = QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
    painter.drawRoundedRect(rect, 3, 3)
    painter.restore()


class FocusStyle(QProxyStyle):
    """Qt's style, plus a clear focus ring and clear edges on radio buttons and check boxes."""

    def drawPrimitive(  # noqa: N802 - Qt's name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == PE.PE_FrameFocusRect:
            _ring(painter, option, inset=0.5)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in (PE.PE_IndicatorRadioButton, PE.PE_IndicatorCheckBox):
            self._outline(element, option, painter)
        elif element in _RING_PRIMITIVES and _has_focus(option, widget):
            _ring(painter, option)

    def drawControl(  # noqa: N802 - Qt's name
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        # A focusable frame (a contact card) or text box shows its focus as well.
        if (
            element == CE.CE_ShapedFrame
            and isinstance(widget, QFrame)
            and widget.hasFocus()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        ):
            _ring(painter, option)

    def drawComplexControl(  # noqa: N802 - Qt's name
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RING_COMPLEX and _has_focus(option, widget):
            _ring(painter, option)

    @staticmethod
    def _outline(element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = outline_colour(option.palette)
        if not option.state & QStyle.StateFlag.State_Enabled:
            colour = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        painter.setPen(QPen(colour, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.7, 0.7, -0.7, -0.7)
        if element == PE.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()
