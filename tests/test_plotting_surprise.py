"""The figures of notebook 01: the surprise and binary-entropy curves draw what they claim."""

from __future__ import annotations

import numpy as np
import pytest

import helpers
from helpers import plotting


def test_surprise_curve_is_minus_log2_and_marks_halvings():
    fig = plotting.plot_surprise()
    ax = fig.axes[0]
    curve, points = ax.lines[:2]
    x, y = curve.get_xdata(), curve.get_ydata()
    np.testing.assert_allclose(y, -np.log2(x))
    np.testing.assert_allclose(points.get_ydata(), [0, 1, 2, 3])
    texts = [t.get_text() for t in ax.texts]
    assert "P = 0.5: 1 bit" in texts and "P = 0.125: 3 bits" in texts
    assert "bits" in ax.get_ylabel()


def test_surprise_rejects_impossible_marks():
    with pytest.raises(ValueError):
        plotting.plot_surprise(marked=[0.0])


def test_binary_entropy_curve_is_entropy_with_its_maximum_marked():
    fig = plotting.plot_binary_entropy()
    ax = fig.axes[0]
    curve, peak = ax.lines[:2]
    p, h = curve.get_xdata(), curve.get_ydata()
    assert h[0] == 0.0 and h[-1] == 0.0
    np.testing.assert_allclose(h, helpers.entropy(np.column_stack([p, 1 - p])))
    assert tuple(peak.get_xdata()) == (0.5,) and tuple(peak.get_ydata()) == (1.0,)
    assert ax.get_ylabel() == "entropy H(p) (bits)"
    with pytest.raises(ValueError):
        plotting.plot_binary_entropy(n=2)
