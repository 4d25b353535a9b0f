"""The window (PySide6 + pyqtgraph). Nothing here is imported by ``engine``."""
