"""Downloading against a local HTTP server: complete, interrupted, refused, cancelled."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from engine.data.archive import read_reviews
from engine.data.download import download, download_official
from engine.errors import Cancelled, DataError


class _Handler(BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        data = self.server.payload
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.path == "/short":
            # Announce the full length, send half, hang up.
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(data)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture
def server(tiny_archive):
    """A local server for the tiny archive, in a thread that is stopped and joined."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = False
    httpd.block_on_close = True
    httpd.payload = tiny_archive.read_bytes()
    thread = threading.Thread(target=httpd.serve_forever, name="test-http", daemon=False)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.payload
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def test_complete_download_is_renamed_and_readable(server, tmp_path):
    base, payload = server
    seen = []
    dest = download(
        f"{base}/ok.tar.gz",
        tmp_path / "dl" / "aclImdb_v1.tar.gz",
        progress=lambda f, m: seen.append((f, m)),
        chunk_size=4096,
    )
    assert dest.read_bytes() == payload
    assert not dest.with_suffix(".part").exists()
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(seen) > 2
    assert len(read_reviews(dest, expected_per_folder=60)) == 240


def test_interrupted_transfer_leaves_no_file(server, tmp_path):
    base, _ = server
    dest = tmp_path / "aclImdb_v1.tar.gz"
    with pytest.raises(DataError, match="incomplete|interrupted"):
        download(f"{base}/short", dest, chunk_size=4096)
    assert not dest.exists()
    assert not dest.with_suffix(".part").exists()


def test_http_error_is_a_data_error(server, tmp_path):
    base, _ = server
    dest = tmp_path / "x.tar.gz"
    with pytest.raises(DataError, match="404"):
        download(f"{base}/missing", dest)
    assert not dest.exists() and not dest.with_suffix(".part").exists()


def test_unreachable_server(tmp_path):
    # Port 9 (discard) on localhost is closed in any sane test environment.
    with pytest.raises(DataError, match="Could not reach"):
        download("http://127.0.0.1:9/x.tar.gz", tmp_path / "x.tar.gz", timeout=5)


def test_cancel_during_download(server, tmp_path):
    base, _ = server
    cancel = threading.Event()
    dest = tmp_path / "aclImdb_v1.tar.gz"
    calls = []

    def progress(fraction, message):
        calls.append(fraction)
        cancel.set()  # the user presses Cancel after the first chunk

    with pytest.raises(Cancelled):
        download(f"{base}/ok", dest, progress=progress, cancel=cancel, chunk_size=1024)
    assert len(calls) == 1
    assert not dest.exists() and not dest.with_suffix(".part").exists()


def test_download_official_goes_to_the_data_folder_once(server, lab_home):
    base, payload = server
    first = download_official(url=f"{base}/ok")
    assert first.is_relative_to(lab_home) and first.read_bytes() == payload
    # Already there: no second request (an unreachable URL would otherwise fail).
    assert download_official(url="http://127.0.0.1:9/x") == first


def test_no_network_is_said_plainly(tmp_path, monkeypatch):
    import socket
    import urllib.error
    import urllib.request

    from engine.data.download import OfflineError

    def offline(*_args, **_kwargs):
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(OfflineError) as caught:
        download("https://ai.stanford.edu/x.tar.gz", tmp_path / "x.tar.gz")
    message = str(caught.value)
    assert message.startswith("The download failed because there is no network connection")
    assert "Errno" not in message and "Name or service" not in message
    assert not (tmp_path / "x.part").exists()


def test_the_window_points_at_open_archive_when_offline(qtbot, monkeypatch):
    from engine.data.download import OfflineError
    from gui.dataset import loading as loading
    from gui.state import AppState

    def offline(progress=None, cancel=None):
        raise OfflineError("The download failed because there is no network connection.")

    monkeypatch.setattr(loading, "download_official", offline)
    state = AppState()
    loader = loading.DatasetLoader(state, lambda: 10_000)
    with qtbot.waitSignal(state.dataset_failed, timeout=10_000) as blocker:
        assert loader.download()
    message = blocker.args[0]
    assert "no network connection" in message
    assert "“Open archive or folder...”" in message
    assert "Errno" not in message and "IMDB_LAB_DATA" not in message
    from gui.dataset.panel import DatasetPanel

    panel = DatasetPanel()
    assert f"“{panel.open_button.text()}”" in message  # the button's real name
    panel.deleteLater()
    loader.tasks.shutdown()
