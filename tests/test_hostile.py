"""The hostile-input battery: THE CONTRACT (see ``helpers``' docstring), checked on the whole API.

Generated from the public API, not from a list of today's names: every public module under
``helpers/`` (found with ``pkgutil``, so a new module is covered as soon as it exists), every
function it exports, and every exercise check. For each function a *baseline* call that works is
found from a table of plausible arguments by parameter name; then each parameter in turn gets
hostile values — bad types, bools (whole or one element), masked arrays, ``Fraction``/``Decimal``
(whole or element-wise), 0-d arrays, NaN/±inf, extreme magnitudes, wrong shapes, empty input —
and layout variants of its baseline value (Fortran order, strided views), which must give exactly
the baseline's result. Every call must return a result without NaN, or raise ``ValueError``:
nothing else, and no warning (pyproject turns warnings into errors; each call here also runs
under ``warnings.simplefilter("error")``).
"""

from __future__ import annotations

import dataclasses
import decimal
import fractions
import importlib
import inspect
import itertools
import math
import os
import pkgutil
import warnings
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import helpers
from helpers import exercises
from helpers.exercises import Feedback

F, D = fractions.Fraction, decimal.Decimal


# --- the public API, discovered ---------------------------------------------------------------


def public_modules() -> list[str]:
    names = ["helpers"]
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        parts = info.name.split(".")[1:]
        if parts[0] == "exercises" or any(part.startswith("_") for part in parts):
            continue  # exercise checks have their own test below; private modules are internal
        names.append(info.name)
    return names


def public_functions() -> dict[str, Callable]:
    functions = {}
    for name in public_modules():
        module = importlib.import_module(name)
        exported = getattr(module, "__all__", None) or dir(module)
        for attribute in exported:
            function = getattr(module, attribute, None)
            if attribute.startswith("_") or not inspect.isfunction(function):
                continue
            if function.__module__.startswith("helpers") and not attribute.startswith("_"):
                functions.setdefault(f"{function.__module__}.{attribute}", function)
    return functions


#: Every discovered module is swept; the explorers (``*_explorer``, ``build_*``), which need a
#: running kernel and display widgets, only with HOSTILE_ALL=1.
FUNCTIONS = {
    name: function
    for name, function in public_functions().items()
    if os.environ.get("HOSTILE_ALL")
    or not (name.endswith("_explorer") or name.rsplit(".", 1)[-1].startswith("build_"))
}
CHECKS = {
    name: function
    for name, function in inspect.getmembers(exercises, inspect.isfunction)
    if name.startswith("check_")
}


# --- plausible arguments, by parameter name ---------------------------------------------------

P, Q = [0.1, 0.4, 0.5], [0.8, 0.15, 0.05]
ROWS = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3]]
LOGITS = [[2.0, -1.0, 0.5], [0.1, 0.2, 3.0], [1.0, 1.0, 1.0], [0.0, -2.0, 2.0]]


def _axes():
    return plt.figure().add_subplot()


def _widget_states() -> list[object]:
    states = []
    for module, call in [
        ("colour", lambda m: m.colour_state(0.2, 0.3)),
        ("binary_loss", lambda m: m.binary_loss_state(0.7, 0)),
        ("binary_entropy", lambda m: m.binary_entropy_state(0.3)),
    ]:
        try:
            states.append(call(importlib.import_module(f"helpers.widgets.{module}")))
        except Exception:
            pass
    return states


CANDIDATES: dict[str, list[object]] = {
    "p": [P, [[0.1, 0.2], [0.3, 0.4]]],
    "q": [Q],
    "qs": [[Q, P]],
    "events": [("red", "green", "blue")],
    "y_true": [[1, 0, 1, 0], [0, 1, 2, 1]],
    "y_prob": [[0.9, 0.2, 0.7, 0.4], ROWS],
    "y_pred": [[0.5, 0.1, 0.9, 0.3]],
    "logits": [LOGITS, [2.0, -1.0, 0.5, 0.3]],
    "student_logits": [LOGITS],
    "teacher_logits": [LOGITS[::-1]],
    "log_probs": [np.log(ROWS).tolist()],
    "input": [np.log(ROWS).tolist()],
    "target": [ROWS],
    "y": [[1, 0, 1, 0]],
    "z": [[2.0, -1.0, 0.5, 0.3]],
    "X": [[[1.0, 2.0], [-1.0, 0.5], [0.3, -0.2], [2.0, 1.0]]],
    "x": [np.linspace(-3, 3, 7).tolist()],
    "p_x": [[0.25, 0.25, 0.5]],
    "mu": [0.0],
    "sigma": [1.0],
    "mus": [[-1.0, 1.0]],
    "sigmas": [[1.0, 0.5]],
    "weights": [[0.5, 0.5]],
    "mu_p": [0.0],
    "mu_q": [1.0],
    "sigma_p": [1.0],
    "sigma_q": [2.0],
    "temperature": [2.0],
    "temperatures": [[1.0, 2.0]],
    "joint": [[[0.1, 0.2], [0.3, 0.4]]],
    "text": ["abracadabra abracadabra"],
    "n_classes": [3],
    "epsilon": [0.1],
    "lam": [0.7],
    "y_a": [[0, 1]],
    "y_b": [[1, 2]],
    "prevalence": [0.3],
    "mse": [0.5],
    "log_loss": [0.3],
    "baseline": [0.69],
    "cross_entropy": [1.5],
    "reported": [0.7],
    "true_prob": [0.6],
    "class_weights": [[1.0, 2.0, 1.0]],
    "header": [["x", "value"]],
    "rows": [[["a", 0.5], ["b", 0.25]]],
    "loss": [np.linspace(1.0, 0.1, 7).tolist()],
    "state": _widget_states(),
    "ax": [None],
}

