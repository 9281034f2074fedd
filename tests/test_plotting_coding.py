"""The figures of 12_cross_entropy_is_compression: what they draw is what the text says."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plotting


def test_cross_entropy_by_order_draws_both_texts_and_marks_the_lowest_held_out():
    orders, train, held = [0, 1, 2, 3], [4.9, 3.6, 2.3, 1.5], [4.9, 3.9, 3.2, 3.4]
    fig = plotting.plot_cross_entropy_by_order(
        orders, train, held, extra={"smooth": [4.9, 3.8, 3.0, 2.9]}
    )
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.lines] == [
        "training text (seen)",
        "held-out text (unseen)",
        "smooth",
    ]
    for line, values in zip(ax.lines, (train, held, [4.9, 3.8, 3.0, 2.9]), strict=True):
        assert np.allclose(line.get_xdata(), orders) and np.allclose(line.get_ydata(), values)
    assert len({line.get_linestyle() for line in ax.lines}) == 3  # not colour alone
    assert len({line.get_marker() for line in ax.lines}) == 3
    assert [t.get_text() for t in ax.texts] == ["lowest held-out: order 2, 3.20 bits/char"]
    assert "bits per character" in ax.get_ylabel() and "order" in ax.get_xlabel()


def test_cross_entropy_by_order_draws_into_a_given_axes():
    fig, ax = plt.subplots()
    assert plotting.plot_cross_entropy_by_order([0, 1], [2, 1], [2, 3], ax=ax) is fig
    assert len(ax.lines) == 2


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (([0, 1], [1.0], [1.0, 2.0]), {}, "training"),
        (([0, 1], [1.0, 2.0], [1.0, np.inf]), {}, "held_out"),
        (([0, 1], [1.0, -2.0], [1.0, 2.0]), {}, "training"),
        (([], [], []), {}, "orders"),
        (([0, 1], [1.0, 2.0], [1.0, 2.0]), {"extra": {"x": [1.0]}}, "extra"),
        ((["a", "b"], [1.0, 2.0], [1.0, 2.0]), {}, "orders"),
    ],
)
def test_cross_entropy_by_order_rejects_bad_input(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_cross_entropy_by_order(*args, **kwargs)


def test_compressed_sizes_draws_one_labelled_bar_per_size_models_plain_compressors_hatched():
    models = {"order 0": 5660, "order 3": 3340}
    compressors = {"gzip": 3044, "bz2": 2526}
    fig = plotting.plot_compressed_sizes(models, compressors, 9166)
    ax = fig.axes[0]
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == [5660, 3340, 3044, 2526]
    assert [bar.get_hatch() for bar in ax.patches] == [None, None, "//", "//"]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(models) + list(compressors)
    assert ax.texts[1].get_text() == f"3340 B = {3340 * 8 / 9166:.2f} bits/char"
    assert "bytes" in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "arithmetic coder + model",
        "standard compressor",
    ]


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (({"a": 1}, {}, 0), "n_chars"),
        (({"a": 1}, {}, 2.5), "n_chars"),
        (({"a": 1}, {}, True), "n_chars"),
        (({}, {}, 10), "nothing to draw"),
        (({"a": -1}, {}, 10), "sizes"),
        (({"a": "big"}, {}, 10), "sizes"),
    ],
)
def test_compressed_sizes_rejects_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_compressed_sizes(*args)
