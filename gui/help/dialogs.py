"""The Help window (guide and glossary), About, and the glossary's "?" buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from gui.help.texts import GLOSSARY, about_html, glossary_html, glossary_tip, guide_html


class HelpDialog(QDialog):
    """Two pages, the guide to the section and the glossary; one per window, reused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle("IMDB Sentiment Lab: help")
        self.resize(760, 560)
        self.pages = QTabWidget()
        self.guide = QTextBrowser(objectName="help_guide")
        self.guide.setHtml(guide_html())
        self.glossary = QTextBrowser(objectName="help_glossary")
        self.glossary.setHtml(glossary_html())
        self.pages.addTab(self.guide, "The section, step by step")
        self.pages.addTab(self.glossary, "Glossary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)

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
    dialog.setWindowTitle("About IMDB Sentiment Lab")
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


def glossary_button(key: str, parent: QWidget | None = None) -> QToolButton:
    """A small "?" that shows the term's meaning as a tooltip and opens it in the glossary."""
    if key not in GLOSSARY:
        raise KeyError(key)
    button = QToolButton(parent)
    button.setObjectName(f"glossary_{key}_button")
    button.setText("?")
    button.setAutoRaise(True)
    button.setToolTip(glossary_tip(key) + "<br><i>Click for the glossary.</i>")
    button.setCursor(Qt.CursorShape.WhatsThisCursor)
    button.clicked.connect(lambda: help_dialog(button).show_term(key))
    return button
