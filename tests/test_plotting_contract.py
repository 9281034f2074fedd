"""The input contract of every figure function: bad input is a ValueError saying what, raised
before any figure exists — never another exception, never a warning (``-W error`` via
pyproject), never a half-drawn figure left open.

The cases are generated: each public ``plot_…``/``draw_…`` function of the course's topic modules
has one good call below, and every argument of it is replaced in turn by each hostile value
(None, NaN, ±inf, a string, an object, a huge integer, masked, bool, NaN-inside, wrong-shaped and
empty versions of the good value). A new figure function fails
:func:`test_every_figure_function_has_a_good_call` until it gets one.
"""

from __future__ import annotations

import importlib
import inspect
import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import plotting
from helpers.divergences import GaussianFit
from helpers.examples import COLOURS, Y_PROB, Y_TRUE, P, Q
from helpers.training import train_logistic

#: The topic modules whose figure functions this contract covers (all of helpers.plotting's own).
TOPICS = (
    "surprise",
    "distributions",
    "code_lengths",
    "kl_decomposition",
    "sampling",
    "sample_losses",
    "likelihood",
    "reading",
    "practice",
    "_style",
    "frameworks",
    "divergences",
    "calibration",
    "coding",
)

_X = np.linspace(-3.0, 3.0, 13)
_DENSITY = np.exp(-(_X**2) / 2) / np.sqrt(2 * np.pi)

_RUN = train_logistic([[-1.0], [1.0]], [0, 1], epochs=3)
_AX = "an Axes"  # placeholder: replaced by a fresh Axes in each call

GOOD_CALLS: dict[str, dict[str, object]] = {
    "plot_surprise": {"marked": [1.0, 0.5]},
    "plot_binary_entropy": {"n": 11},
    "plot_code_lengths": {"p": P, "q": Q, "events": COLOURS, "labels": ("P", "Q")},
    "plot_kl_decomposition": {"p": P, "q": Q, "events": COLOURS},
    "plot_cross_entropy_vs_kl": {
        "p": [0.3, 0.7],
        "qs": [[0.2, 0.8], [0.5, 0.5]],
        "parameter": [0.2, 0.5],
        "xlabel": "q",
    },
    "plot_code_length_overlay": {"p": P, "q": Q, "events": COLOURS},
    "plot_distributions": {"p": P, "q": Q, "events": COLOURS, "labels": ("a", "b"), "title": "t"},
    "draw_distributions": {"ax": _AX, "p": P, "q": Q, "events": COLOURS, "title": "t"},
    "plot_cross_entropy_totals": {"p": P, "q": Q, "labels": ("P", "Q")},
    "plot_sample_losses": {
        "y_true": Y_TRUE,
        "y_prob": Y_PROB,
        "highlight": 1,
        "top": 2.0,
        "show_predictions": True,
    },
    "draw_sample_losses": {"ax": _AX, "y_true": Y_TRUE, "y_prob": Y_PROB, "highlight": 1},
    "plot_sample_histogram": {"p_hat": [0.2, 0.4, 0.4], "p": P, "q": Q, "events": COLOURS, "n": 10},
    "plot_running_cross_entropy": {
        "running": [1.0, 1.5, 1.2],
        "cross_entropy": 1.2,
        "entropy": 1.0,
    },
    "plot_train_test_cross_entropy": {
        "sizes": [5, 50],
        "train": [0.9, 0.99],
        "held_out": [1.2, 1.01],
        "entropy": 1.0,
    },
    "plot_loss_curve": {
        "x": [0.0, 1.0, 2.0],
        "loss": [1.0, 0.5, 1.0],
        "x_best": 1.0,
        "xlabel": "w",
        "ylabel": "loss (nats)",
        "title": "t",
        "label": "l",
        "colour": "red",
    },
    "plot_nll_against_mse": {
        "mse": [0.1, 0.3],
        "nll": [0.426, 1.226],
        "sigma": 0.5,
        "title": "t",
        "colour": "red",
    },
    "plot_true_class_loss": {"marked": [0.5, 0.1]},
    "plot_clipped_losses": {"p": [0.1, 1.0], "curves": {"exact": [2.3, 0.0]}, "title": "t"},
    "plot_baseline_log_loss": {"marked": [0.5], "thresholds": {"t": 0.3}, "n": 11},
    "plot_logit_gradients": {"y": 1, "z_max": 5.0, "n": 11},
    "plot_learning_curves": {"histories": {"cross-entropy": _RUN}, "last_epoch": 2},
    "plot_label_smoothing_loss": {"epsilon": 0.1, "n_classes": 3, "n": 11},
    "subplots": {"ncols": 2, "width": 5.0, "height": 3.0},
    # 09 frameworks
    "plot_double_softmax": {"k": 10, "margin_max": 10.0, "n": 21},
    "plot_focal_loss": {"gammas": [0.0, 2.0], "ax": _AX},
    # 10 divergences
    "plot_soft_targets": {
        "logits": [4.0, 2.0, 0.0],
        "temperatures": [1.0, 4.0],
        "classes": ["cat", "dog", "car"],
    },
    "plot_kl_fits": {
        "x": list(_X),
        "p": list(_DENSITY),
        "forward": GaussianFit(0.0, 1.0, 0.0),
        "reverse": GaussianFit(0.5, 0.8, 0.1),
    },
    "plot_information_diagram": {"joint": [[0.3, 0.1], [0.2, 0.4]], "base": 2.0},
    # 11 calibration
    "plot_expected_scores": {"true_probs": [0.2, 0.8], "rules": ["log", "brier"], "n": 11},
    "plot_reliability_diagram": {
        "y_true": [0, 0, 1, 1, 1],
        "y_prob": [0.1, 0.2, 0.7, 0.8, 0.9],
        "n_bins": 2,
        "strategy": "uniform",
        "label": "model",
        "colour": "#2b6cb0",
    },
    "plot_temperature_scaling": {
        "y_true": [0, 1, 1, 0],
        "logits": [-3.0, 4.0, 1.0, 2.0],
        "temperature": 2.0,
        "n_bins": 2,
    },
    # 12 coding
    "plot_cross_entropy_by_order": {
        "orders": [0, 1, 2],
        "training": [4.0, 3.0, 2.0],
        "held_out": [4.1, 3.5, 3.8],
        "extra": {"add-one": [4.2, 3.6, 3.9]},
    },
    "plot_compressed_sizes": {
        "models": {"order 1": 500.0},
        "compressors": {"gzip": 600.0},
        "n_chars": 1000,
    },
}


