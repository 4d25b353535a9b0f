"""The window's shared state: one QObject the tabs read from and listen to.

Tabs never talk to each other or reach into the window: they change the state, emit its
request signals and react to its signals, so the Train tab, the browser, the Predict tab
and the Runs tab stay in step and the window only wires things up.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppState(QObject):
    """Current dataset, run history, model weights (predictor), evaluation and epoch.

    Args:
        store: the :class:`engine.runs.history.RunStore` the tabs record runs in and read
            them from, or None when the history is unavailable.
    """

    # What changed.
    dataset_changed = Signal(object)  # engine.data.dataset.Dataset | None
    predictor_changed = Signal(object)  # engine.model.predictor.Predictor | None
    evaluation_changed = Signal(object)  # engine.model.training.Evaluation | None
    run_changed = Signal(object)  # dict from RunStore.get_run / None
    runs_changed = Signal()  # the run history changed (run added, renamed, deleted)
    epoch_selected = Signal(object)  # int (1-based) | None = latest
    tensorflow_ready = Signal(object)  # None when ready, or an error message
    # Loading the dataset (gui.loading.DatasetLoader reports, the tabs show it).
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
        self.predictor = None
        self.evaluation = None
        self.run = None
        self.model_path = None  # bundle folder of a model opened with File > Open model file
        self.epoch = None
        self.tf_ready = False

    def set_dataset(self, dataset) -> None:
        self.dataset = dataset
        self.dataset_changed.emit(dataset)

    def set_predictor(self, predictor) -> None:
        self.predictor = predictor
        self.predictor_changed.emit(predictor)

    def set_evaluation(self, evaluation) -> None:
        self.evaluation = evaluation
        self.evaluation_changed.emit(evaluation)

    def set_run(self, run) -> None:
        self.run = run
        self.run_changed.emit(run)

    def select_epoch(self, epoch) -> None:
        self.epoch = epoch
        self.epoch_selected.emit(epoch)
