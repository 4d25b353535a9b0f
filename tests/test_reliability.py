"""Issue 11: every expected failure is one sentence, nothing half-written survives.

CLI cases run ``main.py`` in a subprocess and check the exit code, that stderr is one
line, and what is left on disk. Read-only homes are real read-only tmpfs mounts (skipped
where mounting is not allowed; chmod does not stop root); full disks are a mocked ENOSPC.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import types
from pathlib import Path

import numpy as np
import pytest

from engine.data.loading import load_dataset
from engine.errors import ModelFileError
from engine.model.bundle import load_bundle, save_bundle
from engine.model.config import ModelConfig
from engine.runs.history import RunStore
from tests.test_cli import VOCAB, assert_one_line_error, cli, handmade_weights
from tests.tiny_data import make_tiny_folder

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ModelConfig(hidden_units=[4], num_words=100)


def _bundle(path: Path, weights=None, config: ModelConfig = CONFIG) -> Path:
    return save_bundle(path, None, VOCAB, config, {}, weights=weights or handmade_weights())


# -- model files ---------------------------------------------------------------------------


def _tamper_config(path: Path, change) -> None:
    header = json.loads((path / "config.json").read_text())
    change(header)
    (path / "config.json").write_text(json.dumps(header))


def _tamper_weights(path: Path, change) -> None:
    with np.load(path / "weights.npz") as data:
        weights = [data[f"w{i}"] for i in range(len(data.files))]
    weights = change(weights)
    np.savez(path / "weights.npz", **{f"w{i}": w for i, w in enumerate(weights)})


def _two_layers(w):
    rng = np.random.default_rng(0)
    return [w[0], w[1], rng.normal(size=(7, 3)), np.zeros(3), np.ones((3, 1)), np.zeros(1)]


BAD_MODELS = {
    "config is a list": (
        lambda p: _tamper_config(p, lambda h: h.update(config=[1, 2])),
        "config.json holds no model settings",
    ),
    "unknown activation": (
        lambda p: _tamper_config(p, lambda h: h["config"].update(activation="swish")),
        "Activation must be one of",
    ),
    "kernels that do not chain": (
        lambda p: (
            _tamper_config(p, lambda h: h["config"].update(hidden_units=[4, 3])),
            _tamper_weights(p, _two_layers),
        ),
        "layer 2 in weights.npz has shapes (7, 3)",
    ),
    "a (3, 3) bias": (
        lambda p: _tamper_weights(p, lambda w: [w[0], np.zeros((3, 3)), w[2], w[3]]),
        "layer 1 in weights.npz has shapes (100, 4) and (3, 3)",
    ),
    "a 5-unit output": (
        lambda p: _tamper_weights(p, lambda w: [w[0], w[1], np.ones((4, 5)), np.zeros(5)]),
        "output layer in weights.npz has shapes (4, 5) and (5,)",
    ),
    "NaN weights": (
        lambda p: _tamper_weights(p, lambda w: [w[0] * np.nan, *w[1:]]),
        "not finite numbers",
    ),
}


@pytest.mark.parametrize("case", list(BAD_MODELS))
def test_a_bad_model_file_is_refused_with_one_sentence_on_every_path(
    case, tmp_path, lab_home, tiny_archive
):
    tamper, fragment = BAD_MODELS[case]
    path = _bundle(tmp_path / "model")
    tamper(path)
    with pytest.raises(ModelFileError, match="is damaged or not an IMDB Sentiment Lab model"):
        load_bundle(path)  # what the window's Open model and restore use
    proc = cli("predict", "--model", str(path), "a good film", home=lab_home)
    assert_one_line_error(proc, fragment)
    assert str(path) in proc.stderr
    proc = cli(
        "evaluate", "--model", str(path), "--data", str(tiny_archive), "--no-size-check",
        home=lab_home,
    )  # fmt: skip
    assert_one_line_error(proc, fragment)


# -- datasets ------------------------------------------------------------------------------


def test_a_dangling_symlink_in_a_folder_dataset_is_skipped(tmp_path, lab_home):
    folder = make_tiny_folder(tmp_path / "data")  # the aclImdb/ folder
    (folder / "train" / "pos" / "999_9.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "train" / "notes.txt").symlink_to(tmp_path / "gone.txt")
    ds = load_dataset(folder, num_words=100, expected_per_folder=None)
    assert len(ds) == 240
    model = _bundle(tmp_path / "model")
    proc = cli(
        "evaluate", "--model", str(model), "--data", str(folder), "--no-size-check",
        home=lab_home,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


@pytest.mark.parametrize(
    "data, fragment",
    [
        ("/proc/self", "/proc/self does not look like the IMDB dataset"),
        ("/dev/zero", "The dataset /dev/zero is neither a file nor a folder"),
    ],
)
def test_odd_dataset_paths_get_a_sentence(data, fragment, tmp_path, lab_home):
    model = _bundle(tmp_path / "model")
    proc = cli("evaluate", "--model", str(model), "--data", data, home=lab_home)
    assert_one_line_error(proc, fragment)


class _Repeated:
    """A file-like object of ``size`` bytes of text, produced without holding it in memory."""

    def __init__(self, size: int):
        self.left = size
        self.chunk = b"a wonderful film " * 4096

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        out = (self.chunk * (n // len(self.chunk) + 1))[:n]
        self.left -= n
        return out


def test_a_100_mb_review_is_cut_and_memory_stays_low(tmp_path, tiny_archive):
    big = 100 * 2**20
    archive = tmp_path / "hostile.tar.gz"
    with tarfile.open(tiny_archive) as src, tarfile.open(archive, "w:gz") as out:
        for member in src.getmembers():
            if member.name.startswith("aclImdb/train/pos/0_"):
                member.size = big
                out.addfile(member, _Repeated(big))
            else:
                out.addfile(member, src.extractfile(member) if member.isfile() else None)
    assert archive.stat().st_size < 400_000
    code = (
        "from engine.data.loading import load_dataset; "
        f"ds = load_dataset({str(archive)!r}, num_words=100, expected_per_folder=None, "
        f"cache_dir=__import__('pathlib').Path({str(tmp_path / 'cache')!r})); "
        # VmHWM: this process's peak RSS (ru_maxrss would include the parent's before exec).
        "peak_kb = next(int(l.split()[1]) for l in open('/proc/self/status') "
        "if l.startswith('VmHWM')); "
        "print(ds.truncated, max(len(ds.text(i)) for i in range(len(ds))), peak_kb // 1024, "
        "ds.warning)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=3)
    truncated, longest, peak_mb, warning = int(out[0]), int(out[1]), int(out[2]), out[3]
    assert truncated == 1 and longest == 2**20
    assert "1 over-long review was cut to the first 1,024 KB." in warning
    assert peak_mb < 600, f"peak RSS {peak_mb} MB"


def _rewrite_cache(path: Path, change) -> None:
    with np.load(path) as z:
        arrays = {k: z[k] for k in z.files}
    change(arrays)
    np.savez(path, **arrays)


def test_a_cache_with_flipped_labels_is_rebuilt_from_its_recorded_archive(
    tiny_archive, tmp_path, monkeypatch
):
    monkeypatch.delenv("IMDB_LAB_DATA", raising=False)
    cache_dir = tmp_path / "cache"
    first = load_dataset(tiny_archive, num_words=100, expected_per_folder=None, cache_dir=cache_dir)
    (cache,) = cache_dir.glob("*.npz")
    _rewrite_cache(cache, lambda a: a.update(label=1 - a["label"]))
    again = load_dataset(None, num_words=100, expected_per_folder=None, cache_dir=cache_dir)
    assert again.extra["from_cache"] is False  # the damage was seen: read from the archive
    assert np.array_equal(again.label, first.label)
    # Damaged beyond reading its arrays: the recorded source still rebuilds it.
    _rewrite_cache(cache, lambda a: a.pop("tokens"))
    again = load_dataset(None, num_words=100, expected_per_folder=None, cache_dir=cache_dir)
    assert again.extra["from_cache"] is False and np.array_equal(again.label, first.label)
    assert load_dataset(None, num_words=100, cache_dir=cache_dir).extra["from_cache"] is True


def test_the_cache_folder_keeps_a_bounded_number_of_caches(tiny_archive, tmp_path):
    from engine.data.cache import MAX_CACHES

    cache_dir = tmp_path / "cache"
    for words in range(100, 100 + 2 * MAX_CACHES):
        load_dataset(tiny_archive, num_words=words, expected_per_folder=None, cache_dir=cache_dir)
    names = sorted(p.name for p in cache_dir.iterdir())
    assert len(names) == MAX_CACHES
    assert any(f"-w{100 + 2 * MAX_CACHES - 1}-" in n for n in names)


def test_a_small_dataset_opens_in_the_window_with_a_warning(qtbot, tiny_archive, tmp_path):
    from gui.dataset.loading import load_if_found
    from gui.main_window import MainWindow

    ds = load_if_found(str(tiny_archive), 100)  # the window's loader: no size error
    assert len(ds) == 240
    assert ds.warning.startswith("This dataset does not have the official 25,000 training")
    store = RunStore(tmp_path / "h.sqlite3", runs_root=tmp_path / "runs")
    win = MainWindow(dataset=ds, store=store, load_data=False, warm_up=False)
    qtbot.addWidget(win)
    try:
        assert "Note:</b> This dataset does not have" in win.train_tab.dataset_label.text()
    finally:
        win.shutdown()


# -- options -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "option, fragment",
    [
        (["--seed", "4294967296"], "Seed must be an integer from 0 to 4294967295"),
        (
            ["--units", "16,,16"],
            "--units takes layer sizes separated by commas, like 16,16 (got '16,,16')",
        ),
        (["--learning-rate", "nan"], "Learning rate must be a positive number"),
    ],
)
def test_bad_options_are_refused_before_data_or_runs(option, fragment, tiny_archive, lab_home):
    proc = cli("train", "--data", str(tiny_archive), "--no-size-check", *option, home=lab_home)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and fragment in proc.stderr, proc.stderr
    assert not list(lab_home.glob("cache/*.npz"))  # the dataset was not even read
    assert RunStore().list_runs() == []


# -- disks ---------------------------------------------------------------------------------


@pytest.fixture
def mount_point(tmp_path):
    """A tmpfs that the test can remount read-only (root only; skipped elsewhere)."""
    point = tmp_path / "mnt"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(point)],
                      capture_output=True).returncode:  # fmt: skip
        pytest.skip("cannot mount a tmpfs here")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def _read_only(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)


def test_an_empty_read_only_home_reads_and_says_what_cannot_be_written(mount_point, tiny_archive):
    home = mount_point / "home"
    home.mkdir()
    _read_only(mount_point)
    proc = cli("runs", home=home)
    assert proc.returncode == 0 and proc.stderr == "" and "No runs yet" in proc.stdout
    assert_one_line_error(cli("predict", "good", home=home), "No trained model found")
    proc = cli("train", "--data", str(tiny_archive), "--no-size-check", home=home)
    assert_one_line_error(proc, "which is read-only")
    # The window's loading path reads a readable dataset without a cache folder.
    code = (
        "from gui.dataset.loading import load_if_found; "
        f"print(len(load_if_found({str(tiny_archive)!r}, 100)))"
    )
    env = {**os.environ, "IMDB_LAB_HOME": str(home)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True)
    assert out.returncode == 0 and out.stdout.split()[-1] == b"240", out.stderr


def test_a_read_only_home_with_history_lists_predicts_and_evaluates(mount_point, tiny_archive):
    home = mount_point / "home"
    os.environ["IMDB_LAB_HOME"] = str(home)  # restored by the lab_home fixture's monkeypatch
    store = RunStore()
    run = store.create_run(CONFIG, name="kept")
    path = _bundle(store.run_dir(run) / "model")
    store.finish_run(run, "finished", model_path=path)
    load_dataset(tiny_archive, num_words=100, expected_per_folder=None)  # a cache to read
    from engine.model.export import export_archive

    archive = export_archive(path, mount_point / "sent.imdbmodel")
    _read_only(mount_point)
    before = sorted(p.name for p in (home / "data").iterdir())
    runs = cli("runs", "--json", home=home)
    assert runs.returncode == 0 and runs.stderr == "", runs.stderr
    assert [r["name"] for r in json.loads(runs.stdout)] == ["kept"]
    pred = cli("predict", "a good great film", home=home)
    assert pred.returncode == 0 and pred.stdout.startswith("positive"), pred.stderr
    ev = cli("evaluate", "--data", str(tiny_archive), "--no-size-check", home=home)
    assert ev.returncode == 0 and ev.stderr == "", ev.stderr
    proc = cli("predict", "--model", str(archive), "good", home=home)
    assert_one_line_error(proc, f"Cannot unpack {archive} into {home / 'data' / 'imported'}")
    proc = cli("export", "-o", str(mount_point / "again.imdbmodel"), home=home)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert sorted(p.name for p in (home / "data").iterdir()) == before
    with pytest.raises(Exception, match="is read-only, so nothing can be saved"):
        RunStore().rename(run, "new")


def test_renaming_in_a_read_only_history_says_why(qtbot, mount_point):
    from gui.runs.tab import RunsTab
    from gui.state import AppState

    home = mount_point / "home"
    os.environ["IMDB_LAB_HOME"] = str(home)  # restored by the lab_home fixture's monkeypatch
    RunStore().create_run(CONFIG, name="kept")
    _read_only(mount_point)
    state = AppState(store=RunStore())
    messages: list[str] = []
    state.status_message.connect(messages.append)
    tab = RunsTab(state)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.table.selectRow(0)
    tab.rename_selected("new name")
    assert messages and "is read-only, so nothing can be saved" in messages[-1]
    assert tab.shutdown()


def _full_disk_after(calls: int):
    """A stand-in for ``np.savez`` that writes a few bytes, then fails as a full disk does."""
    real = np.savez
    count = {"n": 0}

    def savez(file, *args, **kwargs):
        count["n"] += 1
        if count["n"] <= calls:
            return real(file, *args, **kwargs)
        if isinstance(file, (str, Path)):
            Path(file).write_bytes(b"PK\x03\x04 half a file")
        else:
            file.write(b"PK\x03\x04 half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    return savez


def _leftovers(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_a_full_disk_during_an_epoch_keeps_the_complete_epochs(tiny_dataset, tmp_path, monkeypatch):
    from engine.errors import StorageError
    from engine.model import training

    store = RunStore(tmp_path / "h.sqlite3", runs_root=tmp_path / "runs")
    monkeypatch.setattr("engine.files.np.savez", _full_disk_after(2))
    config = ModelConfig(hidden_units=[4], num_words=100, epochs=5, batch_size=32,
                         validation_size=40)  # fmt: skip
    with pytest.raises(StorageError) as caught:
        training.Trainer(tiny_dataset, config, store=store).train()
    assert str(caught.value) == (
        "The disk is full: the weights file of epoch 3 was not saved; "
        "the run keeps its 2 complete epochs."
    )
    assert _leftovers(tmp_path / "runs") == [
        "1/config.json", "1/epochs/epoch_001.npz", "1/epochs/epoch_002.npz", "1/vocab.txt",
    ]  # fmt: skip
    run = store.get_run(1)
    assert run["status"] == "failed" and run["epochs"] == 2
    assert len(load_bundle(tmp_path / "runs" / "1").weights) == 4  # usable from epoch 2


def test_a_full_disk_while_saving_the_model_leaves_no_partial_bundle(
    tiny_dataset, tmp_path, monkeypatch
):
    from engine.errors import StorageError
    from engine.model import bundle, training

    store = RunStore(tmp_path / "h.sqlite3", runs_root=tmp_path / "runs")
    numpy_full = types.SimpleNamespace(**{**vars(np), "savez": _full_disk_after(0)})
    monkeypatch.setattr(bundle, "np", numpy_full)  # only the bundle's writes fail
    config = ModelConfig(hidden_units=[4], num_words=100, epochs=2, batch_size=32,
                         validation_size=40)  # fmt: skip
    with pytest.raises(StorageError) as caught:
        training.Trainer(tiny_dataset, config, store=store).train()
    assert str(caught.value) == (
        "The disk is full: the model of run 1 was not saved; the run keeps its 2 complete epochs."
    )
    assert not any("model" in name for name in _leftovers(tmp_path / "runs"))
    assert not [p for p in (tmp_path / "runs" / "1").iterdir() if p.name.startswith(".")]
    assert store.get_run(1)["status"] == "failed"


def test_a_real_full_disk_during_cli_training_is_one_line_and_leaves_no_partial_file(
    mount_point, tiny_archive
):
    """A 1 MB tmpfs as the home: the disk fills up during the run's epochs."""
    home = mount_point / "home"
    home.mkdir()
    filler = mount_point / "filler"
    filler.write_bytes(b"\0" * (64 * 2**20 - 1_300_000))  # leaves about 1.3 MB
    proc = cli(
        "train", "--data", str(tiny_archive), "--no-size-check", "--epochs", "200",
        "--num-words", "2000", "--units", "16", "--validation-size", "40", home=home,
    )  # fmt: skip
    assert_one_line_error_after_output(proc, "The disk is full: ")
    assert "complete epochs." in proc.stderr
    leftovers = [p for p in home.rglob("*") if p.is_file()]
    assert not [p for p in leftovers if p.name.startswith(".") or p.suffix == ".tmp"]
    epochs = sorted(p for p in leftovers if p.parent.name == "epochs")
    assert epochs, "no epoch was saved before the disk filled up"
    for path in epochs:  # every epoch file left is complete
        with np.load(path) as data:
            assert len(data.files) == 4
    filler.unlink()
    runs = json.loads(cli("runs", "--json", home=home).stdout)
    assert runs[0]["status"] in ("failed", "interrupted") and runs[0]["epochs"] >= len(epochs) - 1