def figure_functions() -> list[str]:
    names = set(plotting.__all__)
    for topic in TOPICS:
        names |= set(getattr(importlib.import_module(f"helpers.plotting.{topic}"), "__all__", ()))
    return sorted(
        name
        for name in names
        if (name.startswith(("plot_", "draw_")) or name == "subplots")
        and getattr(plotting, name).__module__.rsplit(".", 1)[-1] in TOPICS
    )


def test_every_figure_function_has_a_good_call():
    missing = [name for name in figure_functions() if name not in GOOD_CALLS]
    assert not missing, f"add a good call to GOOD_CALLS for {missing}"


def hostile_versions(good: object) -> dict[str, object]:
    """Hostile stand-ins for one good argument value."""
    values: dict[str, object] = {
        "None": None,
        "NaN": math.nan,
        "inf": math.inf,
        "-inf": -math.inf,
        "a string": "x",
        "an object": object(),
        "a huge integer": 10**400,
        "True": True,
        "-1": -1,
    }
    if isinstance(good, list | tuple | np.ndarray) and not isinstance(good[0], str | tuple):
        array = np.asarray(good, dtype=float)
        first = np.zeros(array.shape, dtype=bool)
        first.flat[0] = True
        values["masked"] = np.ma.masked_array(array, mask=first)
        values["bool array"] = array > 0.3
        values["NaN inside"] = np.where(first, np.nan, array)
        values["one more axis"] = np.stack([array, array])
        values["empty"] = []
        values["ragged"] = [list(array), [1.0]]
    if isinstance(good, dict):
        values["empty dict"] = {}
        values["non-string key"] = {1: next(iter(good.values()))}
        values["NaN value"] = {k: np.full(np.shape(v), np.nan) for k, v in good.items()}
    if isinstance(good, tuple | list) and good and isinstance(good[0], str):
        values["one name short"] = list(good)[:-1]
        values["numbers for names"] = list(range(len(good)))
    return values


#: (function, argument, hostile value) combinations that are valid input, and why.
VALID = {
    ("plot_surprise", "marked", "empty"),  # nothing marked
    ("plot_true_class_loss", "marked", "empty"),
    ("plot_baseline_log_loss", "marked", "empty"),
    ("plot_baseline_log_loss", "thresholds", "None"),  # the default: no threshold lines
    ("plot_sample_losses", "highlight", "None"),  # the defaults
    ("plot_sample_losses", "top", "None"),
    ("draw_sample_losses", "highlight", "None"),
    ("plot_loss_curve", "x_best", "None"),
    ("plot_learning_curves", "last_epoch", "None"),  # the default: every epoch
    ("plot_loss_curve", "label", "None"),
    ("plot_nll_against_mse", "title", "None"),  # the default title
    ("subplots", "width", "None"),
    ("subplots", "height", "None"),
    ("plot_expected_scores", "rules", "one name short"),  # any non-empty subset of the rules
    ("plot_cross_entropy_by_order", "extra", "None"),  # the default: no extra curves
    ("plot_cross_entropy_by_order", "extra", "empty dict"),
    ("plot_compressed_sizes", "models", "empty dict"),  # compressors only
    ("plot_compressed_sizes", "compressors", "empty dict"),  # models only
}
for name, kwargs in GOOD_CALLS.items():
    for arg, good in kwargs.items():
        if isinstance(good, str):  # any string is a valid title or label
            VALID.add((name, arg, "a string"))
        if isinstance(good, bool):
            VALID.add((name, arg, "True"))


