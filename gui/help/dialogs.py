"""The Help window (guide and glossary), About, and the glossary's "?" buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.common.translate import Retranslating
from gui.help.texts import GLOSSARY, about_html, glossary_html, glossary_tip, guide_html


class HelpDialog(Retranslating, QDialog):
    """Two pages, the guide to the section and the glossary; one per window, reused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.resize(760, 560)
        self.pages = QTabWidget()
        self.guide = QTextBrowser(objectName="help_guide")
        self.glossary = QTextBrowser(objectName="help_glossary")
        self.pages.addTab(self.guide, "")
        self.pages.addTab(self.glossary, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("IMDB Sentiment Lab: help"))
        self.guide.setHtml(guide_html())
        self.glossary.setHtml(glossary_html())
        self.pages.setTabText(0, self.tr("The section, step by step"))
        self.pages.setTabText(1, self.tr("Glossary"))

    def show_guide(self) -> None:
        self.pages.setCurrentWidget(self.guide)
        self._present()

    def show_term(self, key: str | None = None) -> None:
        """Open the glossary, scrolled to ``key`` (a :data:`GLOSSARY` key) when given."""
        self.pages.setCurrentWidget(self.glossary)
        if key:
            self.glossary.scrollToAnchor(key)
        self._present()

    def _present(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()


def help_dialog(parent: QWidget) -> HelpDialog:
    """The window's Help dialog (created on first use, then reused)."""
    window = parent.window()
    dialog = window.findChild(HelpDialog, "help_dialog")
    if dialog is None:
        dialog = HelpDialog(window)
    return dialog


def show_about(parent: QWidget) -> QDialog:
    """About: versions (read from package metadata), the book, the dataset's citation."""
    dialog = QDialog(parent, objectName="about_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("HelpDialog", "About IMDB Sentiment Lab"))
    text = QLabel(about_html(), objectName="about_text")
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(560)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class GlossaryButton(Retranslating, QToolButton):
    """A small "?" that shows the term's meaning as a tooltip and opens it in the glossary."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        if key not in GLOSSARY:
            raise KeyError(key)
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"glossary_{key}_button")
        self.setText("?")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.clicked.connect(lambda: help_dialog(self).show_term(key))
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(
            self.tr("%1<br><i>Click for the glossary.</i>").replace("%1", glossary_tip(self.key))
        )


def glossary_button(key: str, parent: QWidget | None = None) -> QToolButton:
    """A :class:`GlossaryButton` for ``key`` (a :data:`GLOSSARY` key)."""
    return GlossaryButton(key, parent)