BAD_TYPES: list[object] = [
    None,
    True,
    "0.5",
    "x" * 10_000,
    b"\x00",
    object(),
    1j,
    {"a": 1},
    [None, 0.5],
    [[0.5, 0.5], [1.0]],  # ragged
    [],
    np.zeros((0, 3)),
    np.array(["a", "b"]),
    np.array([1, 2], dtype="m8[s]"),
]
BAD_NUMBERS: list[object] = [
    math.nan,
    math.inf,
    -math.inf,
    0,
    -1,
    1e308,
    -1e308,
    5e-324,
    10**400,
    F(1, 3),
    D("0.5"),
    D("NaN"),
    np.float64("nan"),
    np.array(0.5),
    np.array(np.inf),
    np.zeros((2, 3, 4)),
    np.full((3, 2), 0.5),
    [math.nan, 0.5],
    [1e308, 1e308],
]


def _variants(value: object) -> list[tuple[str, object, bool]]:
    """Hostile and layout variants of a baseline value: (label, value, same result expected)."""
    try:
        array = np.asarray(value)
    except Exception:
        return []
    if array.dtype.kind not in "iuf" or array.size == 0:
        return []
    out: list[tuple[str, object, bool]] = [
        ("masked", np.ma.masked_array(array, mask=np.zeros(array.shape, bool)), False),
        ("bool array", array.astype(bool), False),
        ("object array", array.astype(object), True),
        ("Fraction elements", np.vectorize(F, otypes=[object])(array).tolist(), True),
        (
            "Decimal elements",
            np.vectorize(lambda v: D(repr(float(v))), otypes=[object])(array).tolist(),
            True,
        ),
        ("huge", array * 1e300, False),
        ("tiny", array * 1e-300, False),
        ("negated", -array, False),
        (
            "nan inside",
            np.where(np.arange(array.size).reshape(array.shape) == 0, np.nan, array),
            False,
        ),
    ]
    if array.ndim >= 1:
        listed = array.tolist()
        flat = listed
        while isinstance(flat, list) and flat and isinstance(flat[0], list):
            flat = flat[0]
        if isinstance(flat, list) and flat:
            flat[0] = bool(flat[0])  # one bool among numbers
            out.append(("one bool element", listed, False))
        strided = np.repeat(array, 2, axis=-1)[..., ::2]
        out.append(("strided view", strided, True))
        out.append(("with extra axis", array[None], False))
    if array.ndim >= 2:
        out.append(("Fortran order", np.asfortranarray(array), True))
        out.append(("transposed copy", np.ascontiguousarray(array.T).T, True))
    return out


# --- the assertion ----------------------------------------------------------------------------


def has_nan(result: object, depth: int = 0) -> bool:
    """Whether a result holds a NaN anywhere (floats, arrays, containers, dataclasses)."""
    if depth > 4:
        return False
    if isinstance(result, float | np.floating):
        return math.isnan(result)
    if isinstance(result, np.ndarray):
        return result.dtype.kind in "fc" and bool(np.isnan(result).any())
    if isinstance(result, list | tuple):
        return any(has_nan(item, depth + 1) for item in result[:1000])
    if isinstance(result, dict):
        return any(has_nan(item, depth + 1) for item in list(result.values())[:1000])
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return any(has_nan(getattr(result, f.name), depth + 1) for f in dataclasses.fields(result))
    return False