def cases():
    for name in figure_functions():
        for arg, good in GOOD_CALLS.get(name, {}).items():
            if good is _AX:
                yield pytest.param(name, arg, "not an Axes", "x", id=f"{name}-{arg}-not an Axes")
                continue
            for label, value in hostile_versions(good).items():
                if (name, arg, label) not in VALID:
                    yield pytest.param(name, arg, label, value, id=f"{name}-{arg}-{label}")


def call(name: str, kwargs: dict[str, object]):
    kwargs = dict(kwargs)
    for key, value in kwargs.items():
        if value is _AX:
            kwargs[key] = Figure().add_subplot()  # outside pyplot: never in get_fignums()
    return getattr(plotting, name)(**kwargs)


@pytest.mark.parametrize("name", sorted(GOOD_CALLS))
def test_the_good_call_draws(name):
    result = call(name, GOOD_CALLS[name])
    fig = result[0] if isinstance(result, tuple) else result
    assert isinstance(fig, Figure) or name.startswith("draw_")


@pytest.mark.parametrize(("name", "arg", "label", "value"), list(cases()))
def test_hostile_input_is_a_value_error_before_any_figure(name, arg, label, value):
    before = plt.get_fignums()
    with pytest.raises(ValueError) as error:
        call(name, {**GOOD_CALLS[name], arg: value})
    assert plt.get_fignums() == before, f"{name} left a figure open after refusing {arg}"
    message = str(error.value)
    assert message and len(message) < 400


@pytest.mark.parametrize(
    "name",
    [n for n in figure_functions() if "ax" in inspect.signature(getattr(plotting, n)).parameters],
)
def test_figure_functions_draw_into_a_given_axes(name):
    fig, ax = plotting.subplots()
    before = plt.get_fignums()
    result = call(name, {**GOOD_CALLS[name], "ax": ax})
    assert plt.get_fignums() == before
    assert result is fig or name.startswith("draw_")
    assert ax.has_data()


def test_one_axes_figure_functions_take_ax():
    """Every plot_ function that draws a single axes offers ax= (two-panel ones do not)."""
    for name in figure_functions():
        if not name.startswith("plot_"):
            continue
        fig = call(name, GOOD_CALLS[name])
        takes_ax = "ax" in inspect.signature(getattr(plotting, name)).parameters
        n_axes = len(fig.axes)
        plt.close(fig)  # more than 20 open figures is a matplotlib warning
        assert takes_ax == (n_axes == 1), name


def test_a_string_that_is_no_colour_is_refused_before_drawing():
    before = plt.get_fignums()
    with pytest.raises(ValueError, match="colour"):
        plotting.plot_loss_curve([0, 1], [1, 0], colour="not a colour")
    assert plt.get_fignums() == before


def test_importing_plotting_changes_no_matplotlib_setting():
    import subprocess
    import sys

    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); import helpers.plotting; "
        "print(sorted(k for k, v in mpl.rcParams.items() if before.get(k) != v))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_figure_function_is_styled():
    """Each draws in the course style whatever the global settings (see _style.styled)."""
    import matplotlib as mpl

    with mpl.rc_context({"font.size": 5.0, "axes.grid": False}):
        fig = plotting.plot_surprise()
        assert fig.axes[0].title.get_fontsize() == 14.0
        assert fig.axes[0].xaxis.label.get_fontsize() == 12.0
    for name in figure_functions():
        assert hasattr(getattr(plotting, name), "__wrapped__"), f"{name} is not @styled"


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("plot_cross_entropy_vs_kl", {"p": [1, 0], "qs": [[1, 0], [1, 0]], "parameter": [0, 1]}),
        ("plot_kl_decomposition", {"p": [1, 0], "q": [1, 0], "events": ["a", "b"]}),
        ("plot_code_lengths", {"p": [1.0], "q": [1.0], "events": ["a"]}),
        ("plot_cross_entropy_totals", {"p": [1, 0], "q": [1, 0]}),
        ("plot_distributions", {"p": [1.0], "q": [1.0], "events": ["a"]}),
        ("plot_sample_losses", {"y_true": [1, 0], "y_prob": [0.0, 1.0]}),  # every loss ∞
        ("plot_sample_losses", {"y_true": [1, 0], "y_prob": [1.0, 0.0]}),  # every loss 0
        ("plot_loss_curve", {"x": [1, 1], "loss": [0, 0], "x_best": 1}),
        ("plot_label_smoothing_loss", {"epsilon": 0.0, "n_classes": 2, "n": 3}),
    ],
)
def test_edge_cases_draw_without_a_warning(name, kwargs):
    """A certain distribution (all terms 0), infinite or zero losses: drawn, and rendered,
    under -W error (matplotlib warns about an empty y range, for one)."""
    fig = getattr(plotting, name)(**kwargs)
    fig.canvas.draw()
    assert fig.axes[0].get_ylim()[1] > 0
