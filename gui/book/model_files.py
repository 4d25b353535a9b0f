"""File → Export model..., Export Keras model (.keras)..., Open model file...

The archive export and opening a model are quick (a zip of a few MB, numpy weights) and
run on the GUI thread. The ``.keras`` export needs TensorFlow, which the window's process
never imports, so it runs ``main.py export --keras`` as a child process.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QProcess, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from engine.errors import LabError
from engine.model.bundle import load_bundle
from engine.model.compat import vocabulary_note
from engine.model.export import ARCHIVE_SUFFIX, export_archive, resolve_model
from engine.model.predictor import Predictor
from engine.runs.epoch_bundle import save_epoch_bundle
from gui.common.save_dialog import save_file_name
from gui.current_model import CurrentModel

ROOT = Path(__file__).resolve().parents[2]


def archive_filter() -> str:
    return (
        QCoreApplication.translate("ModelFiles", "IMDB Sentiment Lab model")
        + " (*.imdbmodel);;"
        + QCoreApplication.translate("ModelFiles", "All files")
        + " (*)"
    )


def open_filter() -> str:
    """A model folder is opened through the config.json inside it."""
    translate = QCoreApplication.translate
    return (
        translate("ModelFiles", "IMDB Sentiment Lab model")
        + " (*.imdbmodel config.json);;"
        + translate("ModelFiles", "Model archive")
        + " (*.imdbmodel);;"
        + translate("ModelFiles", "Model folder's config.json")
        + " (config.json);;"
        + translate("ModelFiles", "All files")
        + " (*)"
    )


def current_model_path(state) -> Path | None:
    """The bundle folder of the model in use: one opened from a file, else the run's."""
    model = state.model
    if model is not None and model.path:
        return Path(model.path)
    run = state.run or {}
    path = run.get("model_path")
    return Path(path) if path else None


def exportable_folder(state, scratch: Path) -> Path | None:
    """The model folder to export: the current model's, or a scrubbed epoch's.

    A scrubbed epoch has no folder of its own; it is written into ``scratch`` first, so
    the export holds exactly the weights every tab is using.

    Raises:
        LabError: the epoch's weights or the run's vocabulary cannot be read.
    """
    model = _scrubbed(state)
    if model is not None:
        name = f"run{model.run_id}_epoch{int(model.epoch):03d}"
        return save_epoch_bundle(model.run, model.epoch, scratch / name, state.store)
    return current_model_path(state)


def _scrubbed(state) -> CurrentModel | None:
    """The current model when it is one epoch of a run (picked with the scrubber)."""
    model = state.model
    if model is not None and model.epoch is not None and model.run is not None:
        return model
    return None


def _default_name(state, suffix: str) -> str:
    model = _scrubbed(state)
    if model is not None:
        return f"imdb-model-run{model.run_id}-epoch{int(model.epoch)}{suffix}"
    return f"imdb-model{suffix}"


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
            QCoreApplication.translate(
                "ModelFiles",
                "Note: this model reads %1 words and the dataset was prepared with %2; its "
                "words are matched by spelling.",
            )
            .replace("%1", QLocale().toString(len(bundle.vocab)))
            .replace("%2", QLocale().toString(int(dataset.num_words)))
        )
    state.set_run(None)
    test = bundle.metrics.get("test") if isinstance(bundle.metrics, dict) else None
    state.set_model(
        CurrentModel(
            Predictor(bundle.weights, bundle.vocab, bundle.config.activation),
            path=str(bundle.path),
            label=QCoreApplication.translate("ModelFiles", "file %1").replace(
                "%1", Path(path).name
            ),
            config=bundle.config,
            test=test if isinstance(test, dict) else None,
        )
    )
    note = vocabulary_note(bundle.vocab, bundle.metrics, dataset) if dataset is not None else ""
    opened = QCoreApplication.translate("ModelFiles", "Opened the model %1.").replace(
        "%1", Path(path).name
    )
    # The note is the engine's sentence (English, like the command line).
    state.status_message.emit(f"{opened} {note}" if note else opened)
    return bundle


