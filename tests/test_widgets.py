"""The interactive explorers, headless: the plain functions compute the right numbers, and moving
a slider in Python changes the readout's text and the figure's drawn data (Agg backend)."""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import time

import ipywidgets
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

import helpers
from helpers import widgets as w
from helpers.examples import COLOURS, Y_PROB, Y_TRUE, P, Q

PNG = b"\x89PNG\r\n\x1a\n"


def fmt(value: float) -> str:
    return f"{value:.3f}"


def classes(widget) -> list[str]:
    return list(widget._dom_classes)


def test_importing_widgets_imports_neither_ipywidgets_nor_matplotlib():
    code = (
        "import sys, helpers, helpers.widgets; "
        "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'sklearn') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the plain functions ----------------------------------------------------------------------


def test_colour_state_is_the_tutorials_numbers():
    state = w.colour_state(Q[0], Q[1])
    np.testing.assert_allclose(state["q"], Q)
    assert state["cross_entropy"] == pytest.approx(helpers.cross_entropy(P, Q))
    assert state["entropy"] == pytest.approx(helpers.entropy(P))
    assert state["kl"] == pytest.approx(helpers.kl_divergence(P, Q))
    assert state["cross_entropy"] == pytest.approx(state["entropy"] + state["kl"])
    assert (fmt(state["cross_entropy"]), fmt(state["entropy"]), fmt(state["kl"])) == (
        "3.288",
        "1.361",
        "1.927",
    )
    assert state["note"] == ""


@pytest.mark.parametrize(("red", "green"), [(0.1, 0.4), (0.33, 0.33), (0.7, 0.3), (0.0, 0.2)])
def test_colour_state_keeps_q_a_distribution(red, green):
    state = w.colour_state(red, green)
    assert state["q"].sum() == pytest.approx(1.0)
    assert state["q"].min() >= 0
    assert state["q"][2] == pytest.approx(max(0.0, 1 - red - green))


def test_colour_state_at_q_equal_p_has_no_extra_bits():
    state = w.colour_state(P[0], P[1])
    assert state["kl"] == pytest.approx(0.0, abs=1e-12)
    assert state["cross_entropy"] == pytest.approx(helpers.entropy(P))


def test_colour_state_with_an_impossible_event_is_infinite_and_says_why():
    state = w.colour_state(0.6, 0.4)
    assert state["q"][2] == 0.0
    assert math.isinf(state["cross_entropy"]) and math.isinf(state["kl"])
    assert "blue" in state["note"] and "infinitely" in state["note"]
    assert "∞ bits" in w.colour_readout(state)


@pytest.mark.parametrize(("red", "green"), [(0.8, 0.3), (-0.1, 0.5), (0.5, 1.2), ("a", 0.1)])
def test_colour_state_refuses_a_q_that_is_no_distribution(red, green):
    with pytest.raises(ValueError):
        w.colour_state(red, green)


def test_binary_loss_state():
    state = w.binary_loss_state(Y_PROB, 3)
    np.testing.assert_allclose(
        state["losses"], helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="none")
    )
    assert state["loss"] == pytest.approx(-math.log(0.6))
    assert state["mean"] == pytest.approx(helpers.binary_cross_entropy(Y_TRUE, Y_PROB))
    assert state["mean_bits"] == pytest.approx(state["mean"] / math.log(2))
    assert (state["y"], state["p"], state["index"]) == (1.0, 0.6, 3)
    with pytest.raises(ValueError):
        w.binary_loss_state(Y_PROB, 10)
    with pytest.raises(ValueError):
        w.binary_loss_state(Y_PROB, 1.5)


def test_binary_loss_readout_names_the_formula_that_applies():
    assert "−ln ŷ" in w.binary_loss_readout(w.binary_loss_state(Y_PROB, 0))
    assert "−ln(1 − ŷ)" in w.binary_loss_readout(w.binary_loss_state(Y_PROB, 6))


def test_binary_entropy_state():
    for p in (0.0, 0.1, 0.5, 0.77, 1.0):
        assert w.binary_entropy_state(p)["entropy"] == pytest.approx(helpers.entropy([p, 1 - p]))
    with pytest.raises(ValueError):
        w.binary_entropy_state(1.5)


def test_loss_axis_top_snaps_and_grows():
    assert w.loss_axis_top([0.1, 0.5]) == 0.75
    assert w.loss_axis_top([0.7]) == 1.5
    assert w.loss_axis_top([4.7]) == 6.0
    assert w.loss_axis_top([9.0]) == pytest.approx(10.8)


