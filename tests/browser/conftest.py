"""Fixtures of the real-browser tests: JupyterLab and a report in headless Chromium.

Run with ``make test-browser`` (``pytest -m browser tests/browser``); ``make
test`` leaves them out (they are marked ``browser``). They open the
notebooks as a student would: open, Run All, read what is shown.

Debian's ``chromium`` and ``chromium-driver`` packages and Selenium (the
``browser`` extra) are all it needs; nothing downloads a browser. Every wait
is bounded, and :class:`JupyterLab` stops the server it started.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = "chromedriver"

# JupyterLab settings for the test's own settings folder: every cell stays in the page
# (no windowing, so offscreen figures are rendered too) and no news or update pop-ups.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
    # Outputs of a test run are never saved into the notebook files.
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "Selenium is not installed: pip install -e '.[browser]'"
    if not any(shutil.which(name) for name in CHROMIUM) or not shutil.which(DRIVER):
        return "no Chromium or chromedriver: apt-get install -y chromium chromium-driver"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterLab:
    """A JupyterLab server of this interpreter on 127.0.0.1 with a random token, serving ``root``."""

    def __init__(self, root: Path, *, log: Path, timeout: float = 60):
        self.root, self.port, self.token = Path(root), _free_port(), secrets.token_hex(16)
        settings = self.root.parent / "lab-settings"
        for name, value in SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value), encoding="utf-8")
        env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings),
               "JUPYTERLAB_WORKSPACES_DIR": str(self.root.parent / "lab-workspaces"),
               "JUPYTER_CONFIG_DIR": str(self.root.parent / "jupyter-config"),
               # The kernel imports the kit of this checkout, as pytest does.
               "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
        env.pop("MPLBACKEND", None)
        env.pop("MEDIA_COVERAGE_DATA", None)
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                   f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
                   "--LabApp.expose_app_in_browser=True"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self._log = open(log, "w", encoding="utf-8")
        self.process = subprocess.Popen(command, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait_until_up(timeout)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_until_up(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.process.returncode}; see {self._log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"JupyterLab did not answer within {timeout:.0f} s; see {self._log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the server and the kernels it started
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self._log.close()


def chromium(*, width: int = 1400, height: int = 1000):
    """A headless Chromium driven by Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = next(shutil.which(n) for n in CHROMIUM if shutil.which(n))
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={width},{height}", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which(DRIVER)))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


def wait_for(condition, *, timeout: float, what: str, every: float = 0.5):
    """Poll ``condition()`` until it returns something true; raise a TimeoutError naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}")
        time.sleep(every)


# JavaScript run in the page. window.jupyterapp exists because of --LabApp.expose_app_in_browser.
_STATE = """
const app = window.jupyterapp;
const panel = app && app.shell.currentWidget;
if (!panel || !panel.content || !panel.content.model || !panel.sessionContext) return null;
const session = panel.sessionContext;
const cells = [];
for (const cell of panel.content.model.cells) {
  cells.push({type: cell.type, count: cell.type === 'code' ? cell.executionCount : null,
              outputs: cell.type === 'code' ? cell.outputs.toJSON() : []});
}
const node = panel.content.node;
return {
  path: panel.context.path,
  busy_seen: !!window.__mcBusySeen,
  status: session.session && session.session.kernel ? session.session.kernel.status : 'none',
  ready: panel.context.isReady && session.isReady,
  dirty: panel.context.model.dirty,
  running: node.querySelectorAll('.jp-InputArea-prompt').length
           ? Array.from(node.querySelectorAll('.jp-InputArea-prompt')).filter(p => p.textContent.includes('*')).length : 0,
  cells: cells,
  maths_in_tables: node.querySelectorAll('.jp-OutputArea-output table mjx-container, '
                                         + '.jp-OutputArea-output table .MathJax, .jp-OutputArea-output table .katex').length,
  images: Array.from(node.querySelectorAll('.jp-OutputArea-output img')).filter(i => i.complete && i.naturalWidth > 0).length,
};
"""


_WATCH_BUSY = """
window.__mcBusySeen = false;
const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
if (!window.__mcWatched || window.__mcWatched !== kernel) {
  kernel.statusChanged.connect((_, status) => { if (status === 'busy') window.__mcBusySeen = true; });
  window.__mcWatched = kernel;
}
"""


class Notebook:
    """One notebook opened in JupyterLab in ``driver``."""

    def __init__(self, driver, lab: JupyterLab, path: str, *, timeout: float = 90):
        self.driver, self.lab, self.path = driver, lab, path
        driver.get(f"{lab.url}/lab/tree/{path}?reset&token={lab.token}")
        wait_for(lambda: (s := self.state()) and s["ready"] and s["status"] == "idle" and s["path"] == path,
                 timeout=timeout, what=f"{path} to open with an idle kernel")

    def state(self) -> dict | None:
        return self.driver.execute_script(_STATE)

    def run_all(self, *, timeout: float) -> dict:
        """Run → Run All Cells from the menu bar; wait for the kernel to finish; return the state."""
        from selenium.webdriver.common.by import By

        started = time.monotonic()
        # Seen busy since the click: the committed execution counts are those of a fresh run,
        # so they cannot tell a finished run from one that has not started.
        self.driver.execute_script(_WATCH_BUSY)
        menu = next(item for item in self.driver.find_elements(By.CSS_SELECTOR, ".lm-MenuBar-item")
                    if item.text.strip() == "Run")
        menu.click()
        wait_for(lambda: [item for item in self.driver.find_elements(By.CSS_SELECTOR, ".lm-Menu-item")
                          if item.text.split("\n")[0].strip() == "Run All Cells"],
                 timeout=10, what="Run All Cells in the Run menu")[0].click()

        def finished():
            state = self.state()
            done = state["busy_seen"] and state["status"] == "idle" and state["running"] == 0
            return state if done else None

        wait_for(finished, timeout=timeout, what=f"Run All of {self.path} to finish", every=1)
        time.sleep(1)  # the last outputs and images render after the kernel goes idle
        state = wait_for(finished, timeout=30, what=f"{self.path} to settle")
        TIMINGS.append((f"Run All {self.path}", time.monotonic() - started))
        return state

    def forget_changes(self) -> None:
        """Mark the notebook unmodified, so leaving the page asks nothing and saves nothing."""
        self.driver.execute_script(
            "for (const w of window.jupyterapp.shell.widgets('main')) { if (w.context) w.context.model.dirty = false; }")

    def save(self) -> None:
        self.driver.execute_script("return window.jupyterapp.commands.execute('docmanager:save')")
        wait_for(lambda: not self.state()["dirty"], timeout=20, what=f"{self.path} to be saved")


def errors(state: dict) -> list[str]:
    """Every error output, as 'cell N: Name: message'."""
    return [f"cell {i}: {o['ename']}: {o['evalue']}" for i, c in enumerate(state["cells"])
            for o in c["outputs"] if o.get("output_type") == "error"]


def image_outputs(state: dict) -> int:
    return sum(1 for c in state["cells"] for o in c["outputs"]
               if any(k.startswith("image/") for k in o.get("data", {})))


# --- pytest wiring ------------------------------------------------------------

TIMINGS: list[tuple[str, float]] = []


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.section("browser timings")
        for what, seconds in TIMINGS:
            terminalreporter.write_line(f"{seconds:6.1f} s  {what}")


@pytest.fixture(scope="session")
def timings() -> list[tuple[str, float]]:
    """Append ``(what, seconds)``; printed at the end of the run."""
    return TIMINGS


@pytest.fixture(scope="session")
def poll():
    """:func:`wait_for`, for the test modules (conftest is not importable under --import-mode=importlib)."""
    return wait_for


@pytest.fixture(scope="session")
def _browser_ready():
    reason = missing()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory, _browser_ready, request) -> Path:
    """A copy of notebooks/ beside a copy of data/ (with a trained stance model), as in the repository."""
    from coverage.notebooks import copy_data_dir

    root = tmp_path_factory.mktemp("lab") / "repo"
    root.mkdir()
    shutil.copytree(REPO / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    copy_data_dir(REPO / "data", root / "data")
    if not list((root / "data" / "processed").glob("stance_model.pkl*")):
        shutil.copytree(request.getfixturevalue("stance_model_dir"), root / "data" / "processed",
                        dirs_exist_ok=True)
    return root


@pytest.fixture(scope="session")
def lab(sandbox):
    server = JupyterLab(sandbox, log=sandbox.parent / "jupyterlab.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def driver(_browser_ready):
    browser = chromium()
    yield browser
    browser.quit()


@pytest.fixture
def open_notebook(lab, driver):
    """``open_notebook("notebooks/00_start_here.ipynb")`` -> :class:`Notebook`; its kernel is shut down after."""
    opened = []

    def open_(path: str) -> Notebook:
        started = time.monotonic()
        notebook = Notebook(driver, lab, path)
        TIMINGS.append((f"open {path} (kernel idle)", time.monotonic() - started))
        opened.append(notebook)
        return notebook

    yield open_
    for notebook in opened:
        notebook.forget_changes()
    request = urllib.request.Request(f"{lab.url}/api/sessions?token={lab.token}")
    with urllib.request.urlopen(request, timeout=10) as answer:
        sessions = json.load(answer)
    for session in sessions:
        urllib.request.urlopen(urllib.request.Request(
            f"{lab.url}/api/sessions/{session['id']}?token={lab.token}", method="DELETE"), timeout=20)
