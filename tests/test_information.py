"""helpers.entropy / cross_entropy / kl_divergence: values, conventions, shapes, and agreement
with scipy.stats.entropy to 1e-10 (fixed cases and hypothesis-generated ones)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
from hypothesis import given
from hypothesis import strategies as st
from strategies import batch_pairs, batches, distribution_pairs, distributions, fewer_examples

import helpers

TOL = {"rtol": 1e-10, "atol": 1e-10}
BASES = [2, math.e, 10, 3.5, 0.5]
P, Q = helpers.examples.P, helpers.examples.Q


# --- fixed values ----------------------------------------------------------------------------


def test_entropy_of_simple_distributions_in_bits():
    assert helpers.entropy([0.5, 0.5]) == 1.0
    assert helpers.entropy([0.25] * 4) == 2.0
    assert helpers.entropy([1.0, 0.0, 0.0]) == 0.0
    assert helpers.entropy([1.0]) == 0.0


def test_base_e_gives_nats_and_base_2_bits():
    assert helpers.entropy([0.5, 0.5], base=math.e) == pytest.approx(math.log(2), rel=1e-15)
    assert helpers.entropy([0.5, 0.5], base=2) == 1.0
    assert helpers.entropy([0.1] * 10, base=10) == pytest.approx(1.0, rel=1e-14)


def test_one_distribution_gives_a_plain_float_and_a_batch_an_array():
    for value in (helpers.entropy(P), helpers.cross_entropy(P, Q), helpers.kl_divergence(P, Q)):
        assert type(value) is float
    batch = np.array([P, Q])
    for value in (
        helpers.entropy(batch),
        helpers.cross_entropy(batch, batch[::-1]),
        helpers.kl_divergence(batch, batch[::-1]),
    ):
        assert isinstance(value, np.ndarray)
        assert value.shape == (2,)
        assert value.dtype == np.float64


def test_zero_times_log_zero_is_zero():
    # Adding an impossible event changes nothing, in P alone or in both P and Q.
    assert helpers.entropy([0.5, 0.5, 0.0]) == helpers.entropy([0.5, 0.5])
    assert helpers.cross_entropy([0.5, 0.5, 0.0], [0.25, 0.75, 0.0]) == pytest.approx(
        helpers.cross_entropy([0.5, 0.5], [0.25, 0.75]), rel=1e-15
    )
    assert helpers.kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0
    # P(x) = 0 where Q(x) = 0 too: finite.
    assert math.isfinite(helpers.kl_divergence([0.0, 1.0], [0.0, 1.0]))


def test_true_event_with_zero_model_probability_costs_infinity():
    assert helpers.cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert helpers.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    # ...but not when that event is itself impossible under P.
    assert helpers.cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_results_are_never_negative_zero():
    for value in (
        helpers.entropy([1.0, 0.0]),
        helpers.cross_entropy([0.0, 1.0], [0.0, 1.0]),
        helpers.kl_divergence([0.3, 0.7], [0.3, 0.7]),
    ):
        assert value == 0.0
        assert math.copysign(1.0, value) == 1.0


def test_integer_input_and_tuples_are_accepted():
    assert helpers.entropy((0, 1)) == 0.0
    assert helpers.cross_entropy(np.array([1, 0]), [0.5, 0.5]) == 1.0


def test_a_single_q_broadcasts_against_a_batch_of_p():
    batch = np.array([P, Q, [1 / 3] * 3])
    expected = [helpers.cross_entropy(row, Q) for row in batch]
    np.testing.assert_array_equal(helpers.cross_entropy(batch, Q), expected)
    expected_kl = [helpers.kl_divergence(P, row) for row in batch]
    np.testing.assert_array_equal(helpers.kl_divergence(P, batch), expected_kl)


def test_three_dimensional_batches_keep_their_batch_shape():
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(4), size=(2, 3))
    q = rng.dirichlet(np.ones(4), size=(2, 3))
    assert helpers.entropy(p).shape == (2, 3)
    result = helpers.cross_entropy(p, q)
    assert result.shape == (2, 3)
    assert result[1, 2] == helpers.cross_entropy(p[1, 2], q[1, 2])


def test_sum_tolerance_is_one_in_a_million():
    assert helpers.entropy([0.5, 0.5 + 9e-7]) > 0  # within 1e-6: accepted
    with pytest.raises(ValueError, match="sums to"):
        helpers.entropy([0.5, 0.5 + 2e-6])


# --- agreement with scipy.stats.entropy --------------------------------------------------------


@pytest.mark.parametrize("base", BASES)
def test_entropy_and_kl_agree_with_scipy_on_the_tutorial_example(base):
    np.testing.assert_allclose(helpers.entropy(P, base), scipy.stats.entropy(P, base=base), **TOL)
    np.testing.assert_allclose(
        helpers.kl_divergence(P, Q, base), scipy.stats.entropy(P, Q, base=base), **TOL
    )
    np.testing.assert_allclose(
        helpers.kl_divergence(Q, P, base), scipy.stats.entropy(Q, P, base=base), **TOL
    )


@pytest.mark.parametrize("base", BASES)
def test_batches_agree_with_scipy_along_the_last_axis(base):
    rng = np.random.default_rng(42)
    p = rng.dirichlet(np.ones(6), size=50)
    q = rng.dirichlet(np.ones(6), size=50)
    p[::7, 2] = 0.0  # some exact zeros in P ...
    p /= p.sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(
        helpers.entropy(p, base), scipy.stats.entropy(p, base=base, axis=-1), **TOL
    )
    np.testing.assert_allclose(
        helpers.kl_divergence(p, q, base), scipy.stats.entropy(p, q, base=base, axis=1), **TOL
    )
    # scipy has no cross-entropy: H(P, Q) = H(P) + KL(P‖Q) from scipy's two.
    np.testing.assert_allclose(
        helpers.cross_entropy(p, q, base),
        scipy.stats.entropy(p, base=base, axis=1) + scipy.stats.entropy(p, q, base=base, axis=1),
        **TOL,
    )


def test_inf_agrees_with_scipy_where_q_has_a_zero():
    p, q = [0.2, 0.8], [0.0, 1.0]
    assert helpers.kl_divergence(p, q) == scipy.stats.entropy(p, q) == math.inf


bases = st.sampled_from(BASES)


@given(distributions(), bases)
@fewer_examples(4)
def test_entropy_agrees_with_scipy(p, base):
    np.testing.assert_allclose(helpers.entropy(p, base), scipy.stats.entropy(p, base=base), **TOL)


@given(distribution_pairs(), bases)
@fewer_examples(4)
def test_kl_divergence_agrees_with_scipy(pair, base):
    p, q = pair
    np.testing.assert_allclose(
        helpers.kl_divergence(p, q, base), scipy.stats.entropy(p, q, base=base), **TOL
    )


@given(distribution_pairs(q_zeros=False), bases)
@fewer_examples(4)
def test_cross_entropy_is_scipys_entropy_plus_kl(pair, base):
    p, q = pair
    expected = scipy.stats.entropy(p, base=base) + scipy.stats.entropy(p, q, base=base)
    np.testing.assert_allclose(helpers.cross_entropy(p, q, base), expected, **TOL)


@given(batches(), bases)
@fewer_examples(4)
def test_batch_entropy_agrees_with_scipy_axis(p, base):
    np.testing.assert_allclose(
        helpers.entropy(p, base), scipy.stats.entropy(p, base=base, axis=1), **TOL
    )


@given(batch_pairs(), bases)
@fewer_examples(4)
def test_batch_kl_agrees_with_scipy_axis(pair, base):
    p, q = pair
    np.testing.assert_allclose(
        helpers.kl_divergence(p, q, base), scipy.stats.entropy(p, q, base=base, axis=1), **TOL
    )


# --- large batches are computed block by block: same values, same errors ---------------------


@pytest.fixture
def tiny_blocks(monkeypatch):
    """Blocks of two rows of three events, so a small batch spans many blocks."""
    monkeypatch.setattr(helpers.information, "BLOCK_ELEMENTS", 6)


def _batch(rows: int, seed: int = 0) -> np.ndarray:
    p = np.random.default_rng(seed).dirichlet(np.ones(3), size=rows)
    p[::4, 1] = 0.0  # exact zeros in some rows
    return p / p.sum(axis=1, keepdims=True)


def test_blocks_give_exactly_the_per_row_values(tiny_blocks):
    p, q = _batch(11), _batch(11, seed=1)
    for function, args in (
        (helpers.entropy, (p,)),
        (helpers.cross_entropy, (p, q)),
        (helpers.kl_divergence, (p, q)),
    ):
        rows = [function(*(a[i] for a in args)) for i in range(11)]
        np.testing.assert_array_equal(function(*args), rows)
    np.testing.assert_array_equal(
        helpers.cross_entropy(P, q), [helpers.cross_entropy(P, row) for row in q]
    )


def test_an_error_in_a_later_block_names_the_right_row(tiny_blocks):
    p = _batch(11)
    p[9] = [0.5, 0.5, 0.5]
    with pytest.raises(ValueError, match=r"p\[9, :\] sums to 1.5"):
        helpers.entropy(p)
    q = _batch(11)
    q[8, 2] = np.nan
    with pytest.raises(ValueError, match=r"q\[8, 2\] = nan is NaN"):
        helpers.kl_divergence(_batch(11), q)


def test_inf_in_a_later_block_stays_in_its_row(tiny_blocks):
    p, q = _batch(11), _batch(11, seed=1)
    q[7] = [1.0, 0.0, 0.0]
    p[7] = [0.0, 0.5, 0.5]
    result = helpers.cross_entropy(p, q)
    assert result[7] == math.inf
    assert np.isfinite(np.delete(result, 7)).all()


def test_a_batch_larger_than_one_block_agrees_with_scipy():
    rng = np.random.default_rng(5)
    rows = 2 * helpers.information.BLOCK_ELEMENTS // 4 + 3  # a little over two blocks
    p = rng.dirichlet(np.ones(4), size=rows)
    q = rng.dirichlet(np.ones(4), size=rows)
    np.testing.assert_allclose(helpers.entropy(p), scipy.stats.entropy(p, base=2, axis=1), **TOL)
    np.testing.assert_allclose(
        helpers.kl_divergence(p, q), scipy.stats.entropy(p, q, base=2, axis=1), **TOL
    )


# --- numerics of the contract: layout, renormalised rows, memory --------------------------------


def test_results_do_not_depend_on_memory_layout_or_batch():
    rng = np.random.default_rng(1)
    p, q = rng.dirichlet(np.ones(7), 50), rng.dirichlet(np.ones(7), 50)
    for measure in (helpers.cross_entropy, helpers.kl_divergence):
        c = measure(p, q)
        assert np.array_equal(c, measure(np.asfortranarray(p), np.asfortranarray(q)))
        wide = np.repeat(p, 2, axis=-1)[:, ::2]  # a strided view of the same numbers
        assert np.array_equal(c, measure(wide, q))
        assert all(measure(p[i], q[i]) == c[i] for i in range(50))
    assert np.array_equal(helpers.entropy(p), helpers.entropy(np.asfortranarray(p)))


@pytest.mark.parametrize("excess", [9e-7, -9e-7, 4e-7])
def test_rows_accepted_within_the_tolerance_keep_gibbs_inequality(excess):
    p = np.array([0.5, 0.5])
    q = np.array([0.5, 0.5]) + excess / 2  # sums to 1 + excess: accepted, then renormalised
    assert helpers.kl_divergence(p, q) >= 0.0
    assert helpers.kl_divergence(q, p) >= 0.0
    assert helpers.cross_entropy(p, q) >= helpers.entropy(p)
    assert helpers.cross_entropy(q, p) >= helpers.entropy(q)


def test_broadcast_batches_are_not_materialised():
    """1000 × 1000 pairs of 50-event rows: an 8 MB result. Peak extra memory was ~824 MB when
    both broadcasts were copied; it must stay within a small multiple of the output."""
    import tracemalloc

    rng = np.random.default_rng(0)
    p, q = rng.dirichlet(np.ones(50), 1000), rng.dirichlet(np.ones(50), 1000)
    tracemalloc.start()
    try:
        result = helpers.cross_entropy(p[:, None, :], q[None, :, :])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.shape == (1000, 1000)
    assert peak < 4 * result.nbytes + 16 * 2**20, f"peak {peak / 2**20:.0f} MiB"
    assert result[3, 7] == helpers.cross_entropy(p[3], q[7])


def test_a_rows_result_does_not_depend_on_the_other_rows_of_its_batch():
    """A row off by rounding is used as it is, whichever rows share its batch (renormalising
    every row of a block because one of them was off by more changed its last digits)."""
    row, far = [0.3, 0.3, 0.4 + 5e-13], [0.3, 0.3, 0.4 + 1e-8]
    assert helpers.entropy([row, far])[0] == helpers.entropy(row)
    assert helpers.cross_entropy([row, far], [far, row])[0] == helpers.cross_entropy(row, far)
