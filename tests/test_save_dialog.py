"""Save dialogs start in the documents folder or the last used one, never the source folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from gui.common.save_dialog import documents_folder
from gui.main_window import MainWindow


def test_exports_start_in_documents_then_in_the_last_folder(
    qtbot, tiny_dataset, tmp_path, monkeypatch
):
    win = MainWindow(dataset=tiny_dataset, warm_up=False, load_data=False)
    qtbot.addWidget(win)
    offered: list[str] = []
    answer = {"path": ""}

    def dialog(_parent, _caption, start, _filters):
        offered.append(start)
        return answer["path"], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    tab = win.train_tab
    tab._export_csv()  # cancelled: nothing remembered
    assert Path(offered[-1]) == documents_folder() / "history.csv"
    assert not Path(offered[-1]).resolve().is_relative_to(Path(os.getcwd()).resolve())

    tab.plots.set_history({"loss": [0.5], "accuracy": [0.8]})
    answer["path"] = str(tmp_path / "exports" / "mine.csv")
    (tmp_path / "exports").mkdir()
    tab._export_csv()
    assert (tmp_path / "exports" / "mine.csv").is_file()
    answer["path"] = ""
    tab._export_png(tab.plots.loss_plot)
    assert Path(offered[-1]) == tmp_path / "exports" / "loss.png"  # where the user last saved
    win.tab_keys["runs"].export_dialog()
    assert Path(offered[-1]) == tmp_path / "exports" / "runs.csv"
    win.shutdown()
