"""Bringing back the model that was current when the app closed, and a run's vocabulary.

Used at start-up by :class:`gui.main_window.MainWindow` and by the Runs tab ("Use this
model" needs :func:`has_model`).
"""

from __future__ import annotations

from pathlib import Path

from engine.errors import LabError
from engine.runs.experiments import run_predictor
from gui.current_model import CurrentModel, run_model


def has_model(run: dict) -> bool:
    """A saved bundle, or complete epochs of a run no longer training."""
    return bool(run.get("model_path") or (run.get("status") != "running" and run.get("epochs")))


def restore_last_model(state, store, last: dict | None = None) -> dict | None:
    """Bring back the model that was current when the app closed (app start-up).

    ``last`` is what :func:`gui.current_model.remembered` saved (a run and epoch, or a
    model file); without it, or when that model is gone, the newest finished model. No
    retraining. Returns the run the model came from (None when there is none or it cannot
    be read; a damaged bundle is reported through ``state.status_message``).
    """
    if last and last.get("run") is not None:
        run = store.get_run(int(last["run"]))
        if run is not None and has_model(run):
            epoch = last.get("epoch")
            try:
                vocab = run_vocab(store, run) if epoch is not None else None
                predictor = run_predictor(store, run, epoch, vocab)
            except LabError as exc:
                state.status_message.emit(str(exc))
            else:
                state.set_model(run_model(store, run, predictor, epoch))
                state.status_message.emit(f"Restored the model you last used ({run['name']}).")
                return run
    elif last and last.get("path"):
        from gui.book.model_files import open_model

        try:
            open_model(state, last["path"])
            return None
        except LabError as exc:
            state.status_message.emit(str(exc))
    path = store.latest_model()
    if path is None:
        return None
    run = next(
        (
            r
            for r in store.list_runs()
            if r.get("model_path") and Path(r["model_path"]) == Path(path)
        ),
        None,
    )
    try:
        predictor = run_predictor(store, run or {"model_path": str(path)})
    except LabError as exc:
        state.status_message.emit(str(exc))
        return None
    if run is not None:
        state.set_model(run_model(store, run, predictor))
    else:
        state.set_model(CurrentModel(predictor, path=str(path)))
    state.status_message.emit(
        f"Restored the model of {run['name'] if run and run.get('name') else path.name}."
    )
    return run


def run_vocab(store, run: dict) -> list[str]:
    """The vocabulary a run's weights index: its bundle's, else its run folder's header."""
    from engine.model.bundle import load_bundle

    folder = run.get("model_path") or store.run_dir(run["id"])
    return load_bundle(folder, load_keras=False).vocab