def choose_and_open_model(state, parent: QWidget) -> bool:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ModelFiles", "Open a model file"), "", open_filter()
    )
    if not path:
        return False
    try:
        open_model(state, path)
    except LabError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ModelFiles", "Open model file"), str(exc)
        )
        return False
    return True


def _no_model(parent: QWidget, title: str) -> None:
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate(
            "ModelFiles", "There is no model yet: train one or open a model file."
        ),
    )


def export_model(state, parent: QWidget, dest: str | None = None) -> Path | None:
    """Save the current model as one ``.imdbmodel`` file (asks where unless ``dest``)."""
    source = current_model_path(state)
    title = QCoreApplication.translate("ModelFiles", "Export model")
    if source is None:
        _no_model(parent, title)
        return None
    if dest is None:
        dest = save_file_name(parent, title, _default_name(state, ARCHIVE_SUFFIX), archive_filter())
    if not dest:
        return None
    try:
        with tempfile.TemporaryDirectory(prefix="imdb-lab-export-") as scratch:
            folder = exportable_folder(state, Path(scratch)) or source
            path = export_archive(folder, dest)
    except (LabError, OSError) as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    state.status_message.emit(
        QCoreApplication.translate("ModelFiles", "Model exported to %1.").replace("%1", str(path))
    )
    return path


class KerasExport(QObject):
    """``main.py export --keras`` in a child process; one at a time, killed on close."""

    finished = Signal(object)  # (ok: bool, message: str)

    def __init__(self, state, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.process: QProcess | None = None
        self._scratch: tempfile.TemporaryDirectory | None = None

    def start(self, dest: str) -> bool:
        if current_model_path(self.state) is None or self.running():
            return False
        self._clean_scratch()
        self._scratch = tempfile.TemporaryDirectory(prefix="imdb-lab-export-")
        try:
            source = exportable_folder(self.state, Path(self._scratch.name))
        except (LabError, OSError) as exc:
            self._clean_scratch()
            self.state.status_message.emit(str(exc))
            self.finished.emit((False, str(exc)))
            return False
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(
            [str(ROOT / "main.py"), "export", "--keras", "--model", str(source), "-o", dest]
        )
        process.setWorkingDirectory(str(ROOT))
        process.finished.connect(lambda code, _status: self._done(code, dest))
        self.process = process
        self.state.status_message.emit(
            self.tr("Exporting the Keras model (TensorFlow is loading)...")
        )
        process.start()
        return True

    def running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def _done(self, code: int, dest: str) -> None:
        errors = bytes(self.process.readAllStandardError()).decode(errors="replace").strip()
        lines = [line for line in errors.splitlines() if line.startswith("error: ")]
        if code == 0:
            message = self.tr("Keras model exported to %1.").replace("%1", dest)
        else:
            message = (
                lines[-1][len("error: ") :]
                if lines
                else self.tr("The export failed (%1).").replace("%1", str(code))
            )
        self._clean_scratch()
        self.state.status_message.emit(message)
        self.finished.emit((code == 0, message))

    def _clean_scratch(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def stop(self) -> None:
        if self.running():
            self.process.kill()
            self.process.waitForFinished(5000)
        self._clean_scratch()


def export_keras_model(state, parent: QWidget, exporter: KerasExport) -> bool:
    title = QCoreApplication.translate("ModelFiles", "Export Keras model")
    if current_model_path(state) is None:
        _no_model(parent, title)
        return False
    dest = save_file_name(
        parent,
        title,
        _default_name(state, ".keras"),
        QCoreApplication.translate("ModelFiles", "Keras model") + " (*.keras)",
    )
    if not dest:
        return False
    if not dest.endswith(".keras"):
        dest += ".keras"
    return exporter.start(dest)
