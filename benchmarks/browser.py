"""The explorers as a learner sees them: slider move to updated figure on screen, in JupyterLab.

JupyterLab (tools/browser_check.py's ``LabServer``, throwaway settings, no autosave) runs in
headless Chromium driven by Playwright (the system Chromium). Each notebook with an explorer is
opened and run through the UI (Run > Run All Cells); then the first slider of each explorer is
moved ``moves`` times with the keyboard (one step each, right then back left), one move at a
time. In the page, a capturing ``keydown`` listener stamps the move; a ``MutationObserver`` on
the figure's ``<img>`` sees the new PNG arrive, waits for it to be decoded and for the next
animation frame (the frame that paints it) and stamps the end. The latency is the difference,
on the page's own clock (``performance.now()``), so Playwright's round trips are not counted.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from browser_check import (  # noqa: E402
    NOTEBOOK_STATE,
    LabBrowser,
    LabServer,
    expects_explorer,
    find_chromium,
)

# Stamps: window.__ceMoves[i] = {t0: keydown time, t1: figure-painted time}.
INSTALL = """(figure) => {
  const img = figure.tagName === "IMG" ? figure : figure.querySelector("img");
  window.__ceMoves = [];
  window.__ceT0 = null;
  document.addEventListener("keydown", () => { window.__ceT0 = performance.now(); }, true);
  new MutationObserver(() => {
    const t0 = window.__ceT0;
    if (t0 === null) return;
    window.__ceT0 = null;
    img.decode().catch(() => null).then(() => requestAnimationFrame(() =>
      window.__ceMoves.push({t0, t1: performance.now()})));
  }).observe(img, {attributes: true, attributeFilter: ["src"]});
  return img.src.length > 0;
}"""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation between order statistics."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def explorer_notebooks() -> list[str]:
    """Names of the notebooks that show an explorer."""
    return [p.name for p in sorted((ROOT / "notebooks").glob("*.ipynb")) if expects_explorer(p)]


def _run_all(browser: LabBrowser, page, name: str) -> None:
    server = browser.server
    page.goto(f"{server.url}/lab/tree/notebooks/{name}?reset&token={server.token}")
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first.wait_for(
        state="visible", timeout=60_000
    )
    problem = browser._wait_for_kernel(page, timeout=90)
    if problem:
        raise RuntimeError(f"{name}: {problem}")
    browser._menu(page, "Run", "Run All Cells")

    def settled(st: dict) -> bool:
        busy = st["kernel"] != "idle" or any(c["state"] == "running" for c in st["cells"])
        return not busy and all(c["count"] for c in st["cells"] if c["source"])

    state = browser._wait_for(page, settled, 180)
    if state is None or not settled(state):
        raise RuntimeError(f"{name}: Run All Cells did not finish")


def _measure(page, explorer, moves: int) -> list[float]:
    handle = explorer.locator(".ce-slider").first.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    if not explorer.locator(".ce-figure").first.evaluate(INSTALL):
        raise RuntimeError("the explorer's figure has no image")
    handle.focus()
    latencies = []
    for index in range(moves):
        key = "ArrowRight" if (index // 10) % 2 == 0 else "ArrowLeft"
        handle.press(key)
        page.wait_for_function(f"window.__ceMoves.length > {index}", timeout=30_000)
        page.wait_for_timeout(50)  # one move at a time, as distinct drags would be
    for move in page.evaluate("window.__ceMoves"):
        latencies.append((move["t1"] - move["t0"]) / 1e3)
    return latencies


def slider_to_screen(moves: int = 30, names: list[str] | None = None) -> dict[str, list[float]]:
    """Seconds from a keyboard slider move to the new figure painted, per explorer."""
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("no Chromium found: apt-get install chromium (or set $CHROMIUM)")
    results: dict[str, list[float]] = {}
    with LabServer(ROOT) as server, LabBrowser(server, chromium, ROOT / "build" / "bench") as lab:
        for name in names or explorer_notebooks():
            page = lab._context.new_page()
            try:
                _run_all(lab, page, name)
                state = page.evaluate(NOTEBOOK_STATE)
                assert state is not None
                explorers = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .ce-explorer")
                for index in range(explorers.count()):
                    key = re.sub(r"\.ipynb$", "", name) + (f" #{index}" if index else "")
                    results[key] = _measure(page, explorers.nth(index), moves)
            finally:
                page.close()
                server.shut_down_kernels()
            time.sleep(0.5)
    return results


def summary(latencies: list[float]) -> tuple[float, float]:
    """(median, 95th percentile) in seconds."""
    return statistics.median(latencies), percentile(latencies, 95)
