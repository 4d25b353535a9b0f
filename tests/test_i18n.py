"""The Korean interface: complete translation sources, the language chosen, switched live."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMenu, QWidget

from gui import i18n
from gui.main_window import MainWindow
from gui.settings import configure_settings, settings

ROOT = Path(__file__).resolve().parents[1]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _lupdate() -> str:
    import PySide6

    binary = Path(PySide6.__file__).resolve().parent / "lupdate"
    if not binary.is_file():
        pytest.skip("PySide6's lupdate is not installed")
    return str(binary)


@pytest.fixture
def language():
    """Lets a test install a language; English and the locale before come back afterwards."""
    yield i18n
    i18n.reset()


@pytest.mark.parametrize("name", ["imdb_lab_ko.ts", "imdb_lab_en.ts"])
def test_the_translation_sources_have_no_unfinished_vanished_or_obsolete_entries(name):
    messages = _messages(ROOT / "gui" / "resources" / "i18n" / name)
    bad = [
        (key, message.find("translation").get("type"))
        for key, message in messages.items()
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert bad == []
    if name == "imdb_lab_ko.ts":
        assert len(messages) > 30
        empty = [
            key
            for key, message in messages.items()
            if not "".join(message.find("translation").itertext()).strip()
        ]
        assert empty == []


def test_every_string_marked_in_gui_is_in_the_korean_source(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run(
        [_lupdate(), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    in_code = set(_messages(fresh))
    assert len(in_code) > 30
    in_korean = set(_messages(ROOT / "gui" / "resources" / "i18n" / "imdb_lab_ko.ts"))
    assert sorted(in_code - in_korean) == []
    assert sorted(in_korean - in_code) == []  # nothing the code no longer has


class _Marked(ast.NodeVisitor):
    """Every ``self.tr("...")`` / ``QCoreApplication.translate("Ctx", "...")`` of a module.

    Parsed with Python's own parser, so strings that lupdate skips silently (its parser
    drops a ``translate`` call whose plural count is an expression) are found too.
    """

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[tuple[str, str, bool, str]] = []  # context, source, plural, call

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast's name
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast's name
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        texts = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        if name == "tr" and texts and isinstance(texts[0], str) and self.classes:
            self.found.append((self.classes[-1], texts[0], len(node.args) >= 3, "tr"))
        elif (
            name in ("translate", "QT_TRANSLATE_NOOP")
            and len(texts) >= 2
            and all(isinstance(t, str) for t in texts[:2])
        ):
            self.found.append((texts[0], texts[1], len(node.args) >= 4, "translate"))
        self.generic_visit(node)


def test_every_string_marked_in_gui_is_in_the_korean_source_as_python_reads_it():
    marked = _Marked()
    for path in sorted((ROOT / "gui").rglob("*.py")):
        marked.visit(ast.parse(path.read_text(encoding="utf-8")))
    assert len(marked.found) > 30
    korean = _messages(ROOT / "gui" / "resources" / "i18n" / "imdb_lab_ko.ts")
    missing = [(c, s) for c, s, _, _ in marked.found if (c, s) not in korean]
    assert missing == []
    # lupdate marks plural forms only in self.tr(): a translate() plural would stay "(s)".
    plural_translate = [(c, s) for c, s, plural, call in marked.found if plural and call != "tr"]
    assert plural_translate == []
    not_numerus = [
        (c, s)
        for c, s, plural, _ in marked.found
        if plural and korean[(c, s)].get("numerus") != "yes"
    ]
    assert not_numerus == []


def test_the_korean_source_compiles_with_the_lrelease_of_pyside6(tmp_path):
    assert i18n.lrelease_command() is not None
    qm = i18n.compiled("ko", tmp_path)
    assert qm is not None and qm.stat().st_size > 1000
    assert i18n.compiled("ko", tmp_path) == qm  # kept: the same source is not compiled again
    assert i18n.compiled("en", tmp_path) is not None


def test_a_failed_compile_leaves_english_and_a_warning(qapp, tmp_path, monkeypatch, caplog):
    tests_folder = i18n._folder
    monkeypatch.setattr(i18n, "lrelease_command", lambda: [str(tmp_path / "no-such-lrelease")])
    try:
        assert i18n.install("ko", folder=tmp_path) == "en"
        assert QCoreApplication.translate("Tabs", "Train") == "Train"
        assert "Could not compile" in caplog.text
    finally:
        monkeypatch.undo()
        i18n.install("en", folder=tests_folder)


def test_the_system_locale_chooses_the_language_when_none_is_set(qapp):
    configure_settings()
    assert i18n.saved_language() is None
    assert i18n.system_language(QLocale("ko_KR")) == "ko"
    assert i18n.system_language(QLocale("en_GB")) == "en"
    assert i18n.system_language(QLocale("de_DE")) == "en"


def test_lang_ko_kr_gives_korean_at_start(lab_home):
    """A fresh process under LANG=ko_KR.UTF-8 installs Korean (the .qm compiled on the way)."""
    env = dict(os.environ, LANG="ko_KR.UTF-8", QT_QPA_PLATFORM="offscreen")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QCoreApplication, QLocale\n"
        "app = QApplication([])\n"
        "from gui import i18n\n"
        "print(i18n.install())\n"
        "print(QCoreApplication.translate('MainWindow', 'IMDB Sentiment Lab'))\n"
        "print(QLocale().name())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["ko", "IMDB 감성 분석 실습", "ko_KR"]
    assert list((lab_home / "cache" / "i18n").glob("imdb_lab_ko-*.qm"))


def _texts(window) -> dict[str, str]:
    bar_titles = [a.text() for a in window.menuBar().actions()]
    return {
        "title": window.windowTitle(),
        "tabs": ",".join(window.tabs.tabText(i) for i in range(window.tabs.count())),
        "menus": ",".join(bar_titles),
        "language": window.findChild(QMenu, "language_menu").title(),
        "tf": window.tf_label.text(),
        "guide": window.book.actions["help_guide_action"].text(),
        "view_train": window.actions_by_name["view_train_action"].text(),
        "model": window.model_line.full_text,
        "download": window.first_run.download_button.text(),
        # The Evaluation tab's lexicon (built on this first use, after the window).
        "lexicon": window.tab_keys["evaluation"].findChild(QWidget, "lexicon").title.text()[:12],
    }


ENGLISH = {
    "title": "IMDB Sentiment Lab",
    "tabs": "Train,Reviews,Predict,Evaluation,Runs",
    "menus": "&File,&Train,&View,&Help",
    "language": "&Language",
    "tf": "Loading TensorFlow...",
    "guide": "The section, &step by step",
    "view_train": "Train",
    "model": "Model: none yet (train one or open a model file)",
    "download": "Download dataset (84 MB)",
    "lexicon": "The model's ",
}
KOREAN = {
    "title": "IMDB 감성 분석 실습",
    "tabs": "훈련,리뷰,예측,평가,실행 기록",
    "menus": "파일(&F),훈련(&T),보기(&V),도움말(&H)",
    "language": "언어(&L)",
    "tf": "TensorFlow 불러오는 중...",
    "guide": "3.4절 단계별 안내(&S)",
    "view_train": "훈련",
    "model": "모델: 아직 없음 (훈련하거나 모델 파일을 여세요)",
    "download": "데이터셋 다운로드 (84 MB)",
    "lexicon": "훈련이 시작되면 모델이",
}


def test_the_window_in_korean_from_the_language_setting(qtbot, tiny_dataset, language):
    configure_settings()
    settings().setValue("language", "ko")
    assert language.install() == "ko"
    window = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(window)
    assert _texts(window) == KOREAN
    assert window.actions_by_name["language_ko_action"].isChecked()
    assert QLocale().name() == "ko_KR"


def test_view_language_switches_the_window_live_and_is_remembered(qtbot, tiny_dataset, language):
    window = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(window)
    window.show()
    assert _texts(window) == ENGLISH
    window.actions_by_name["language_ko_action"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == KOREAN["title"], timeout=5000)
    assert _texts(window) == KOREAN
    assert window.actions_by_name["language_ko_action"].isChecked()
    assert settings().value("language") == "ko"
    window.actions_by_name["language_en_action"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == ENGLISH["title"], timeout=5000)
    assert _texts(window) == ENGLISH
    assert window.actions_by_name["language_en_action"].isChecked()
    assert settings().value("language") == "en"


def test_help_texts_follow_the_language(qtbot, language):
    from gui.help.dialogs import GlossaryButton, HelpDialog

    dialog = HelpDialog()
    button = GlossaryButton("epoch")
    qtbot.addWidget(dialog)
    qtbot.addWidget(button)
    assert "Overfitting" not in dialog.guide.toPlainText()
    assert "overfitting" in dialog.guide.toPlainText()
    language.install("ko")  # Qt posts LanguageChange: it arrives in the event loop
    qtbot.waitUntil(lambda: dialog.windowTitle() == "IMDB 감성 분석 실습: 도움말", timeout=5000)
    qtbot.waitUntil(lambda: button.toolTip().startswith("<b>에포크</b>"), timeout=5000)
    assert "과대적합" in dialog.guide.toPlainText()
    assert "재현율" in dialog.glossary.toPlainText()
    assert button.toolTip().startswith("<b>에포크</b>")
    language.install("en")
    qtbot.waitUntil(lambda: button.toolTip().startswith("<b>Epoch</b>"), timeout=5000)
    qtbot.waitUntil(lambda: "overfitting" in dialog.guide.toPlainText(), timeout=5000)


def test_korean_without_a_hangul_font_says_once_how_to_get_one(qapp, monkeypatch):
    monkeypatch.setattr(i18n, "can_show", lambda code_point: False)
    monkeypatch.setattr(i18n, "_font_note_given", False)
    assert i18n.font_note("en") == ""
    note = i18n.font_note("ko")
    assert "fonts-noto-cjk" in note and "Noto Sans CJK" in note
    assert i18n.font_note("ko") == ""  # once
    monkeypatch.setattr(i18n, "_font_note_given", False)
    monkeypatch.setattr(i18n, "can_show", lambda code_point: True)
    assert i18n.font_note("ko") == ""


def test_the_model_line_names_presets_in_the_interface_language(qapp, language):
    from engine.model.config import ModelConfig
    from gui.current_model import config_name

    assert config_name(ModelConfig()) == "Book (16-16)"
    configure_settings()
    settings().setValue("language", "ko")
    assert language.install() == "ko"
    assert config_name(ModelConfig()) == "책 (16-16)"
