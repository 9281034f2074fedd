#!/usr/bin/env python3
"""Re-execute notebooks in place, each on a fresh kernel, the way they are committed.

    python tools/run_notebooks.py                       # every notebook in notebooks/
    python tools/run_notebooks.py notebooks/01_entropy.ipynb

Run it (or ``python3 tasks.py notebooks``) after editing a notebook: it gives execution counts
1..n, outputs exactly as the code produces them today, a canonical kernelspec, and no timing or
widget-state metadata, so strict nbval passes and diffs stay small. A widget's output is not
kept: it is live only in a running kernel (saved, it would show "model not found", or a
``VBox(children=…)`` repr on GitHub, with a new model id on every run); the notebook's prose and
static figure stand in for it. It stops with an error if a
cell raises or writes to stderr (a warning, say), since strict nbval would fail on that too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def coalesce_streams(outputs: list) -> list:
    """Merge consecutive stdout (or stderr) pieces into one output.

    A kernel flushes printed text in pieces whose boundaries depend on timing, so the same cell
    could be saved as one stream output on one run and three on the next: merged, the saved
    file is the same on every run (strict nbval compares the text, not the pieces).
    """
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = previous["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def run(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
        # the kernel's log: errors only (ipykernel 7 warns that a local kernel talks over TCP)
        extra_arguments=["--Application.log_level=ERROR"],
        allow_errors=True,  # report every problem below rather than stopping at the first
    )
    client.execute()
    problems = []
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        cell.outputs = coalesce_streams(
            [
                output
                for output in cell.get("outputs", [])
                if "application/vnd.jupyter.widget-view+json" not in output.get("data", {})
            ]
        )
        for output in cell.outputs:
            if output.output_type == "error" and "raises-exception" not in tags:
                problems.append(f"cell {index} raised {output.ename}: {output.evalue}")
            if output.output_type == "stream" and output.name == "stderr":
                problems.append(f"cell {index} wrote to stderr: {output.text.strip()[:200]}")
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    failed = False
    for path in paths:
        problems = run(path)
        print(f"{path.relative_to(ROOT)}: {'OK' if not problems else 'PROBLEMS'}")
        for problem in problems:
            print("   ", problem)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
