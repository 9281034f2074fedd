#!/usr/bin/env python3
"""ONE-OFF: freeze the course's own prose into data/corpus.txt (notebook 12's text to compress).

This is not a build step. It was run once, on 2026-11-24, over notebooks 00-08 as they stood
then, and its output is committed. Notebook 12 reads only ``data/corpus.txt``, so later edits to
the notebooks do not change its numbers. Do not re-run it unless you mean to change notebook 12's
corpus (and then re-execute notebook 12 and re-read every number in its prose).

What it does:

1. takes the markdown cells of ``notebooks/00_*.ipynb`` ... ``notebooks/08_*.ipynb``, in order,
   joins the cells of a notebook with a blank line and the notebooks with a blank line;
2. normalises the text to the alphabet of ``helpers.ngram.ALPHABET``, printable ASCII (32-126)
   plus the newline, 96 characters: a few typographic characters are spelled in ASCII
   (em dash -> ``--``, en dash and minus sign -> ``-``, ellipsis -> ``...``, ``‖`` -> ``||``,
   ``→`` -> ``->``, ``×`` -> ``x``, ``§`` -> ``S``), tabs become four spaces, and any other
   non-ASCII character is reduced to its ASCII base letter (Unicode NFKD) or dropped; the
   script prints what it replaced and dropped;
3. writes ``data/corpus.txt`` (UTF-8, which for this alphabet is plain ASCII).

    python tools/freeze_corpus.py
"""

from __future__ import annotations

import collections
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPELLED = {
    "\u2014": "--",  # em dash
    "\u2013": "-",  # en dash
    "\u2212": "-",  # minus sign
    "\u2026": "...",  # ellipsis
    "\u2016": "||",  # double vertical line (KL's ‖)
    "\u2192": "->",  # rightwards arrow
    "\u00d7": "x",  # multiplication sign
    "\u00a7": "S",  # section sign
    "\t": "    ",
}


def allowed(ch: str) -> bool:
    return ch == "\n" or 32 <= ord(ch) < 127


def normalise(text: str) -> tuple[str, collections.Counter, collections.Counter]:
    out, replaced, dropped = [], collections.Counter(), collections.Counter()
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        if allowed(ch):
            out.append(ch)
        elif ch in SPELLED:
            out.append(SPELLED[ch])
            replaced[ch] += 1
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if allowed(c))
            out.append(base)
            (replaced if base else dropped)[ch] += 1
    return "".join(out), replaced, dropped


def main() -> int:
    parts = []
    for path in sorted((ROOT / "notebooks").glob("0[0-8]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        parts.append(
            "\n\n".join(
                "".join(c["source"]).strip("\n") for c in cells if c["cell_type"] == "markdown"
            )
        )
        print("read", path.name)
    text, replaced, dropped = normalise("\n\n".join(parts) + "\n")
    assert all(allowed(ch) for ch in text)
    (ROOT / "data").mkdir(exist_ok=True)
    (ROOT / "data" / "corpus.txt").write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote data/corpus.txt: {len(text)} characters")
    print("replaced:", dict(replaced))
    print("dropped:", dict(dropped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
