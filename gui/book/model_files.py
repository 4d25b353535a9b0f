"""File → Export model..., Export Keras model (.keras)..., Open model file...

The archive export and opening a model are quick (a zip of a few MB, numpy weights) and
run on the GUI thread. The ``.keras`` export needs TensorFlow, which the window's process
never imports, so it runs ``main.py export --keras`` as a child process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from engine.errors import LabError
from engine.model.bundle import load_bundle
from engine.model.compat import vocabulary_note
from engine.model.export import ARCHIVE_SUFFIX, export_archive, resolve_model
from engine.model.predictor import Predictor
from gui.common.save_dialog import save_file_name
from gui.current_model import CurrentModel

ROOT = Path(__file__).resolve().parents[2]
ARCHIVE_FILTER = "IMDB Sentiment Lab model (*.imdbmodel);;All files (*)"
# A model folder is opened through the config.json inside it.
OPEN_FILTER = (
    "IMDB Sentiment Lab model (*.imdbmodel config.json);;"
    "Model archive (*.imdbmodel);;Model folder's config.json (config.json);;All files (*)"
)


def current_model_path(state) -> Path | None:
    """The bundle folder of the model in use: one opened from a file, else the run's."""
    model = state.model
    if model is not None and model.path:
        return Path(model.path)
    run = state.run or {}
    path = run.get("model_path")
    return Path(path) if path else None


def open_model(state, path: str | Path):
    """Make the model at ``path`` (an archive or a bundle folder) the current model.

    Raises:
        LabError: the file is not one of ours, or is damaged (one sentence).
    """
    folder = resolve_model(path)
    bundle = load_bundle(folder)
    dataset = state.dataset
    if dataset is not None and len(bundle.vocab) != dataset.num_words:
        state.status_message.emit(
            f"Note: this model reads {len(bundle.vocab):,} words and the dataset was prepared "
            f"with {dataset.num_words:,}; its words are matched by spelling."
        )
    state.set_run(None)
    test = bundle.metrics.get("test") if isinstance(bundle.metrics, dict) else None
    state.set_model(
        CurrentModel(
            Predictor(bundle.weights, bundle.vocab, bundle.config.activation),
            path=str(bundle.path),
            label=f"file {Path(path).name}",
            config=bundle.config,
            test=test if isinstance(test, dict) else None,
        )
    )
    note = vocabulary_note(bundle.vocab, bundle.metrics, dataset) if dataset is not None else ""
    state.status_message.emit(f"Opened the model {Path(path).name}." + (f" {note}" if note else ""))
    return bundle


def choose_and_open_model(state, parent: QWidget) -> bool:
    path, _ = QFileDialog.getOpenFileName(parent, "Open a model file", "", OPEN_FILTER)
    if not path:
        return False
    try:
        open_model(state, path)
    except LabError as exc:
        QMessageBox.warning(parent, "Open model file", str(exc))
        return False
    return True


def _no_model(parent: QWidget, title: str) -> None:
    QMessageBox.information(parent, title, "There is no model yet: train one or open a model file.")


def export_model(state, parent: QWidget, dest: str | None = None) -> Path | None:
    """Save the current model as one ``.imdbmodel`` file (asks where unless ``dest``)."""
    source = current_model_path(state)
    if source is None:
        _no_model(parent, "Export model")
        return None
    if dest is None:
        dest = save_file_name(parent, "Export model", f"imdb-model{ARCHIVE_SUFFIX}", ARCHIVE_FILTER)
    if not dest:
        return None
    try:
        path = export_archive(source, dest)
    except (LabError, OSError) as exc:
        QMessageBox.warning(parent, "Export model", str(exc))
        return None
    state.status_message.emit(f"Model exported to {path}.")
    return path


class KerasExport(QObject):
    """``main.py export --keras`` in a child process; one at a time, killed on close."""

    finished = Signal(object)  # (ok: bool, message: str)

    def __init__(self, state, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.process: QProcess | None = None

    def start(self, dest: str) -> bool:
        source = current_model_path(self.state)
        if source is None or self.running():
            return False
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(
            [str(ROOT / "main.py"), "export", "--keras", "--model", str(source), "-o", dest]
        )
        process.setWorkingDirectory(str(ROOT))
        process.finished.connect(lambda code, _status: self._done(code, dest))
        self.process = process
        self.state.status_message.emit("Exporting the Keras model (TensorFlow is loading)...")
        process.start()
        return True

    def running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def _done(self, code: int, dest: str) -> None:
        errors = bytes(self.process.readAllStandardError()).decode(errors="replace").strip()
        lines = [line for line in errors.splitlines() if line.startswith("error: ")]
        if code == 0:
            message = f"Keras model exported to {dest}."
        else:
            message = lines[-1][len("error: ") :] if lines else f"The export failed ({code})."
        self.state.status_message.emit(message)
        self.finished.emit((code == 0, message))

    def stop(self) -> None:
        if self.running():
            self.process.kill()
            self.process.waitForFinished(5000)


def export_keras_model(state, parent: QWidget, exporter: KerasExport) -> bool:
    if current_model_path(state) is None:
        _no_model(parent, "Export Keras model")
        return False
    dest = save_file_name(parent, "Export Keras model", "imdb-model.keras", "Keras model (*.keras)")
    if not dest:
        return False
    if not dest.endswith(".keras"):
        dest += ".keras"
    return exporter.start(dest)
