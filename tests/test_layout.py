"""The shape of ``helpers``, read from its source: small modules, no cycles, no upward imports.

The import graph is built from every ``import`` statement in every module (module level *and*
inside functions, so a lazy import counts too). Layers, from the bottom:

0. the private numerics and checks (``_numerics``, ``_validation``);
1. the maths: every other module outside the three below;
2. ``plotting`` (matplotlib) and ``exercises`` (the checks behind the notebooks' exercises);
3. ``widgets`` (the explorers, which draw with ``plotting``).

A module may import its own layer or lower ones, never a higher one; ``helpers/__init__.py``
(which loads the top layers lazily, on first use) is the one module above them all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "helpers"
#: Issue #10: "no module in helpers is over ~400 lines".
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(HELPERS.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """The helpers modules that ``name`` imports anywhere in its source."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = [f"{target}.{alias.name}" for alias in node.names]
            # "from . import x" names a submodule; "from .m import f" names module m itself
            candidates = [s for s in submodules if s in MODULES] or [target]
        else:
            continue
        found |= {c for c in candidates if c in MODULES and c != name}
    return found


GRAPH = {name: imports(name) for name in MODULES}


def layer(name: str) -> int:
    parts = name.split(".")
    if name == "helpers":
        return 4
    if parts[1] in ("_numerics", "_validation"):
        return 0
    if parts[1] == "widgets":
        return 3
    if parts[1] in ("plotting", "exercises"):
        return 2
    return 1


def test_the_graph_is_read_from_the_source():
    # guards against an empty or broken parse that would make the tests below pass vacuously
    assert len(MODULES) > 40
    assert "helpers._validation" in GRAPH["helpers.information"]
    assert "helpers.plotting" in GRAPH["helpers.widgets._common"]
    assert "helpers.losses" in GRAPH["helpers.divergences.soft_targets"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name}: {lines} lines; split it by topic (see helpers/plotting/)"


def test_no_module_imports_a_higher_layer():
    upward = sorted(
        f"{name} (layer {layer(name)}) imports {target} (layer {layer(target)})"
        for name, targets in GRAPH.items()
        for target in targets
        if layer(target) > layer(name)
    )
    assert not upward, "\n".join(upward)


def test_there_are_no_import_cycles():
    # a package's __init__ re-exports its submodules; a submodule importing its own package's
    # __init__ back would be a cycle, and is reported like any other
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(GRAPH[name]):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert not cycles, "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_a_cycle_and_an_upward_import_would_be_caught(monkeypatch):
    monkeypatch.setitem(GRAPH, "helpers._validation", {"helpers.losses"})
    with pytest.raises(AssertionError, match="layer 0"):
        test_no_module_imports_a_higher_layer()
    with pytest.raises(AssertionError, match=r"helpers\._validation"):
        test_there_are_no_import_cycles()
