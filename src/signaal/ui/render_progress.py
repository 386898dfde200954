"""The status-bar strip that shows a referral being made, with its progress and a Cancel button.

It appears only when a render takes longer than `SHOW_AFTER_MS`, so a quick render does not
flicker; it is not a dialog, so the window, its menus and Hide screen keep answering meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from signaal.i18n import _

SHOW_AFTER_MS = 500


class RenderProgress(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("render-progress")
        layout = QHBoxLayout(self)
        # Apart from the status message on its left, which may run up to it.
        layout.setContentsMargins(24, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("render-progress-bar")
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(200)
        self.cancel = QPushButton()
        self.cancel.setObjectName("render-cancel")
        self.cancel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.cancel.clicked.connect(self.cancel_requested)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_AFTER_MS)
        self._timer.timeout.connect(self.show)
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.label.setText(_("Making the referral…"))
        self.bar.setAccessibleName(_("Progress of the referral"))
        self.cancel.setText(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel making the referral"))
        self.cancel.setAccessibleDescription(_("Stop making the referral"))

    def begin(self) -> None:
        """A render started: show the strip if it is still running after half a second."""
        self.bar.setValue(0)
        self._timer.start()

    def set_percent(self, percent: int) -> None:
        self.bar.setValue(percent)

    def end(self) -> None:
        self._timer.stop()
        self.setVisible(False)
