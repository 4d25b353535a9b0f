"""Repeat ×3 on the Runs tab: the selected run's configuration trained with several seeds.

The seeds train in the training process (:func:`repeat_in_service`, a task of the tab's
:class:`gui.tasks.TaskRunner`); the mean curve with its min-max band is overlaid on the
Train tab's plots, so a learner can see which differences between experiments are noise.
:class:`RepeatSeeds` is a mixin of :class:`gui.runs.tab.RunsTab`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.errors import Cancelled
from engine.model.config import ModelConfig
from engine.service.process import shared_service
from gui.common.localized import decimal, percent
from gui.tasks import error_text


def repeat_in_service(
    dataset, config, *, count: int, store=None, name: str | None = None, progress=None, cancel=None
):
    """:func:`engine.runs.experiments.repeat_seeds` run in the training process."""

    def relay(kind, payload):
        if kind == "progress" and progress is not None:
            progress(*payload)

    return shared_service().call(
        "repeat_seeds",
        dataset,
        config,
        store=store,
        options={"count": count, "name": name},
        on_event=relay,
        cancel=cancel,
    )


class RepeatSeeds:
    """Repeat ×3 with its progress bar and spread label; mixed into the Runs tab."""

    def repeat_selected(self, count: int = 3) -> bool:
        """Train the selected run's configuration with ``count`` seeds, as a task."""
        runs = self._selected_runs()
        if len(runs) != 1 or (self.repeat_task is not None and self.repeat_task.running()):
            return False
        if self.state.dataset is None:
            self.state.status_message.emit(
                QCoreApplication.translate("RunsTab", "Load the dataset before repeating a run.")
            )
            return False
        config = ModelConfig.from_run(runs[0])
        name = QCoreApplication.translate("RunsTab", "{name} repeat").format(
            name=runs[0].get("name") or QCoreApplication.translate("RunsTab", "Run")
        )
        self.repeat_name = name
        self.repeat_task = self.tasks.submit(
            repeat_in_service,
            self.state.dataset,
            config,
            count=count,
            store=self.store,
            name=name,
            on_done=self._repeat_finished,
            on_failed=self._repeat_failed,
            on_progress=self._repeat_progress,
            what=QCoreApplication.translate("RunsTab", "Repeating the run"),
        )
        self.progress.setValue(0)
        self.progress.setVisible(True)
        summary = config.summary_text()
        self._say_spread(
            lambda: QCoreApplication.translate(
                "RunsTab", "Training {model} with {count} seeds…"
            ).format(model=summary, count=count)
        )
        self._update_buttons()
        return True

    def stop_repeat(self) -> None:
        if self.repeat_task is not None:
            self.repeat_task.cancel.set()

    def _repeat_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(100 * fraction))
        self.progress.setFormat(message)
        self.refresh_in_background()  # once per epoch: the repeat's runs appear and grow
        self.repeat_progressed.emit((fraction, message))

    def _repeat_finished(self, result) -> None:
        self.repeat_result = result
        self.progress.setVisible(False)
        self.refresh()
        s = result.test_spread()
        if s:
            config = result.config
            self._say_spread(
                lambda: QCoreApplication.translate(
                    "RunsTab",
                    "Test accuracy over {n} seeds {models}: mean {mean}, min {min}, max {max} "
                    "(spread {spread} points). Differences between experiments smaller than "
                    "this spread may be noise. The book's protocol (Train, then “Retrain best N "
                    "and test”) retrains for the best epoch count and scores higher.",
                ).format(
                    n=s["n"],
                    models=_repeat_models(config),
                    mean=percent(s["mean"], 2),
                    min=percent(s["min"], 2),
                    max=percent(s["max"], 2),
                    spread=decimal(100 * s["range"], 1),
                )
            )
        else:
            self._say_spread(
                lambda: QCoreApplication.translate(
                    "RunsTab", "The repeat stopped before a run finished."
                )
            )
        if result.results:
            self.bands = [{"name": self.repeat_name, "bands": result.bands()}]
            self.select_ids([i for i in result.run_ids if i is not None])
            self.publish_overlay()
        self._update_buttons()

    def _repeat_failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        if isinstance(exc, Cancelled):
            self._say_spread(
                lambda: QCoreApplication.translate("RunsTab", "The repeat was stopped.")
            )
        else:
            self._say_spread(
                lambda: error_text(exc, QCoreApplication.translate("RunsTab", "Repeating the run"))
            )
        self.refresh()
        self._update_buttons()


def _repeat_models(config) -> str:
    """Which models a repeat's test accuracies belong to, said plainly."""
    if config is None:
        return QCoreApplication.translate("RunsTab", "(each seed's final model)")
    if config.early_stopping:
        return QCoreApplication.translate(
            "RunsTab", "(each seed's model after early stopping, not retrained as in the book)"
        )
    if config.validation_size == 0:
        return QCoreApplication.translate(
            "RunsTab", "(each seed trained {epochs} epochs on all training reviews)"
        ).format(epochs=config.epochs)
    return QCoreApplication.translate(
        "RunsTab", "after all {epochs} epochs (each seed's final, overfitted model)"
    ).format(epochs=config.epochs)
