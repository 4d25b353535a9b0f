"""The interface language: which one, compiling its translations, installing them.

The translation sources are ``gui/resources/i18n/imdb_lab_<language>.ts`` (updated with
``gui/resources/i18n/update.sh``, committed). The compiled ``.qm`` files are not committed:
the first start compiles them with the ``lrelease`` that comes with PySide6 into the cache
folder, named by the hash of the ``.ts`` content, so an updated ``.ts`` is compiled again
and a fresh clone shows Korean without a manual step. When compiling fails the app stays in
English and the log says why; it never stops the app.

The language is the one chosen in View → Language (QSettings ``language``), else the system
locale's (``LANG=ko_KR.UTF-8`` gives Korean). :func:`install` removes the translators of the
previous language and installs the app's and Qt's own (``qtbase_ko``, for the standard
dialogs); Qt then sends every widget a ``LanguageChange`` (see :mod:`gui.common.translate`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QMessageBox, QWidget

from engine.paths import cache_dir
from gui.common.fonts import can_show
from gui.settings import configure_settings, settings

log = logging.getLogger(__name__)

# (code, name in its own language), in menu order.
LANGUAGES = (("en", "English"), ("ko", "한국어"))
TS_FOLDER = Path(__file__).resolve().parent / "resources" / "i18n"
SETTING = "language"
_LOCALES = {"en": "en_US", "ko": "ko_KR"}

_translators: list[QTranslator] = []
_current = "en"
_folder: Path | None = None  # where the .qm files go (None: the cache folder)
_font_note_given = False


def ts_file(language: str) -> Path:
    return TS_FOLDER / f"imdb_lab_{language}.ts"


def lrelease_command() -> list[str] | None:
    """The ``lrelease`` shipped in the PySide6 wheel (Essentials has it), else one on PATH."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compiled(language: str, folder: Path | None = None) -> Path | None:
    """The ``.qm`` of ``language``, compiled now if its ``.ts`` changed; None when impossible."""
    source = ts_file(language)
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    except OSError:
        log.warning("No translation source for %r at %s", language, source)
        return None
    folder = folder or cache_dir() / "i18n"
    target = folder / f"imdb_lab_{language}-{digest}.qm"
    if target.is_file():
        return target
    command = lrelease_command()
    if command is None:
        log.warning("No lrelease found: the interface stays in English")
        return None
    temp = folder / f".{target.name}.{os.getpid()}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [*command, "-silent", str(source), "-qm", str(temp)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(temp, target)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        log.warning(
            "Could not compile %s: %s %s", source.name, exc, detail.decode(errors="replace")
        )
        temp.unlink(missing_ok=True)
        return None
    for old in folder.glob(f"imdb_lab_{language}-*.qm"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def system_language(locale: QLocale | None = None) -> str:
    """The language of the system locale (``LANG``) if the app has it, else English."""
    locale = locale or QLocale.system()
    return "ko" if locale.language() == QLocale.Language.Korean else "en"


def saved_language() -> str | None:
    """The language chosen in View → Language, None when never chosen."""
    configure_settings()
    value = settings().value(SETTING, "", type=str)
    return value if value in dict(LANGUAGES) else None


def chosen_language() -> str:
    return saved_language() or system_language()


def current_language() -> str:
    """The language installed now ("en" until :func:`install` installs another)."""
    return _current


def _load(translator: QTranslator, path: Path | None) -> bool:
    return path is not None and translator.load(str(path))


def install(language: str | None = None, folder: Path | None = None) -> str:
    """Install the translators of ``language`` (default: :func:`chosen_language`).

    Removes those of the previous language first; every widget then gets a
    ``LanguageChange``. Returns the language installed ("en" when Korean could not be
    compiled or loaded). ``folder`` (kept for later calls) holds the compiled ``.qm``
    files instead of the cache folder (the tests' own).
    """
    global _current, _folder
    app = QCoreApplication.instance()
    language = language or chosen_language()
    if folder is not None:
        _folder = folder
    for translator in _translators:
        if app is not None:
            app.removeTranslator(translator)
    _translators.clear()
    if app is None:
        return _current
    ours = QTranslator(app)
    if not _load(ours, compiled(language, _folder)):
        if language != "en":
            log.warning(
                "No %s translation could be loaded: the interface stays in English", language
            )
        language = "en"
        # English still needs its plural forms ("1 epoch", "2 epochs").
        ours = QTranslator(app)
        _load(ours, compiled("en", _folder))
    translators = [ours] if not ours.isEmpty() else []
    if language != "en":
        qt_own = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_folder):
            translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    _translators.extend(translators)
    QLocale.setDefault(QLocale(_LOCALES[language]))
    _current = language
    return language


def switch_language(language: str) -> str:
    """Remember ``language`` (View → Language) and install it now."""
    configure_settings()
    stored = settings()
    stored.setValue(SETTING, language)
    stored.sync()
    return install(language)


def reset() -> None:
    """English again, with its plural forms (the tests' default; see tests/conftest.py)."""
    install("en")


def font_note(language: str | None = None) -> str:
    """Once per session: how to get a Hangul font when Korean is shown without one, else "".

    In English on purpose: without a Hangul font a Korean sentence would be boxes too.
    """
    global _font_note_given
    language = language or _current
    if language != "ko" or _font_note_given or can_show(ord("한")):
        return ""
    _font_note_given = True
    log.warning("Korean chosen but no installed font has Hangul")
    return (
        "No installed font has Korean letters, so the Korean interface shows empty boxes. "
        "Install Noto Sans CJK (Debian/Ubuntu: sudo apt install fonts-noto-cjk; Fedora: "
        "sudo dnf install google-noto-sans-cjk-fonts) and restart the app, or choose "
        "View > Language > English."
    )


def show_font_note(parent: QWidget) -> bool:
    """Show :func:`font_note` in a message box (once per session); True when shown."""
    note = font_note()
    if note:
        QMessageBox.information(parent, "Korean font missing", note)
    return bool(note)