def assert_one_line_error_after_output(proc: subprocess.CompletedProcess, fragment: str) -> None:
    """Exit 2 and one stderr line, after the epochs printed on stdout."""
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


# -- processes -----------------------------------------------------------------------------


def test_a_zombie_training_process_counts_as_dead(tmp_path):
    store = RunStore(tmp_path / "h.sqlite3", runs_root=tmp_path / "runs")
    run = store.create_run(CONFIG)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        stat = Path(f"/proc/{child.pid}/stat")
        deadline = __import__("time").monotonic() + 10
        while stat.read_text().rsplit(")", 1)[1].split()[0] != "Z":
            assert __import__("time").monotonic() < deadline
            os.sched_yield()
        from engine.runs.history import _process_start

        with sqlite3.connect(store.path) as conn:
            conn.execute(
                "UPDATE runs SET pid = ?, pid_start = ? WHERE id = ?",
                (child.pid, _process_start(child.pid), run),
            )
        assert store.get_run(run)["status"] == "interrupted"
    finally:
        child.wait()


def test_reading_the_history_never_writes(tmp_path):
    store = RunStore(tmp_path / "h.sqlite3", runs_root=tmp_path / "runs")
    run = store.create_run(CONFIG)
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE runs SET pid = 999999999, pid_start = '' WHERE id = ?", (run,))
    conn.close()

    def raw_status() -> str:
        with sqlite3.connect(store.path) as c:
            status = c.execute("SELECT status FROM runs WHERE id = ?", (run,)).fetchone()[0]
        c.close()
        return status

    changes = []
    real_connect = sqlite3.connect

    def watching(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(
            lambda sql: changes.append(sql) if sql.split()[0] in ("UPDATE", "INSERT") else None
        )
        return conn

    import engine.runs.history_file as history_file  # where the store connects

    history_file.sqlite3.connect = watching
    try:
        assert store.list_runs()[0]["status"] == "interrupted"
        assert store.get_run(run)["status"] == "interrupted"
        assert store.get_run(run)["reason"].startswith("The program training this run stopped")
    finally:
        history_file.sqlite3.connect = real_connect
    assert changes == [] and raw_status() == "running"
    store.create_run(CONFIG)  # a writing moment records it
    assert raw_status() == "interrupted"


def _interrupted_run(home_store: RunStore) -> Path:
    from engine.model.bundle import save_run_header

    run = home_store.create_run(CONFIG, name="cut short")
    run_dir = home_store.run_dir(run)
    save_run_header(run_dir, VOCAB, CONFIG)
    (run_dir / "epochs").mkdir()
    for epoch in (1, 2):
        np.savez(run_dir / "epochs" / f"epoch_{epoch:03d}.npz", *handmade_weights(epoch))
        home_store.add_epoch(run, {"epoch": epoch, "loss": 0.5, "accuracy": 0.7}, None)
    with sqlite3.connect(home_store.path) as conn:
        conn.execute("UPDATE runs SET pid = 999999999 WHERE id = ?", (run,))
    conn.close()
    return run_dir


def test_predict_uses_the_last_complete_epoch_of_an_interrupted_run(lab_home):
    run_dir = _interrupted_run(RunStore())
    proc = cli("predict", "--model", str(run_dir), "--json", "a good great film", home=lab_home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == (
        f"note: {run_dir} has no saved model; using the weights of its last complete epoch (2)."
    )
    from engine.model.predictor import Predictor

    expected = Predictor(handmade_weights(2), VOCAB, "relu").predict("a good great film")
    assert json.loads(proc.stdout)["probability"] == pytest.approx(expected.probability)


def test_the_window_opens_an_interrupted_run_from_its_last_epoch(qtbot, lab_home):
    from gui.runs.tab import RunsTab
    from gui.state import AppState

    store = RunStore()
    _interrupted_run(store)
    state = AppState(store=store)
    tab = RunsTab(state)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.table.selectRow(0)
    assert tab.buttons["open"].isEnabled()
    tab.open_selected()
    assert state.predictor is not None and state.run["name"] == "cut short"
    assert tab.shutdown()


def test_sigterm_closes_the_window_cleanly(tmp_path, lab_home):
    env = {
        **os.environ,
        "IMDB_LAB_HOME": str(lab_home),
        "IMDB_LAB_MEASURE_STARTUP": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().startswith("startup: first paint")
        proc.terminate()
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert list((lab_home / "settings").rglob("*.ini")), "the window's settings were not written"


def test_cli_commands_that_load_tensorflow_print_no_noise(tiny_archive, lab_home, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    env["IMDB_LAB_HOME"] = str(lab_home)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip

    proc = run("train", "--data", str(tiny_archive), "--no-size-check", "--epochs", "1",
               "--validation-size", "40", "--num-words", "100")  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    proc = run("export", "--keras", "-o", str(tmp_path / "plain.keras"))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


# -- prediction input ----------------------------------------------------------------------


def test_a_binary_file_is_refused(tmp_path, lab_home):
    _bundle(tmp_path / "model")
    binary = tmp_path / "picture.png"
    binary.write_bytes(bytes(range(256)) * 40)
    proc = cli("predict", "--model", str(tmp_path / "model"), "--file", str(binary), home=lab_home)
    assert_one_line_error(proc, f"{binary} is not a text file (it holds binary data)")


def test_an_empty_file_is_named(tmp_path, lab_home):
    _bundle(tmp_path / "model")
    empty = tmp_path / "reviews.txt"
    empty.write_text("\n\n")
    proc = cli("predict", "--model", str(tmp_path / "model"), "--file", str(empty), home=lab_home)
    assert_one_line_error(proc, f"Nothing to predict: the file {empty} is empty.")
