#!/usr/bin/env python3
"""Build the course as a static HTML book, offline, from the committed notebooks.

    .venv/bin/python tools/build_site.py      # or: python3 tasks.py site (sets .venv up first)

Output: ``book/_build/html/index.html`` (git-ignored; open it in a browser, or serve the folder).

    .venv/bin/python tools/build_site.py --publish-as OWNER/NAME [--ref REF]

first points the one repository setting (``repository:`` in book/_config.yml: the GitHub
owner/name and the git ref Binder builds, ``HEAD`` unless given) and every link built from it
(README.md, CITATION.cff, the notebooks' Binder links) at OWNER/NAME, then builds.

Jupyter Book 1.x (Sphinx, myst-nb, sphinx-book-theme) renders the notebooks exactly as they are
committed: nothing is executed (strict nbval keeps the outputs current). The book's sources are
assembled in ``book/_build/src`` first:

- ``book/_config.yml`` and ``book/intro.md`` (the landing page), and ``book/_static/``;
- ``_toc.yml``, generated here: the landing page, then every ``notebooks/NN_*.ipynb`` in series
  order, so a new notebook appears in the sidebar without editing anything;
- a copy of each notebook in which every collapsed worked solution (cell metadata
  ``jupyter.source_hidden``) carries the ``hide-input`` tag (and ``hide-output`` when its
  outputs are collapsed too), which is what folds it on the page, and each interactive explorer
  (a ``helpers.widgets.…_explorer()`` cell: it needs a live kernel) is followed by a note;
After the build, MathJax 2.7 is copied into ``_static/mathjax`` from the installed PyPI wheel
``jupyter-server-mathjax`` (the parts the pages use, about 6 MB), so formulas are typeset with no
network; and the ``.ipynb`` files the download button serves are replaced by the committed
notebooks themselves (not the tagged copies), and ``.nojekyll`` is added for GitHub Pages.
Sphinx warnings are errors (``-W``): a broken cross-reference or a bad cell option fails the build.
Figures' alt text comes from each figure cell's metadata ``mystnb.image.alt``.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
BUILD = BOOK / "_build"
SRC = BUILD / "src"
HTML = BUILD / "html"
NOTEBOOK_NAME = re.compile(r"\d\d_\w+\.ipynb")
EXPLORER_CALL = re.compile(r"helpers\.widgets\.\w+_explorer\(")
EXPLORER_NOTE = """\
:::{note}
The cell above builds an **interactive explorer**, which needs a running notebook:
launch this page on Binder (the rocket icon at the top of the page) or open it in JupyterLab
(`python3 tasks.py lab`) to move its sliders. The static figures on this page tell the same story.
:::"""
# MathJax 2.7 as the jupyter-server-mathjax wheel ships it; only what the pages load is copied
# (TeX input, HTML-CSS output with the STIX-Web fonts, the extensions the TeX config pulls in).
MATHJAX_PARTS = ["MathJax.js", "LICENSE", "config", "extensions", "fonts", "jax/input",
                 "jax/output/HTML-CSS", "jax/element"]  # fmt: skip


def series() -> list[Path]:
    """The notebooks of the series, in order (``notebooks/NN_name.ipynb``)."""
    return sorted(
        p for p in (ROOT / "notebooks").glob("*.ipynb") if NOTEBOOK_NAME.fullmatch(p.name)
    )


def cell_source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def book_notebook(notebook: dict) -> dict:
    """The notebook as the book shows it: solutions folded, explorers explained.

    >>> nb = {"cells": [{"cell_type": "code", "source": "x = 1", "outputs": [],
    ...                  "metadata": {"jupyter": {"source_hidden": True, "outputs_hidden": True}}}]}
    >>> book_notebook(nb)["cells"][0]["metadata"]["tags"]
    ['hide-input', 'hide-output']
    >>> nb["cells"][0]["metadata"].get("tags") is None  # the original is left alone
    True
    """
    notebook = copy.deepcopy(notebook)
    cells = []
    for cell in notebook["cells"]:
        cells.append(cell)
        if cell["cell_type"] != "code":
            continue
        metadata = cell.setdefault("metadata", {})
        folded = metadata.get("jupyter", {})
        tags = metadata.setdefault("tags", [])
        if folded.get("source_hidden") and "hide-input" not in tags:
            tags.append("hide-input")
        if folded.get("outputs_hidden") and "hide-output" not in tags:
            tags.append("hide-output")
        if not tags:
            del metadata["tags"]
        if EXPLORER_CALL.search(cell_source(cell)) and not cell.get("outputs"):
            note_id = f"{cell.get('id', len(cells))}-explorer-note"
            note = {"cell_type": "markdown", "id": note_id, "metadata": {}, "source": EXPLORER_NOTE}
            cells.append(note)
    notebook["cells"] = cells
    return notebook


def table_of_contents(notebooks: list[Path]) -> str:
    """``_toc.yml`` (format jb-book): the landing page, then the series in order."""
    lines = ["# Generated by tools/build_site.py from notebooks/*.ipynb", "format: jb-book",
             "root: intro", "chapters:"]  # fmt: skip
    lines += [f"- file: notebooks/{path.stem}" for path in notebooks]
    return "\n".join(lines) + "\n"


def mathjax_source() -> Path:
    import jupyter_server_mathjax

    static = Path(jupyter_server_mathjax.__file__).parent / "static"
    if not (static / "MathJax.js").exists():
        sys.exit(f"MathJax.js not found in {static}: is jupyter-server-mathjax installed?")
    return static


def assemble_sources(notebooks: list[Path]) -> None:
    """Write the book's sources into book/_build/src (from scratch)."""
    if SRC.exists():
        shutil.rmtree(SRC)
    (SRC / "notebooks").mkdir(parents=True)
    for name in ("_config.yml", "intro.md"):
        shutil.copy2(BOOK / name, SRC / name)
    shutil.copytree(BOOK / "_static", SRC / "_static")
    for path in notebooks:
        notebook = book_notebook(json.loads(path.read_text(encoding="utf-8")))
        text = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
        (SRC / "notebooks" / path.name).write_text(text, encoding="utf-8")
    (SRC / "_toc.yml").write_text(table_of_contents(notebooks), encoding="utf-8")