def test_draw_and_update_colour():
    fig = Figure()
    ax = fig.add_subplot()
    artists = w.draw_colour(ax, w.colour_state(Q[0], Q[1]))
    assert [b.get_height() for b in artists["bars"]] == pytest.approx(Q)
    assert [t.get_text() for t in artists["labels"]] == ["0.80", "0.15", "0.05"]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(COLOURS)
    w.update_colour(artists, w.colour_state(0.2, 0.3))
    assert [b.get_height() for b in ax.containers[1]] == pytest.approx([0.2, 0.3, 0.5])
    assert [b.get_height() for b in ax.containers[0]] == pytest.approx(P)
    assert [t.get_text() for t in artists["labels"]] == ["0.20", "0.30", "0.50"]


def test_draw_and_update_binary_losses():
    fig = Figure()
    ax = fig.add_subplot()
    state = w.binary_loss_state(Y_PROB, 3)
    artists = w.draw_binary_losses(ax, state)
    assert [b.get_height() for b in ax.containers[0]] == pytest.approx(state["losses"])
    assert artists["bar"] is ax.containers[0][3]
    assert ax.get_ylim()[1] == 0.75
    probs = np.array(Y_PROB)
    probs[3] = 0.7
    new = w.binary_loss_state(probs, 3)
    assert w.update_binary_losses(artists, new)
    assert artists["bar"].get_height() == pytest.approx(-math.log(0.7))
    assert artists["label"].get_text() == fmt(-math.log(0.7))
    assert artists["mean"].get_ydata()[0] == pytest.approx(new["mean"])
    probs[3] = 0.1  # loss 2.3: the axis must grow, so a full redraw is asked for
    assert not w.update_binary_losses(artists, w.binary_loss_state(probs, 3))
    assert not w.update_binary_losses(artists, w.binary_loss_state(probs, 4))  # other sample


def test_draw_and_update_binary_entropy():
    fig = Figure()
    ax = fig.add_subplot()
    artists = w.draw_binary_entropy(ax, w.binary_entropy_state(0.5))
    assert artists["marker"].get_ydata()[0] == pytest.approx(1.0)
    w.update_binary_entropy(artists, w.binary_entropy_state(0.11))
    assert artists["marker"].get_xdata()[0] == pytest.approx(0.11)
    assert artists["marker"].get_ydata()[0] == pytest.approx(helpers.entropy([0.11, 0.89]))
    assert artists["label"].get_text() == f"H(0.11) = {helpers.entropy([0.11, 0.89]):.3f} bits"
    curve = ax.lines[0]
    assert float(curve.get_ydata().max()) == pytest.approx(1.0)


# --- the widgets --------------------------------------------------------------------------------


def test_the_explorer_functions_return_a_styled_container():
    figures_before = plt.get_fignums()
    for make in (w.colour_explorer, w.binary_loss_explorer, w.binary_entropy_explorer):
        box = make()
        assert isinstance(box, ipywidgets.VBox)
        assert "ce-explorer" in classes(box)
    assert plt.get_fignums() == figures_before, "explorers must not leave pyplot figures open"


@pytest.mark.parametrize(
    "build",
    [w.build_colour_explorer, w.build_binary_loss_explorer, w.build_binary_entropy_explorer],
)
def test_css_classes_for_the_browser_test(build):
    explorer = build()
    assert "ce-explorer" in classes(explorer.widget)
    assert "ce-readout" in classes(explorer.readout)
    sliders = [c for c in explorer.controls.values() if isinstance(c, ipywidgets.FloatSlider)]
    assert sliders and all("ce-slider" in classes(s) for s in sliders)
    assert bytes(explorer.image.value).startswith(PNG)
    fig = explorer.figure
    assert explorer.image.width == str(round(fig.get_figwidth() * fig.dpi))  # not stretched


def test_colour_explorer_follows_its_sliders():
    explorer = w.build_colour_explorer()
    text = explorer.readout.value
    assert all(s in text for s in ("3.288", "1.361", "1.927"))
    image = explorer.image.value
    explorer.controls["red"].value = 0.3
    q = [0.3, Q[1], 1 - 0.3 - Q[1]]
    text = explorer.readout.value
    for value in (helpers.cross_entropy(P, q), helpers.entropy(P), helpers.kl_divergence(P, q)):
        assert f"{value:.3f} bits" in text
    assert [b.get_height() for b in explorer.figure.axes[0].containers[1]] == pytest.approx(q)
    assert bytes(explorer.image.value) != bytes(image)
    explorer.controls["green"].value = 0.4
    q = [0.3, 0.4, 0.3]
    assert f"{helpers.cross_entropy(P, q):.3f} bits" in explorer.readout.value
    assert explorer.state["q"] == pytest.approx(q)


def test_colour_explorer_never_lets_q_blue_go_negative():
    explorer = w.build_colour_explorer()
    red, green = explorer.controls["red"], explorer.controls["green"]
    green.value = 0.5  # with red at 0.8 the sum would be 1.3
    assert red.value == pytest.approx(0.5)
    assert explorer.state["q"] == pytest.approx([0.5, 0.5, 0.0])
    assert "cannot exceed 1" in explorer.readout.value
    assert "Q(red) lowered to 0.50" in explorer.readout.value
    assert "∞" in explorer.readout.value  # Q(blue) = 0 while blue happens
    red.value = 0.1
    assert explorer.state["q"] == pytest.approx([0.1, 0.5, 0.4])
    assert "cannot exceed" not in explorer.readout.value
    assert f"{helpers.cross_entropy(P, [0.1, 0.5, 0.4]):.3f}" in explorer.readout.value


def test_binary_loss_explorer_follows_its_controls():
    explorer = w.build_binary_loss_explorer()
    choose, slider = explorer.controls["sample"], explorer.controls["probability"]
    assert f"{helpers.binary_cross_entropy(Y_TRUE, Y_PROB):.3f} nats" in explorer.readout.value
    choose.value = 6
    assert slider.value == pytest.approx(Y_PROB[6])
    image = explorer.image.value
    slider.value = 0.2
    probs = np.array(Y_PROB)
    probs[6] = 0.2
    text = explorer.readout.value
    assert "sample 7" in text
    assert f"{-math.log(0.8):.3f} nats" in text
    mean = helpers.binary_cross_entropy(Y_TRUE, probs)
    assert f"{mean:.3f} nats" in text and f"{mean / math.log(2):.3f} bits" in text
    bars = explorer.figure.axes[0].containers[0]
    assert [b.get_height() for b in bars] == pytest.approx(
        helpers.binary_cross_entropy(Y_TRUE, probs, reduction="none")
    )
    assert bytes(explorer.image.value) != bytes(image)
    slider.value = 0.99  # loss 4.6: the axis grows
    assert explorer.figure.axes[0].get_ylim()[1] == 6.0
    assert explorer.figure.axes[0].containers[0][6].get_height() == pytest.approx(-math.log(0.01))
    choose.value = 0
    assert slider.value == pytest.approx(Y_PROB[0])
    assert explorer.state["y_prob"][6] == pytest.approx(0.99)  # remembered
    explorer.controls["reset"].click()
    assert explorer.state["y_prob"] == pytest.approx(Y_PROB)
    assert f"{helpers.binary_cross_entropy(Y_TRUE, Y_PROB):.3f} nats" in explorer.readout.value


def test_binary_entropy_explorer_follows_its_slider():
    explorer = w.build_binary_entropy_explorer()
    slider = explorer.controls["p"]
    slider.value = 0.5
    assert "H(p) = 1.000 bits" in explorer.readout.value
    slider.value = 0.9
    assert f"{helpers.entropy([0.9, 0.1]):.3f} bits" in explorer.readout.value
    marker = explorer.artists["marker"]
    assert marker.get_xdata()[0] == pytest.approx(0.9)
    assert marker.get_ydata()[0] == pytest.approx(helpers.entropy([0.9, 0.1]))


def test_a_slider_move_is_fast():
    """Compute and redraw well within a frame budget (the bound is generous: machines vary)."""
    explorer = w.build_colour_explorer()
    slider = explorer.controls["red"]
    times = []
    for i in range(15):
        start = time.perf_counter()
        slider.value = 0.05 + 0.01 * i
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.2


# --- the input contract -------------------------------------------------------------------------


def short_id(value: object) -> str:
    """A test id that is the same in every process: no memory address, not too long."""
    text = repr(value)
    return type(value).__name__ if " at 0x" in text else text.replace("\n", " ")[:40]


HOSTILE_NUMBERS = [
    None,
    math.nan,
    math.inf,
    -0.1,
    1.5,
    "0.5",
    True,
    np.bool_(True),
    object(),
    10**400,
    np.array([0.5, 0.5]),
    np.ma.masked_array(0.5, mask=True),
]


