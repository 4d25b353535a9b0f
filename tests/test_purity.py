"""engine/ never imports Qt or pyqtgraph, and ``import engine`` does not load TensorFlow."""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import engine

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "pyqtgraph", "superqt", "shiboken6", "gui")
HEAVY = ("tensorflow", "keras")


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _engine_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(engine.__path__, "engine.")]


def test_import_engine_does_not_load_tensorflow_or_qt():
    loaded = _modules_after("import engine")
    assert not {m.split(".")[0] for m in loaded} & set(FORBIDDEN + HEAVY)


def test_every_engine_module_is_free_of_qt_and_tensorflow_at_import():
    names = _engine_modules()
    assert len(names) >= 5
    loaded = _modules_after("\n".join(f"import {n}" for n in names))
    roots = {m.split(".")[0] for m in loaded}
    assert not roots & set(FORBIDDEN), roots & set(FORBIDDEN)
    assert not roots & set(HEAVY), roots & set(HEAVY)


def test_no_engine_source_imports_qt_or_gui_even_lazily():
    """Not even inside a function: ``main.py`` is where the window and the CLI meet."""
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|pyqtgraph|superqt|shiboken6|gui)\b", re.M)
    offenders = [p.name for p in (ROOT / "engine").rglob("*.py") if pattern.search(p.read_text())]
    assert not offenders