def call(function: Callable, kwargs: dict[str, object]) -> tuple[str, object]:
    """("ok", result), ("ValueError", message) or ("BROKEN", what went wrong)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = function(**kwargs)
    except ValueError as error:
        return "ValueError", str(error)
    except Exception as error:
        return "BROKEN", f"{type(error).__name__}: {str(error)[:200]}"
    finally:
        plt.close("all")
    if has_nan(result):
        return "BROKEN", "NaN in the result"
    return "ok", result


def required(function: Callable) -> list[str]:
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.kind in kinds and p.default is inspect.Parameter.empty
    ]


def parameters(function: Callable) -> list[str]:
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return [p.name for p in inspect.signature(function).parameters.values() if p.kind in kinds]


def find_baseline(function: Callable) -> tuple[dict[str, object], object] | None:
    """The first combination of candidate arguments that works, and its result."""
    names = required(function)
    if any(name not in CANDIDATES or not CANDIDATES[name] for name in names):
        return None
    for values in itertools.islice(itertools.product(*(CANDIDATES[n] for n in names)), 16):
        kwargs = dict(zip(names, values, strict=True))
        if "ax" in kwargs:
            kwargs["ax"] = _axes()
        status, result = call(function, kwargs)
        if status == "ok":
            return kwargs, result
    return None


def same(a: object, b: object) -> bool:
    if isinstance(a, float | np.floating | np.ndarray) or isinstance(b, np.ndarray):
        try:
            return bool(np.array_equal(a, b, equal_nan=False))
        except Exception:
            return False
    return True  # figures, widgets, text: no value to compare


def cases() -> list[tuple[str, str]]:
    out = []
    for name, function in sorted(FUNCTIONS.items()):
        params = [p for p in parameters(function) if p not in {"ax", "artists"}]
        if not params and required(function):
            continue  # only an Axes or artists to give: covered by the plotting tests
        params = params or ["(none)"]
        out.extend((name, p) for p in params)
    return out


def test_the_api_is_discovered():
    assert len(public_functions()) >= 40
    assert "helpers.information.cross_entropy" in FUNCTIONS
    assert "helpers.training.train_logistic" in FUNCTIONS
    every = public_functions()
    assert any(name.startswith("helpers.plotting.") for name in every)
    assert any(name.startswith("helpers.tables.") for name in every)


@pytest.mark.parametrize(("name", "parameter"), cases(), ids=":".join)
def test_hostile_arguments_give_a_result_or_a_value_error(name, parameter):
    function = FUNCTIONS[name]
    found = find_baseline(function)
    base_kwargs, base_result = found if found else ({}, None)
    problems = []
    if parameter == "(none)":
        status, detail = call(function, {})
        assert status != "BROKEN", detail
        return
    hostile = [(repr(v)[:30], v, False) for v in BAD_TYPES + BAD_NUMBERS]
    if parameter in base_kwargs:
        hostile += _variants(base_kwargs[parameter])
    for label, value, keeps_result in hostile:
        kwargs = dict(base_kwargs)
        for other in required(function):  # no baseline: hostile everywhere
            kwargs.setdefault(other, value)
        if "ax" in kwargs and found:
            kwargs["ax"] = _axes()
        kwargs[parameter] = value
        status, detail = call(function, kwargs)
        if status == "BROKEN":
            problems.append(f"{parameter} = {label}: {detail}")
        elif status == "ok" and keeps_result and found and not same(detail, base_result):
            problems.append(f"{parameter} = {label}: result differs from the baseline's")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_exercise_check_never_raises(name):
    for value in BAD_TYPES + BAD_NUMBERS + [..., np.ma.masked, np.bool_(False), F(10**400, 7)]:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            feedback = CHECKS[name](value) if name != "check_number" else CHECKS[name](value, 1.0)
        assert isinstance(feedback, Feedback)
        assert len(feedback.message.split(" is not right.")[0]) <= 120


# --- hypothesis: arbitrary float arrays, any shape, any values, any layout ------------------

ARRAYS = hnp.arrays(
    dtype=st.sampled_from([np.float64, np.float32, np.int64, np.float16]),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4),
    elements={"allow_nan": True, "allow_infinity": True},
)
CORE = [
    lambda a: helpers.entropy(a),
    lambda a: helpers.cross_entropy(a, a[::-1] if a.ndim else a),
    lambda a: helpers.kl_divergence(np.asfortranarray(a), a),
    lambda a: helpers.binary_cross_entropy(a, a, eps=1e-20),
    lambda a: helpers.categorical_cross_entropy(np.zeros(len(a)) if a.ndim else a, a),
    lambda a: helpers.softmax_cross_entropy_with_logits(a, a),
    lambda a: helpers.binary_cross_entropy_with_logits(a, a),
    lambda a: helpers.log_softmax(a),
    lambda a: helpers.smooth_labels(a, 3, 0.1),
    lambda a: helpers.likelihood.bernoulli_nll(a, a),
    lambda a: helpers.likelihood.gaussian_nll(a, a[::-1] if a.ndim else a, sigma=1e-200),
    lambda a: helpers.likelihood.baseline_log_loss(a),
    lambda a: helpers.likelihood.perplexity(a),
    lambda a: helpers.training.gradient_wrt_logit(a, a),
]


@settings(max_examples=150, deadline=None)
@given(ARRAYS, st.sampled_from(range(len(CORE))))
def test_any_array_gives_a_result_or_a_value_error(array, which):
    status, detail = call(CORE[which], {"a": array})
    assert status != "BROKEN", detail
