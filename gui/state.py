"""The window's shared state: one QObject the tabs read from and listen to.

Tabs never talk to each other or reach into the window: they change the state, emit its
request signals and react to its signals, so the Train tab, the browser, the Predict tab
and the Runs tab stay in step and the window only wires things up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from gui.current_model import CurrentModel


class AppState(QObject):
    """Current dataset, run history, model weights (predictor), evaluation and epoch.

    Args:
        store: the :class:`engine.runs.history.RunStore` the tabs record runs in and read
            them from, or None when the history is unavailable.
    """

    # What changed.
    model_changed = Signal(
        object
    )  # gui.current_model.CurrentModel | None (before predictor_changed)
    dataset_changed = Signal(object)  # engine.data.dataset.Dataset | None
    predictor_changed = Signal(object)  # engine.model.predictor.Predictor | None
    evaluation_changed = Signal(object)  # engine.model.training.Evaluation | None
    run_changed = Signal(object)  # dict from RunStore.get_run / None
    runs_changed = Signal()  # the run history changed (run added, renamed, deleted)
    epoch_selected = Signal(object)  # int (1-based) | None = latest
    tensorflow_ready = Signal(object)  # None when ready, or an error message
    # Loading the dataset (gui.dataset.loading.DatasetLoader reports, the tabs show it).
    dataset_progress = Signal(object)  # (fraction 0..1, message)
    dataset_failed = Signal(object)  # str message; "" when the user cancelled
    dataset_missing = Signal()  # no dataset found: the first-run panel shows
    # Requests any part of the window may make.
    dataset_requested = Signal(object)  # num_words: load (re-index) the dataset for it
    open_dataset_requested = Signal()  # ask the user for an archive or folder
    change_dataset_requested = Signal()  # show the dataset panel (Stanford archive or Keras copy)
    train_requested = Signal()  # train with the form's settings (now or once ready)
    stop_requested = Signal()  # stop training after the current batch
    filter_requested = Signal(object)  # dict of Reviews-tab filters (e.g. from a confusion cell)
    review_requested = Signal(object)  # int dataset row to select in the Reviews tab
    status_message = Signal(str)
    show_tab = Signal(str)  # "train", "reviews", "predict", "evaluation", "runs"
    overlay_runs = Signal(object)  # dict for gui.train.overlay.OverlayPainter.show / None = clear

    def __init__(self, parent: QObject | None = None, *, store=None) -> None:
        super().__init__(parent)
        self.store = store
        self.dataset = None
        self.model = None  # gui.current_model.CurrentModel: the model every view scores with
        self.predictor = None  # always self.model.predictor
        self.evaluation = None
        self.run = None
        self.epoch = None
        self.tf_ready = False
        # Evaluations of this session by model key: a model that comes back shows its own.
        self._evaluations: dict[tuple, object] = {}

    def set_dataset(self, dataset) -> None:
        self.dataset = dataset
        self.dataset_changed.emit(dataset)

    @property
    def model_path(self) -> Path | None:
        """The bundle folder of a model opened from a file (None for a run's model)."""
        model = self.model
        if model is None or model.run is not None or not model.path:
            return None
        return Path(model.path)

    def set_model(self, model, evaluation=None) -> None:
        """Make ``model`` (a :class:`gui.current_model.CurrentModel` or None) the app's model.

        Every view follows: the predictor, the run it came from (when it has one) and the
        evaluation change together. An evaluation belongs to one model, so it is kept only
        when the same model comes back, else replaced by ``evaluation`` (or cleared).
        """
        same = model is not None and self.model is not None and model.key() == self.model.key()
        self.model = model
        self.predictor = None if model is None else model.predictor
        self.epoch = None if model is None else model.epoch
        self.model_changed.emit(model)
        self.predictor_changed.emit(self.predictor)
        run = None if model is None else model.run
        if run is not None and (self.run or {}).get("id") != run.get("id"):
            self.set_run(run)
        if evaluation is None and model is not None and not same:
            evaluation = self._evaluations.get(model.key())
        if evaluation is not None and model is not None:
            self._evaluations[model.key()] = evaluation
        if evaluation is not self.evaluation and (evaluation is not None or not same):
            self.set_evaluation(evaluation)

    def record_evaluation(self, evaluation, model=None) -> bool:
        """``evaluation`` of ``model`` (default: the current one) on the test split.

        The model's test result changes with it (the model line shows it). Returns False,
        changing nothing, when ``model`` is no longer the current model.
        """
        model = model or self.model
        if model is None or self.model is None or model.key() != self.model.key():
            return False
        self._evaluations[model.key()] = evaluation
        self.model = self.model.with_test(evaluation.to_dict())
        self.model_changed.emit(self.model)
        self.set_evaluation(evaluation)
        return True

    def set_predictor(self, predictor) -> None:
        """A bare predictor with nothing known about it (tests, scripts): an unnamed model."""
        self.set_model(None if predictor is None else CurrentModel(predictor))

    def set_evaluation(self, evaluation) -> None:
        """The current model's evaluation (None: it has not been evaluated in this session)."""
        self.evaluation = evaluation
        self.evaluation_changed.emit(evaluation)

    def set_run(self, run) -> None:
        self.run = run
        self.run_changed.emit(run)

    def select_epoch(self, epoch) -> None:
        self.epoch = epoch
        self.epoch_selected.emit(epoch)
