"""Property-based tests (hypothesis) of the identities the course teaches.

Distributions come from tests/strategies.py and include exact zeros, so the conventions
0 · log 0 = 0 and "Q(x) = 0 where P(x) > 0 costs inf" are exercised on every run.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import (
    batch_pairs,
    batches,
    binary_samples,
    distribution_pairs,
    distributions,
    fewer_examples,
)

import helpers

BASES = st.sampled_from([2, math.e, 10])
LN2 = math.log(2)


def close(a, b, rtol: float = 1e-12, atol: float = 1e-12) -> bool:
    """Equal within float rounding; equal infinities count as close, NaN never does."""
    return bool(np.all(np.isclose(a, b, rtol=rtol, atol=atol)))


# --- the identities --------------------------------------------------------------------------


@given(distribution_pairs(), BASES)
def test_cross_entropy_is_entropy_plus_kl(pair, base):
    p, q = pair
    h_pq = helpers.cross_entropy(p, q, base)
    h_p, kl = helpers.entropy(p, base), helpers.kl_divergence(p, q, base)
    assert math.isinf(h_pq) == math.isinf(kl)  # both inf exactly when Q misses an event of P
    if math.isinf(h_pq):
        return
    # Tolerance relative to the largest term: -P log Q can reach ~700 nats for a tiny Q(x).
    assert close(h_pq, h_p + kl, rtol=1e-12, atol=1e-12 * max(1.0, abs(h_pq)))


@given(distribution_pairs(), BASES)
def test_gibbs_inequality_cross_entropy_is_at_least_entropy(pair, base):
    p, q = pair
    h_pq, h_p = helpers.cross_entropy(p, q, base), helpers.entropy(p, base)
    assert h_pq >= h_p - 1e-12 * max(1.0, h_pq)
    assert helpers.kl_divergence(p, q, base) >= -1e-12


@given(distributions(), BASES)
def test_kl_of_a_distribution_from_itself_is_exactly_zero(p, base):
    assert helpers.kl_divergence(p, p, base) == 0.0


@given(distributions(), BASES)
def test_cross_entropy_of_p_with_itself_is_its_entropy(p, base):
    assert helpers.cross_entropy(p, p, base) == helpers.entropy(p, base)


@given(distributions())
def test_entropy_lies_between_zero_and_log_n(p):
    h = helpers.entropy(p)
    assert -1e-15 <= h <= math.log2(p.size) + 1e-12


@given(distribution_pairs())
def test_bits_are_nats_divided_by_ln_2(pair):
    p, q = pair
    assert close(helpers.entropy(p, 2), helpers.entropy(p, math.e) / LN2, rtol=1e-15)
    assert close(helpers.cross_entropy(p, q, 2), helpers.cross_entropy(p, q, math.e) / LN2)
    assert close(helpers.kl_divergence(p, q, 2), helpers.kl_divergence(p, q, math.e) / LN2)


@given(st.integers(1, 2000), BASES)
def test_entropy_of_the_uniform_distribution_is_log_n(n, base):
    uniform = np.full(n, 1.0 / n)
    assert helpers.entropy(uniform, base) == pytest.approx(math.log(n, base), rel=1e-12, abs=1e-15)


def test_cross_entropy_and_kl_are_not_symmetric():
    p, q = helpers.examples.P, helpers.examples.Q
    assert round(helpers.kl_divergence(p, q), 3) == 1.927
    assert round(helpers.kl_divergence(q, p), 3) == 2.022
    assert round(helpers.cross_entropy(p, q), 3) == 3.288
    assert round(helpers.cross_entropy(q, p), 3) == 2.906


@given(distribution_pairs(min_size=2))
@fewer_examples(2)
def test_asymmetry_is_the_rule_not_the_exception(pair):
    p, q = pair
    kl_pq, kl_qp = helpers.kl_divergence(p, q), helpers.kl_divergence(q, p)
    assume(math.isfinite(kl_pq) and math.isfinite(kl_qp))
    # Swapping P and Q changes the cross-entropy by exactly the change in entropies and KLs.
    assert close(
        helpers.cross_entropy(p, q) - helpers.cross_entropy(q, p),
        helpers.entropy(p) - helpers.entropy(q) + kl_pq - kl_qp,
        atol=1e-9,
    )


# --- batches: one value per row, the same as row by row ---------------------------------------


@given(batch_pairs(), BASES)
@fewer_examples(2)
def test_a_batch_gives_exactly_the_per_row_results(pair, base):
    p, q = pair
    for function, args in (
        (helpers.entropy, (p,)),
        (helpers.cross_entropy, (p, q)),
        (helpers.kl_divergence, (p, q)),
    ):
        batch = function(*args, base=base)
        rows = [function(*(a[i] for a in args), base=base) for i in range(p.shape[0])]
        np.testing.assert_array_equal(batch, rows)


@given(batch_pairs())
@fewer_examples(2)
def test_the_categorical_loss_of_a_batch_is_its_rows_losses(pair):
    p, q = pair
    per_sample = helpers.categorical_cross_entropy(p, q, reduction="none")
    rows = [helpers.categorical_cross_entropy(p[i : i + 1], q[i : i + 1]) for i in range(len(p))]
    np.testing.assert_array_equal(per_sample, rows)


@given(binary_samples(soft=True))
@fewer_examples(2)
def test_the_binary_loss_of_a_batch_is_its_samples_losses(sample):
    y, p = sample
    per_sample = helpers.binary_cross_entropy(y, p, reduction="none")
    singles = [helpers.binary_cross_entropy(y[i : i + 1], p[i : i + 1]) for i in range(len(y))]
    np.testing.assert_array_equal(per_sample, singles)


# --- inf, never NaN, and never a warning --------------------------------------------------------


@st.composite
def _q_missing_an_event_of_p(draw):
    p, q = draw(distribution_pairs(min_size=2))
    i = draw(st.sampled_from(np.flatnonzero(p > 0).tolist()))
    q = q.copy()
    q[i] = 0.0
    if q.sum() == 0:
        q[(i + 1) % q.size] = 1.0
    return p, q / q.sum()


@given(_q_missing_an_event_of_p(), BASES)
@fewer_examples(2)
def test_a_zero_in_q_where_p_is_positive_gives_inf_not_nan(pair, base):
    p, q = pair
    assert helpers.cross_entropy(p, q, base) == math.inf
    assert helpers.kl_divergence(p, q, base) == math.inf
    assert helpers.categorical_cross_entropy(p[None], q[None]) == math.inf
    # In a batch only that row is inf.
    batch = helpers.cross_entropy(np.stack([p, q]), np.stack([q, q]), base)
    assert batch[0] == math.inf
    assert math.isfinite(batch[1])


@given(distribution_pairs(), batch_pairs(), binary_samples(soft=True), BASES)
@fewer_examples(4)
def test_no_function_ever_warns_or_returns_nan(pair, batch_pair, sample, base):
    p, q = pair
    bp, bq = batch_pair
    y, y_prob = sample
    with warnings.catch_warnings(), np.errstate(divide="raise", over="raise", invalid="raise"):
        warnings.simplefilter("error")  # already the suite's setting; explicit here
        results = [
            helpers.entropy(p, base),
            helpers.cross_entropy(p, q, base),
            helpers.kl_divergence(p, q, base),
            helpers.kl_divergence(q, p, base),
            helpers.entropy(bp, base),
            helpers.cross_entropy(bp, bq, base),
            helpers.kl_divergence(bp, bq, base),
            helpers.categorical_cross_entropy(bp, bq, reduction="none"),
            helpers.categorical_cross_entropy(np.argmax(bp, axis=1), bq, reduction="none"),
            helpers.categorical_cross_entropy(bp, bq, eps=1e-7),
            helpers.binary_cross_entropy(y, y_prob, reduction="none"),
            helpers.binary_cross_entropy(y, y_prob, reduction="sum"),
            helpers.binary_cross_entropy(y, y_prob, eps=1e-12),
        ]
    for result in results:
        assert not np.isnan(result).any()
        assert (np.asarray(result) >= -1e-12).all()  # every measure and loss is ≥ 0


@given(batches(), BASES)
@fewer_examples(2)
def test_entropy_of_a_batch_is_never_nan_and_at_least_zero(p, base):
    h = helpers.entropy(p, base)
    assert not np.isnan(h).any()
    assert (h >= -1e-15).all()
