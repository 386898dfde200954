"""The main window (walking skeleton): step list on the left, one page per step on the right."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from signaal.assessment import Assessment, Case, Observation, assess
from signaal.content import Catalog
from signaal.i18n import _, active_language
from signaal.report import render_referral


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.case = Case(role=catalog.roles[0].id, concerns=[c.id for c in catalog.concerns])
        self.setWindowTitle("Signaal")
        self.steps = QListWidget()
        self.steps.setAccessibleName(_("Steps"))
        self.pages = QStackedWidget()
        for title, page in (
            (_("Role"), self._role_page()),
            (_("Signals"), self._signals_page()),
            (_("Outcome"), self._outcome_page()),
            (_("Referral"), self._referral_page()),
        ):
            self.steps.addItem(title)
            self.pages.addWidget(page)
        self.steps.currentRowChanged.connect(self._show_step)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.pages, 4)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            _(
                "Nothing is stored: this case exists only in memory until you save or print the "
                "referral."
            )
        )
        self.steps.setCurrentRow(0)
        self.resize(1000, 680)

    # pages -------------------------------------------------------------------------------
    def _role_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Who are you?")))
        self.role_buttons = QButtonGroup(page)
        for role in self.catalog.roles:
            button = QRadioButton(role.name.get(active_language()))
            button.setObjectName(f"role-{role.id}")
            button.setChecked(role.id == self.case.role)
            button.toggled.connect(lambda on, r=role.id: self._set_role(r) if on else None)
            self.role_buttons.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def _signals_page(self) -> QWidget:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.signal_boxes: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        language = active_language()
        for checklist in self.catalog.checklists:
            layout.addWidget(QLabel(f"<b>{checklist.title.get(language)}</b>"))
            for indicator in checklist.indicators:
                box = QCheckBox(indicator.text.get(language))
                box.setObjectName(f"seen-{indicator.id}")
                facts = QLineEdit()
                facts.setObjectName(f"facts-{indicator.id}")
                facts.setPlaceholderText(_("What did you see or hear, when, and who was there?"))
                facts.setAccessibleName(_("Facts"))
                box.toggled.connect(self._update_case)
                facts.textChanged.connect(self._update_case)
                layout.addWidget(box)
                layout.addWidget(facts)
                self.signal_boxes[indicator.id] = (box, facts)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _outcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.outcome_label)
        layout.addStretch(1)
        return page

    def _referral_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.preview_button = QPushButton(_("Preview"))
        self.print_button = QPushButton(_("Print…"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_referral)
        self.save_button.clicked.connect(self.save_referral)
        for button in (self.preview_button, self.print_button, self.save_button):
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    # behaviour ---------------------------------------------------------------------------
    def _set_role(self, role_id: str) -> None:
        self.case.role = role_id

    def _update_case(self) -> None:
        self.case.observations = [
            Observation(indicator=indicator_id, status="seen", facts=facts.text())
            for indicator_id, (box, facts) in self.signal_boxes.items()
            if box.isChecked()
        ]

    def _show_step(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        if row == 2:
            self.outcome_label.setText(self._outcome_text(self.assessment()))

    def assessment(self) -> Assessment:
        return assess(self.catalog, self.case)

    def _outcome_text(self, assessment: Assessment) -> str:
        language = active_language()
        lines = [f"{r.checklist}: {r.profile}" for r in assessment.trafficking]
        lines += [
            f"{self.catalog.contact(r.contact).name.get(language)}: {r.reason.get(language)}"
            for r in assessment.referrals
        ]
        return "\n".join(lines) or _("No signals marked yet.")

    def referral_pdf(self) -> bytes:
        return render_referral(self.catalog, self.case, self.assessment(), active_language())

    def preview(self) -> None:
        from signaal.ui.pdf_preview import PdfPreviewDialog

        PdfPreviewDialog(self.referral_pdf(), self).exec()

    def print_referral(self) -> None:
        from signaal.ui.printing import print_pdf

        print_pdf(self.referral_pdf(), self)

    def save_referral(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save referral"), "", _("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the PDF where the user chose; on failure say why and keep every answer."""
        data = self.referral_pdf()
        try:
            with open(path, "wb") as target:  # noqa: PTH123 - the user's chosen path
                target.write(data)
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Could not save"),
                _(
                    "The referral could not be saved ({reason}). Nothing you typed is lost; "
                    "choose another place."
                ).format(reason=error.strerror or type(error).__name__),
            )
            return False
        return True


def pdf_buffer(data: bytes) -> tuple[QByteArray, QBuffer]:
    """A QBuffer over the PDF bytes; keep both alive as long as QtPdf reads them."""
    array = QByteArray(data)
    buffer = QBuffer()
    buffer.setData(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return array, buffer
