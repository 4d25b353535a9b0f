"""engine/ never imports Qt or pyqtgraph, and ``import engine`` does not load TensorFlow.

The import rules beyond TensorFlow are import-linter contracts in pyproject.toml.
"""

from __future__ import annotations

import json
import pkgutil
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


def test_import_contracts_hold():
    """pyproject.toml's import-linter contracts, function-level imports included.

    The engine never imports the window, Qt or pyqtgraph (not even inside a function:
    ``main.py`` is where the window and the command line meet); the engine's layers; tabs
    that never import each other; and no import cycle anywhere in engine/ or gui/.
    """
    script = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(no_cache=True, no_logo=True))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout
