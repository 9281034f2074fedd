#!/usr/bin/env python3
"""Open the series in JupyterLab in headless Chromium, run every notebook through the UI, check it.

    .venv/bin/python tools/browser_check.py                        # every notebook in notebooks/
    .venv/bin/python tools/browser_check.py 04_colour_events.ipynb

For each notebook: open ``lab/tree/notebooks/NAME``, choose Run > Run All Cells in the menu bar,
wait until the kernel is idle and every code cell has run, find no error or stderr output, move a
slider of each ``.ce-explorer`` widget (keyboard, then drag) and see its ``.ce-readout`` change,
and save a screenshot to ``screenshots/NAME.png``. tests/test_browser.py runs the same checks.

JupyterLab runs from this Python environment on 127.0.0.1 with a random port and token, with its
own throwaway settings (no news toast; no autosave, so the notebooks on disk are never written,
which its log proves), workspaces and runtime folders; it, its kernels and Chromium are shut down
afterwards, and any process that outlives it is killed and reported.
Chromium is the system one (Debian package ``chromium``), driven by Playwright from PyPI.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import suppress
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# User settings for the throwaway JupyterLab: no "fetch Jupyter news?" toast over the screenshots,
# and never autosave, so running the notebooks in the browser cannot rewrite the committed files.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}
# Both stderr streams and error tracebacks render with this MIME type in JupyterLab 4.
# The current notebook as JupyterLab's model has it (window.jupyterapp, exposed by the server
# flag --expose-app-in-browser): kernel status, and per code cell whether it has source, its
# execution count and state, and its error / stderr outputs.
NOTEBOOK_STATE = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model || !panel.sessionContext) return null;
  const cells = [];
  for (const cell of panel.content.model.cells) {
    if (cell.type !== "code") continue;
    const problems = [];
    for (let i = 0; i < cell.outputs.length; i++) {
      const out = cell.outputs.get(i).toJSON();
      if (out.output_type === "error") problems.push(`${out.ename}: ${out.evalue}`);
      if (out.output_type === "stream" && out.name === "stderr") problems.push(
        "stderr: " + [].concat(out.text).join(""));
    }
    cells.push({source: cell.sharedModel.getSource().trim() !== "",
                count: cell.executionCount, state: cell.executionState || null, problems});
  }
  return {kernel: panel.sessionContext.kernelDisplayStatus, cells};
}"""
TEXTS = "nodes => nodes.map(node => node.textContent)"
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


def find_chromium() -> str | None:
    """The system Chromium: $CHROMIUM, else chromium / chromium-browser on PATH, else None."""
    candidates = [os.environ.get("CHROMIUM"), shutil.which("chromium")]
    candidates += [shutil.which("chromium-browser"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """``jupyter lab`` from this environment, serving ``root``, as a context manager."""

    def __init__(self, root: Path = ROOT, start_timeout: float = 90) -> None:
        self.root = Path(root)
        self.start_timeout = start_timeout
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.stray: list[str] = []  # processes that outlived the shutdown (killed, but reported)
        self._tmp = tempfile.TemporaryDirectory(prefix="course-lab-")
        self.log_path = Path(self._tmp.name) / "jupyter.log"
        self._log: str | None = None  # the log, kept when the folder goes
        self._sigterm = None

    def __enter__(self) -> LabServer:
        tmp = Path(self._tmp.name)
        settings = tmp / "settings"
        for name, values in LAB_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "MPLBACKEND"))}
        env.update(
            JUPYTER_CONFIG_DIR=str(tmp / "config"),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
            PYTHONUNBUFFERED="1",
        )
        cmd = [sys.executable, "-m", "jupyterlab", "--ip=127.0.0.1", f"--port={self.port}"]
        cmd += ["--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}"]
        cmd += [
            "--ServerApp.open_browser=False",
            "--no-browser",
            f"--ServerApp.root_dir={self.root}",
        ]
        # window.jupyterapp, to read the notebook's state (running happens through the UI).
        cmd += ["--expose-app-in-browser"]
        # A safety net should this process die without stopping the server: idle kernels are
        # culled, and the server stops itself when nothing has happened for ten minutes.
        cmd += [
            "--MappingKernelManager.cull_idle_timeout=600",
            "--MappingKernelManager.cull_interval=60",
        ]
        cmd += ["--ServerApp.shutdown_no_activity_timeout=600"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # JupyterLab refuses to run as root without it (CI)
        # Should this process be terminated (a CI timeout, say), stop the server on the way out.
        if threading.current_thread() is threading.main_thread():
            self._sigterm = signal.signal(signal.SIGTERM, _exit_on_sigterm)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                cmd,
                cwd=self.root,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, ended as a whole at the end
            )
        try:
            self._wait_until_up()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log(self) -> str:
        if self._log is None and self.log_path.exists():
            return self.log_path.read_text(errors="replace")
        return self._log or ""

    def leftovers(self) -> list[str]:
        """After stop(): files the server saved and processes that outlived it (none, we hope)."""
        saved = re.findall(r"Saving file at (\S+)", self.log())
        return [f"saved {path}" for path in saved] + [f"outlived: {c}" for c in self.stray]

    def api(self, method: str, path: str, timeout: float = 10) -> object:
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited ({self.process.returncode}):\n{self.log()}")
            with suppress(OSError, ValueError):
                self.api("GET", "/api/status", timeout=5)
                return
            time.sleep(0.5)
        raise TimeoutError(f"jupyter lab did not answer in {self.start_timeout} s:\n{self.log()}")

    @staticmethod
    def _descendants(pid: int) -> list[psutil.Process]:
        with suppress(psutil.Error):
            return psutil.Process(pid).children(recursive=True)
        return []

    def shut_down_kernels(self) -> None:
        """Shut every running kernel down through the REST API (their sessions go too)."""
        with suppress(OSError, ValueError):
            for session in self.api("GET", "/api/sessions"):
                with suppress(OSError, ValueError):
                    self.api("DELETE", f"/api/sessions/{session['id']}", timeout=20)
        with suppress(OSError, ValueError):
            for kernel in self.api("GET", "/api/kernels"):
                with suppress(OSError, ValueError):
                    self.api("DELETE", f"/api/kernels/{kernel['id']}", timeout=20)

    def stop(self) -> None:
        """Kernels, then the server (REST), then its process group; nothing outlives it."""
        process, children = self.process, []
        if process is None:
            return
        try:
            if process.poll() is None:
                children = self._descendants(process.pid)  # kernels run in sessions of their own
                self.shut_down_kernels()
                with suppress(OSError, ValueError):
                    self.api("POST", "/api/shutdown", timeout=10)
                with suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=20)
            for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                if process.poll() is not None:
                    break
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, sig)
                with suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=wait)
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # anything left in the group
            _gone, alive = psutil.wait_procs(children, timeout=10)
            for child in alive:
                with suppress(psutil.Error):
                    self.stray.append(" ".join(child.cmdline()))
                    child.kill()
        finally:
            self.process = None
            if self._sigterm is not None:
                signal.signal(signal.SIGTERM, self._sigterm)
                self._sigterm = None
            self._log = self.log()
            self._tmp.cleanup()


def expects_explorer(path: Path) -> bool:
    """Whether a notebook shows an explorer widget (a helpers.widgets.*_explorer() call)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return re.search(r"widgets\.\w*explorer\(", code) is not None


class LabBrowser:
    """Headless Chromium on a running :class:`LabServer`."""

    def __init__(self, server: LabServer, chromium: str, screenshots: Path) -> None:
        self.server = server
        self.chromium = chromium
        self.screenshots = Path(screenshots)
        self._playwright = None
        self._browser = None
        self._context = None

    def __enter__(self) -> LabBrowser:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self.chromium, headless=True, args=CHROMIUM_ARGS, timeout=60_000
            )
            self._context = self._browser.new_context(viewport={"width": 1366, "height": 900})
            self._context.set_default_timeout(30_000)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        for thing in (self._context, self._browser):
            if thing is not None:
                with suppress(Exception):
                    thing.close()
        if self._playwright is not None:
            with suppress(Exception):
                self._playwright.stop()
        self._context = self._browser = self._playwright = None

    def check(
        self, name: str, expect_explorer: bool = False, run_timeout: float = 180
    ) -> list[str]:
        """Run notebooks/NAME in the UI; return the problems seen (empty: all good)."""
        page = self._context.new_page()
        try:
            return self._check(page, name, expect_explorer, run_timeout)
        finally:
            with suppress(Exception):
                page.close()  # no "unsaved changes" prompt: beforeunload is not run
            self.server.shut_down_kernels()

    def _check(self, page, name: str, expect_explorer: bool, run_timeout: float) -> list[str]:
        problems = []
        server = self.server
        # ?reset: start from an empty workspace, so earlier notebooks are not reopened.
        page.goto(f"{server.url}/lab/tree/notebooks/{name}?reset&token={server.token}")
        panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first
        panel.wait_for(state="visible", timeout=60_000)
        problem = self._wait_for_kernel(page, timeout=90)
        if problem:
            return [problem]

        # Through the UI, as a learner would: clear the committed outputs (so that what is seen
        # afterwards is this run's), then Run > Run All Cells.
        self._menu(page, "Edit", "Clear Outputs of All Cells")
        state = self._wait_for(page, lambda st: not any(c["count"] for c in st["cells"]), 15)
        if state is None or any(c["count"] for c in state["cells"]):
            problems.append("Edit > Clear Outputs of All Cells did not clear the outputs")
        self._menu(page, "Run", "Run All Cells")

        def settled(st: dict) -> bool:
            if st["kernel"] != "idle" or any(c["state"] == "running" for c in st["cells"]):
                return False
            ran = all(c["count"] for c in st["cells"] if c["source"])
            return ran or any(c["problems"] for c in st["cells"])  # Run All stops at an error

        state = self._wait_for(page, settled, run_timeout)
        if state is None or not settled(state):
            problems.append(f"not finished within {run_timeout:.0f} s: {state}")
        else:
            for index, cell in enumerate(state["cells"]):
                if cell["source"] and not cell["count"]:
                    problems.append(f"code cell {index} did not run")
                problems += [f"code cell {index}: {p[:500]}" for p in cell["problems"]]
        # The same, as rendered (textContent: off-screen cells are not painted, innerText is "").
        for text in panel.locator(STDERR_OUTPUT).evaluate_all(TEXTS):
            problems.append("error / stderr output shown: " + text[:500])

        explorers = panel.locator(".ce-explorer")
        if expect_explorer and not explorers.count():
            problems.append("no .ce-explorer widget rendered")
        for index in range(explorers.count()):
            problem = self._move_slider(page, explorers.nth(index))
            if problem:
                problems.append(f"explorer {index}: {problem}")

        if explorers.count():
            explorers.first.scroll_into_view_if_needed()
        else:
            panel.locator(".jp-Cell").first.scroll_into_view_if_needed()
        page.wait_for_timeout(300)  # let figures and widgets finish painting
        self.screenshots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(self.screenshots / f"{Path(name).stem}.png"))
        return problems

    @staticmethod
    def _menu(page, menu: str, item: str) -> None:
        """Click menu > item in JupyterLab's menu bar."""
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).first.click()
        page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel").filter(
            has_text=re.compile(f"^{re.escape(item)}$")
        ).first.click()

    @staticmethod
    def _wait_for(page, condition, timeout: float) -> dict | None:
        """Poll the notebook's state (NOTEBOOK_STATE) until condition(state); the last state."""
        deadline = time.monotonic() + timeout
        state = None
        while time.monotonic() < deadline:
            state = page.evaluate(NOTEBOOK_STATE)
            if state is not None and condition(state):
                break
            time.sleep(0.5)
        return state

    @staticmethod
    def _wait_for_kernel(page, timeout: float) -> str | None:
        """Wait until the status bar says the kernel is idle; accept a "Select Kernel" dialog."""
        status = page.locator(".jp-StatusBar-Widget").first
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            dialog = page.locator(".jp-Dialog")
            if dialog.count():
                text = dialog.first.inner_text()
                if "Select Kernel" not in text:
                    return "a dialog opened: " + text
                # Seen when the notebook opens before the kernel specs arrive: take the
                # preselected Python 3 kernel, as a learner would.
                dialog.first.locator(".jp-Dialog-button.jp-mod-accept").click()
            if re.search(r"\| Idle\b", status.inner_text()):
                return None
            time.sleep(0.5)
        return f"no idle kernel within {timeout:.0f} s: {status.inner_text()!r}"

    @staticmethod
    def _move_slider(page, explorer) -> str | None:
        """Move the first .ce-slider; return a problem unless the .ce-readout text changes."""
        slider, readout = explorer.locator(".ce-slider").first, explorer.locator(".ce-readout")
        if not slider.count() or not readout.count():
            return "no .ce-slider or no .ce-readout inside"
        readout = readout.first
        before = readout.inner_text()
        handle = slider.locator(".noUi-handle").first
        handle.scroll_into_view_if_needed()

        def changed(seconds: float) -> bool:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if readout.inner_text() != before:
                    return True
                time.sleep(0.2)
            return False

        handle.focus()
        for _ in range(3):
            handle.press("ArrowRight")
        if changed(10):
            return None
        box = handle.bounding_box()  # keyboard did nothing: drag the handle instead
        if box:
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            page.mouse.move(x, y)
            page.mouse.down()
            page.mouse.move(x - 40, y, steps=5)
            page.mouse.up()
            if changed(10):
                return None
        return f"readout stayed {before!r} after moving the slider"


def check_series(names: list[str], root: Path = ROOT, screenshots: Path | None = None) -> dict:
    """Check the named notebooks; return {name: problems}."""
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("No Chromium found: apt-get install chromium (or set $CHROMIUM).")
    results = {}
    with (
        LabServer(root) as server,
        LabBrowser(server, chromium, screenshots or root / "screenshots") as browser,
    ):
        for name in names:
            results[name] = browser.check(name, expects_explorer(root / "notebooks" / name))
    results["(server)"] = server.leftovers()
    return results


def main(argv: list[str]) -> int:
    names = argv or [p.name for p in sorted((ROOT / "notebooks").glob("*.ipynb"))]
    failed = False
    for name, problems in check_series(names).items():
        print(f"{name}: {'OK' if not problems else 'PROBLEMS'}")
        for problem in problems:
            print("   ", problem)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