@pytest.mark.parametrize("value", HOSTILE_NUMBERS, ids=short_id)
def test_colour_state_refuses_hostile_numbers(value):
    with pytest.raises(ValueError, match=r"Q\(red\)"):
        w.colour_state(value, 0.1)
    with pytest.raises(ValueError, match=r"Q\(green\)"):
        w.colour_state(0.1, value)


@pytest.mark.parametrize(
    "p",
    [
        None,
        [0.5, 0.5],
        [0.1, 0.4, 0.6],
        [0.1, 0.4, math.nan],
        np.ma.masked_array(P),
        [True, False, False],
    ],
    ids=short_id,
)
def test_colour_state_refuses_a_p_that_is_no_colour_distribution(p):
    with pytest.raises(ValueError, match="p"):
        w.colour_state(0.2, 0.3, p)


@pytest.mark.parametrize("value", HOSTILE_NUMBERS, ids=short_id)
def test_binary_entropy_state_refuses_hostile_numbers(value):
    with pytest.raises(ValueError, match="p must be"):
        w.binary_entropy_state(value)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((Y_PROB, None), "index"),
        ((Y_PROB, True), "index"),
        ((Y_PROB, -1), "index"),
        ((Y_PROB, 10**400), "index"),
        ((Y_PROB, 0, [1, 0]), "shape"),
        ((None, 0), "y_prob"),
        ((np.full(10, math.nan), 0), "NaN"),
        ((np.ma.masked_array(Y_PROB), 0), "masked"),
        ((Y_PROB, 0, np.ones(10, dtype=bool)), "bool"),
        ((0.5, 0, 1), "1-D"),
        (([[0.5]], 0, [[1]]), "1-D"),
    ],
)
def test_binary_loss_state_refuses_hostile_input(args, match):
    with pytest.raises(ValueError, match=match):
        w.binary_loss_state(*args)


@pytest.mark.parametrize("losses", [[math.nan], [-1.0], None, "abc", [True], []], ids=short_id)
def test_loss_axis_top_refuses_what_is_no_loss(losses):
    with pytest.raises(ValueError, match="losses"):
        w.loss_axis_top(losses)


@pytest.mark.parametrize(
    "function",
    [
        w.colour_readout,
        w.binary_loss_readout,
        w.binary_entropy_readout,
        lambda state: w.draw_colour(Figure().add_subplot(), state),
        lambda state: w.draw_binary_losses(Figure().add_subplot(), state),
        lambda state: w.draw_binary_entropy(Figure().add_subplot(), state),
    ],
)
@pytest.mark.parametrize("state", [None, {}, "state", {"x": 1}], ids=short_id)
def test_readouts_and_drawings_refuse_what_is_no_state(function, state):
    with pytest.raises(ValueError, match="state"):
        function(state)


@pytest.mark.parametrize(
    ("build", "kwargs"),
    [
        (w.build_colour_explorer, {"q_red": math.nan}),
        (w.build_colour_explorer, {"q_green": "x"}),
        (w.build_colour_explorer, {"q_red": 0.8, "q_green": 0.8}),
        (w.build_binary_entropy_explorer, {"p": None}),
        (w.build_binary_loss_explorer, {"y_prob": [0.5] * 3}),
        (w.build_binary_loss_explorer, {"y_true": np.ma.masked_array(Y_TRUE)}),
    ],
)
def test_explorers_refuse_bad_starting_points_before_drawing(build, kwargs):
    before = plt.get_fignums()
    with pytest.raises(ValueError):
        build(**kwargs)
    assert plt.get_fignums() == before


def test_explorers_draw_in_the_course_style_whatever_the_global_settings():
    import matplotlib as mpl

    with mpl.rc_context({"font.size": 5.0, "axes.spines.top": True}):
        explorer = w.build_colour_explorer()
    ax = explorer.figure.axes[0]
    assert ax.title.get_fontsize() == 14.0
    assert not ax.spines["top"].get_visible()


def test_widgets_use_the_artists_plotting_returns_not_the_figures_internals():
    """The explorers get what moves from helpers.plotting's draw_… functions (an interface),
    never by scanning a drawn figure's texts, containers or legend."""
    import inspect

    from helpers.widgets import binary_entropy, binary_loss, colour

    for module in (colour, binary_loss, binary_entropy):
        source = inspect.getsource(module)
        for internal in ("ax.texts", "ax.containers", "get_legend(", "ax.lines"):
            assert internal not in source, f"{module.__name__} reads {internal}"