def copy_mathjax(target: Path) -> None:
    """Copy MathJax into the built site (not into the sources: Jupyter Book would add every .js
    file under _static/ to every page as a script)."""
    mathjax = mathjax_source()
    for part in MATHJAX_PARTS:
        source = mathjax / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build() -> Path:
    """Build the site into book/_build/html and return that folder."""
    start = time.perf_counter()
    notebooks = series()
    assemble_sources(notebooks)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    output = BUILD / "jb"
    command = [str(jupyter_book), "build", str(SRC), "--path-output", str(output), "--all",
               "--builder", "html", "-W", "--keep-going", "--quiet"]  # fmt: skip
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:  # its output is only useful when it fails
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
        raise subprocess.CalledProcessError(result.returncode, command)
    if HTML.exists():
        shutil.rmtree(HTML)
    shutil.move(output / "_build" / "html", HTML)
    # The download button serves _sources/…: give the reader the committed notebook itself.
    for path in notebooks:
        shutil.copy2(path, HTML / "_sources" / "notebooks" / path.name)
    copy_mathjax(HTML / "_static" / "mathjax")
    (HTML / ".nojekyll").touch()
    seconds = time.perf_counter() - start
    size = folder_size(HTML) / 1e6
    print(f"Built {len(notebooks)} notebooks + landing page in {seconds:.1f} s: {size:.1f} MB in "
          f"{HTML.relative_to(ROOT)}/ (open index.html)")  # fmt: skip
    return HTML


def repository_setting() -> tuple[str, str]:
    """(owner/name, git ref): the one setting every Binder and GitHub link is built from."""
    text = (BOOK / "_config.yml").read_text(encoding="utf-8")
    url = re.search(r"^  url: https://github\.com/([\w.-]+/[\w.-]+)\s*$", text, re.M)
    ref = re.search(r"^  branch: (\S+)\s*$", text, re.M)
    if not (url and ref):
        sys.exit("book/_config.yml has no repository: url: https://github.com/OWNER/NAME / branch:")
    return url[1], ref[1]


def publish_as(repository: str, ref: str) -> list[Path]:
    """Point the setting, and every link built from it, at ``repository`` (owner/name) and ``ref``.

    Rewrites book/_config.yml, README.md, CITATION.cff and the notebooks' links (their Markdown
    only; no output changes). Returns the files it changed.
    """
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repository) or not re.fullmatch(r"[\w./-]+", ref):
        sys.exit(f"--publish-as needs OWNER/NAME and --ref a git ref, not {repository!r} {ref!r}")
    old, old_ref = repository_setting()
    binder = "https://mybinder.org/v2/gh/"
    swaps = [
        (f"{binder}{old}/{old_ref}?", f"{binder}{repository}/{ref}?"),
        (f"https://github.com/{old}", f"https://github.com/{repository}"),
        (f"\n  branch: {old_ref}\n", f"\n  branch: {ref}\n"),
    ]
    changed = []
    files = [BOOK / "_config.yml", ROOT / "README.md", ROOT / "CITATION.cff", *series()]
    for path in files:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        new = text
        for before, after in swaps:
            new = new.replace(before, after)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def main(args: list[str]) -> None:
    if args[:1] == ["--publish-as"] and len(args) in (2, 4):
        ref = args[3] if len(args) == 4 and args[2] == "--ref" else "HEAD"
        if len(args) == 4 and args[2] != "--ref":
            sys.exit(__doc__)
        for path in publish_as(args[1], ref):
            print(f"updated {path.relative_to(ROOT)}")
    elif args:
        sys.exit(__doc__)
    build()


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except subprocess.CalledProcessError as error:
        sys.exit(
            f"The book did not build (exit status {error.returncode}); see the messages above."
        )
