"""helpers.divergences: checked against SciPy and scikit-learn, the identities notebook 10 teaches
as hypothesis properties, and hostile input (a ValueError, never NaN, never a warning)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.integrate
import scipy.spatial.distance
import scipy.special
import scipy.stats
import sklearn.metrics
from hypothesis import given
from hypothesis import strategies as st
from strategies import batch_pairs, batches, distribution_pairs, distributions, fewer_examples

import helpers
from helpers import divergences as d

TOL = 1e-9


# --- strategies --------------------------------------------------------------------------------


@st.composite
def joint_tables(draw, *, zeros: bool = True, max_side: int = 6):
    """A joint probability table of shape (nx, ny), X along the rows."""
    nx, ny = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    return draw(distributions(nx * ny, zeros=zeros)).reshape(nx, ny)


means = st.floats(-50, 50, allow_nan=False)
stds = st.floats(0.01, 50)


# --- Jensen–Shannon ----------------------------------------------------------------------------


@given(distribution_pairs())
@fewer_examples(4)
def test_js_agrees_with_scipy_squared(pair):
    p, q = pair
    for base in (2, math.e):
        theirs = scipy.spatial.distance.jensenshannon(p, q, base=base) ** 2
        assert d.js_divergence(p, q, base=base) == pytest.approx(theirs, abs=1e-9)


@given(distribution_pairs())
def test_js_is_symmetric_bounded_and_finite(pair):
    p, q = pair
    js = d.js_divergence(p, q)
    assert js == pytest.approx(d.js_divergence(q, p), abs=TOL)
    assert 0.0 <= js <= 1.0
    assert math.isfinite(js)


@given(distributions())
def test_js_of_a_distribution_with_itself_is_zero(p):
    assert d.js_divergence(p, p) == pytest.approx(0.0, abs=TOL)


@given(batch_pairs())
def test_js_batch_equals_rows(pair):
    p, q = pair
    batch = d.js_divergence(p, q)
    assert batch.shape == (p.shape[0],)
    for row, value in zip(zip(p, q, strict=True), batch, strict=True):
        assert d.js_divergence(*row) == pytest.approx(value, abs=1e-12)


@given(st.integers(2, 10), st.integers(0, 100))
def test_js_of_disjoint_supports_is_one_bit(k, seed):
    cut = 1 + seed % (k - 1)
    p, q = np.zeros(k), np.zeros(k)
    p[:cut], q[cut:] = 1 / cut, 1 / (k - cut)
    assert d.js_divergence(p, q) == pytest.approx(1.0, abs=1e-12)
    assert d.js_divergence(p, q, base=math.e) == pytest.approx(math.log(2))


@given(distribution_pairs(min_size=2, max_size=6), st.integers(0, 1000))
def test_square_root_of_js_satisfies_the_triangle_inequality(pair, seed):
    a, b = pair
    c = np.random.default_rng(seed).dirichlet(0.5 * np.ones(a.size))
    for x, y, z in ((a, b, c), (a, c, b), (b, a, c)):
        assert math.sqrt(d.js_divergence(x, z)) <= (
            math.sqrt(d.js_divergence(x, y)) + math.sqrt(d.js_divergence(y, z)) + 1e-9
        )


def test_js_colour_example():
    assert d.js_divergence(helpers.examples.P, helpers.examples.Q) == pytest.approx(
        0.42020057, abs=1e-8
    )


# --- joint tables ------------------------------------------------------------------------------


@given(joint_tables())
def test_chain_rule_and_the_forms_of_mutual_information(table):
    p_x, p_y = d.marginals(table)
    h_x, h_y = helpers.entropy(p_x), helpers.entropy(p_y)
    h_xy = d.joint_entropy(table)
    h_y_x, h_x_y = d.conditional_entropy(table), d.conditional_entropy(table, given="y")
    mi = d.mutual_information(table)
    assert h_xy == pytest.approx(h_x + h_y_x, abs=1e-9)
    assert h_xy == pytest.approx(h_y + h_x_y, abs=1e-9)
    assert mi == pytest.approx(h_y - h_y_x, abs=1e-9)
    assert mi == pytest.approx(h_x - h_x_y, abs=1e-9)
    independent = np.outer(p_x, p_y)
    if (independent[table > 0] > 0).all():  # no product underflows to 0
        assert mi == pytest.approx(
            helpers.kl_divergence(table.ravel(), independent.ravel()), abs=1e-9
        )
    assert 0.0 <= mi <= min(h_x, h_y) + 1e-9
    assert 0.0 <= h_y_x <= h_y + 1e-9 and 0.0 <= h_x_y <= h_x + 1e-9


@given(distributions(max_size=6), distributions(max_size=6))
def test_independent_tables_have_no_mutual_information(p_x, p_y):
    table = np.outer(p_x, p_y)
    table /= table.sum()
    assert d.mutual_information(table) == pytest.approx(0.0, abs=1e-9)
    assert d.conditional_entropy(table) == pytest.approx(helpers.entropy(p_y), abs=1e-9)


@given(joint_tables())
def test_mutual_information_is_symmetric(table):
    assert d.mutual_information(table) == pytest.approx(d.mutual_information(table.T), abs=1e-12)
    assert d.conditional_entropy(table, given="y") == pytest.approx(
        d.conditional_entropy(table.T, given="x"), abs=1e-12
    )


@given(joint_tables())
@fewer_examples(4)
def test_conditional_entropy_is_the_average_entropy_of_the_rows(table):
    p_x = table.sum(axis=1)
    expected = sum(
        px * scipy.stats.entropy(row / px, base=2) for px, row in zip(p_x, table, strict=True) if px
    )
    assert d.conditional_entropy(table) == pytest.approx(expected, abs=1e-9)


@given(
    st.lists(st.integers(0, 4), min_size=1, max_size=60),
    st.lists(st.integers(0, 3), min_size=1, max_size=60),
)
@fewer_examples(4)
def test_mutual_information_agrees_with_sklearn(xs, ys):
    n = min(len(xs), len(ys))
    x, y = np.array(xs[:n]), np.array(ys[:n])
    table = d.joint_table(x, y)
    np.testing.assert_allclose(
        table, sklearn.metrics.cluster.contingency_matrix(x, y).astype(float) / n
    )
    ours = d.mutual_information(table, base=math.e)
    assert ours == pytest.approx(sklearn.metrics.mutual_info_score(x, y), abs=1e-9)


def test_batches_of_tables():
    tables = np.array([[[0.25, 0.25], [0.25, 0.25]], [[0.5, 0.0], [0.0, 0.5]]])
    np.testing.assert_allclose(d.mutual_information(tables), [0.0, 1.0], atol=1e-12)
    np.testing.assert_allclose(d.joint_entropy(tables), [2.0, 1.0])
    np.testing.assert_allclose(d.conditional_entropy(tables), [1.0, 0.0], atol=1e-12)
    p_x, p_y = d.marginals(tables)
    assert p_x.shape == p_y.shape == (2, 2)


def test_worked_example_of_the_notebook():
    joint = np.array([[7, 1], [3, 3], [1, 5]]) / 20
    assert d.mutual_information(joint) == pytest.approx(0.2803, abs=5e-5)
    assert d.conditional_entropy(joint) == pytest.approx(0.7124, abs=5e-5)


# --- soft targets ------------------------------------------------------------------------------


@given(
    st.lists(st.integers(0, 3), min_size=1, max_size=8),
    st.floats(0, 1),
    st.integers(0, 1000),
)
def test_mixup_loss_is_the_mixture_of_the_losses(labels_a, lam, seed):
    rng = np.random.default_rng(seed)
    labels_b = rng.integers(0, 4, size=len(labels_a))
    q = rng.dirichlet(np.ones(4), size=len(labels_a))
    mixed = d.mixup_targets(labels_a, labels_b, 4, lam)
    np.testing.assert_allclose(mixed.sum(axis=1), 1.0)
    loss = helpers.categorical_cross_entropy(mixed, q, reduction="none")
    a = helpers.categorical_cross_entropy(labels_a, q, reduction="none")
    b = helpers.categorical_cross_entropy(labels_b, q, reduction="none")
    np.testing.assert_allclose(loss, lam * a + (1 - lam) * b, rtol=1e-12, atol=1e-12)


@given(
    st.lists(st.floats(-30, 30), min_size=2, max_size=8),
    st.floats(0.05, 50),
)
def test_tempered_softmax_agrees_with_scipy(logits, t):
    np.testing.assert_allclose(
        d.tempered_softmax(logits, t), scipy.special.softmax(np.array(logits) / t), atol=1e-12
    )


@given(st.integers(0, 10_000), st.floats(0.5, 20), st.integers(2, 6))
@fewer_examples(2)
def test_distillation_loss_and_its_gradient(seed, t, k):
    rng = np.random.default_rng(seed)
    student, teacher = rng.normal(0, 3, size=(2, 3, k))
    p, q = d.tempered_softmax(teacher, t), d.tempered_softmax(student, t)
    kl = helpers.kl_divergence(p, q, base=math.e)
    losses = d.distillation_loss(student, teacher, t, reduction="none")
    np.testing.assert_allclose(losses, t * t * kl, rtol=1e-9, atol=1e-12)
    # the cross-entropy form differs by H(p), which does not depend on the student
    ce = helpers.cross_entropy(p, q, base=math.e)
    np.testing.assert_allclose(ce - helpers.entropy(p, base=math.e), kl, atol=1e-9)
    # gradient (reduction="sum") against a central difference
    h = 1e-6
    grad = d.distillation_gradient(student, teacher, t)
    for i in range(k):
        e = np.zeros_like(student)
        e[0, i] = h
        numeric = (
            d.distillation_loss(student + e, teacher, t, reduction="sum")
            - d.distillation_loss(student - e, teacher, t, reduction="sum")
        ) / (2 * h)
        assert numeric == pytest.approx(grad[0, i], abs=1e-5)
    np.testing.assert_allclose(
        d.distillation_gradient(student, teacher, t, scaled=False), grad / t**2, rtol=1e-12
    )


def test_the_scaled_gradient_tends_to_a_limit_and_the_unscaled_one_vanishes():
    s, z = np.array([[1.0, 0.0, -2.0]]), np.array([[3.0, 1.0, -1.0]])
    limit = ((s - s.mean()) - (z - z.mean())) / 3
    np.testing.assert_allclose(d.distillation_gradient(s, z, 1e4), limit, atol=1e-3)
    assert np.abs(d.distillation_gradient(s, z, 1e4, scaled=False)).max() < 1e-8


def test_distillation_with_hard_labels():
    student, teacher = np.array([[1.0, 0.5, -1.0]]), np.array([[2.0, 0.0, 0.0]])
    soft = d.distillation_loss(student, teacher, 3.0)
    hard = helpers.softmax_cross_entropy_with_logits([0], student)
    mixed = d.distillation_loss(student, teacher, 3.0, labels=[0], alpha=0.25)
    assert mixed == pytest.approx(0.25 * soft + 0.75 * hard)
    assert d.distillation_loss(student, teacher, 3.0, labels=[0], alpha=0.0) == pytest.approx(hard)
    assert d.distillation_loss(teacher, teacher, 3.0) == 0.0


def test_an_overflowing_temperature_has_one_message_everywhere():
    from helpers.calibration import apply_temperature

    messages = []
    for call in (d.tempered_softmax, apply_temperature):
        with pytest.raises(ValueError) as caught:
            call([[1e200, 0.0]], 1e-300)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "largest |logit| 1e+200, T = 1e-300); use a larger temperature" in messages[0]


# --- PyTorch's KLDivLoss ----------------------------------------------------------------------


@given(batch_pairs(q_zeros=False))
def test_kl_div_loss_batchmean_is_the_mean_kl(pair):
    target, q = pair
    log_q = np.log(q)
    kl = helpers.kl_divergence(target, q, base=math.e)
    assert d.kl_div_loss(log_q, target) == pytest.approx(kl.mean(), abs=1e-9)
    assert d.kl_div_loss(log_q, target, "sum") == pytest.approx(kl.sum(), abs=1e-9)
    assert d.kl_div_loss(log_q, target, "mean") == pytest.approx(kl.sum() / q.size, abs=1e-9)
    np.testing.assert_allclose(d.kl_div_loss(log_q, target, "none").sum(axis=1), kl, atol=1e-9)


def test_kl_div_loss_goes_negative_on_the_documented_slips():
    log_q = np.log([[0.95, 0.03, 0.02]])
    assert d.kl_div_loss(log_q, [[0.9, 0.0, 0.0]]) < 0  # target rows not summing to 1
    assert d.kl_div_loss(np.exp(log_q), [[0.8, 0.1, 0.1]]) < 0  # probabilities as input
    # a zero target with a -inf input contributes 0 (PyTorch: nan)
    assert d.kl_div_loss([[0.0, -np.inf]], [[1.0, 0.0]]) == 0.0
    assert d.kl_div_loss([[-np.inf, 0.0]], [[1.0, 0.0]]) == math.inf


# --- Gaussians ---------------------------------------------------------------------------------


@given(means, stds, means, stds)
def test_gaussian_kl_is_non_negative_and_zero_only_for_equal_gaussians(mp, sp, mq, sq):
    kl = d.gaussian_kl(mp, sp, mq, sq)
    assert kl >= 0 and math.isfinite(kl)
    assert d.gaussian_kl(mp, sp, mp, sp) == 0.0
    if abs(mp - mq) > 1e-6 * sq or abs(sp - sq) > 1e-6 * sq:
        assert kl > 0


@given(means, stds, means, stds)
def test_gaussian_kl_agrees_with_the_formula(mp, sp, mq, sq):
    expected = math.log(sq / sp) + (sp**2 + (mp - mq) ** 2) / (2 * sq**2) - 0.5
    assert d.gaussian_kl(mp, sp, mq, sq) == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert d.gaussian_kl(mp, sp, mq, sq, base=2) == pytest.approx(
        expected / math.log(2), rel=1e-9, abs=1e-9
    )


@pytest.mark.parametrize(("mp", "sp", "mq", "sq"), [(0, 1, 1, 2), (1, 2, 0, 1), (-3, 0.5, 2, 3)])
def test_gaussian_kl_agrees_with_numerical_integration(mp, sp, mq, sq):
    p, q = scipy.stats.norm(mp, sp), scipy.stats.norm(mq, sq)
    value, _ = scipy.integrate.quad(
        lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)), mp - 30 * sp, mp + 30 * sp, limit=200
    )
    assert d.gaussian_kl(mp, sp, mq, sq) == pytest.approx(value, abs=1e-7)


@given(
    st.lists(st.tuples(means, stds, means, stds), min_size=1, max_size=6),
)
def test_diagonal_gaussian_kl_adds_over_the_coordinates(coords):
    mp, sp, mq, sq = (np.array(c) for c in zip(*coords, strict=True))
    total = d.gaussian_kl(mp, sp, mq, sq, diagonal=True)
    assert total == pytest.approx(d.gaussian_kl(mp, sp, mq, sq).sum(), rel=1e-12)
    batch = d.gaussian_kl(np.stack([mp, mq]), np.stack([sp, sq]), mq, sq, diagonal=True)
    assert batch.shape == (2,) and batch[1] == 0.0


def test_vae_term():
    mu, sigma = np.array([0.5, -1.0]), np.array([0.8, 1.5])
    expected = np.sum(0.5 * (mu**2 + sigma**2 - 1 - np.log(sigma**2)))
    assert d.gaussian_kl(mu, sigma, 0.0, 1.0, diagonal=True) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((0.0, 1e-300, 0.0, 1e300), 0.5 * (math.exp(-2 * 1381.551) - 1) + 1381.551),  # finite
        ((0.0, 1e300, 0.0, 1e-300), math.inf),  # beyond float64
        ((1e308, 1.0, -1e308, 1.0), math.inf),
        ((0.0, 1e-200, 0.0, 1e-200), 0.0),  # tiny but equal
        ((0.0, 1.0, 0.0, 1.0 + 1e-9), pytest.approx(0.0, abs=1e-15)),
    ],
)
def test_gaussian_kl_at_the_extremes_never_nan(args, expected):
    value = d.gaussian_kl(*args)
    assert not math.isnan(value)
    assert value == (pytest.approx(expected, rel=1e-6) if isinstance(expected, float) else expected)


@given(stds)
def test_differential_entropy_agrees_with_scipy(sigma):
    assert d.gaussian_differential_entropy(sigma) == pytest.approx(
        float(scipy.stats.norm(0, sigma).entropy()), abs=1e-12
    )
    assert d.gaussian_differential_entropy(sigma, base=2) == pytest.approx(
        float(scipy.stats.norm(0, sigma).entropy()) / math.log(2), abs=1e-12
    )


def test_differential_entropy_is_negative_for_narrow_gaussians():
    threshold = 1 / math.sqrt(2 * math.pi * math.e)
    assert d.gaussian_differential_entropy(threshold) == pytest.approx(0.0, abs=1e-15)
    assert d.gaussian_differential_entropy(0.9 * threshold) < 0
    assert d.gaussian_differential_entropy([1.0, 0.1], diagonal=True) == pytest.approx(
        d.gaussian_differential_entropy(1.0) + d.gaussian_differential_entropy(0.1)
    )


def test_mixture_pdf_integrates_to_one():
    x = np.linspace(-20, 20, 4001)
    pdf = d.gaussian_mixture_pdf(x, [0.2, 0.8], [-2.0, 4.0], [0.5, 2.0])
    assert scipy.integrate.trapezoid(pdf, x) == pytest.approx(1.0, abs=1e-9)
    np.testing.assert_allclose(d.gaussian_pdf(x, 1.0, 2.0), scipy.stats.norm(1, 2).pdf(x))


# --- forward and reverse fits ------------------------------------------------------------------


def test_forward_fit_matches_the_moments_and_reverse_fit_finds_the_taller_mode():
    x = np.linspace(-12, 12, 601)
    p = d.gaussian_mixture_pdf(x, [0.6, 0.4], [-3.0, 3.0], [1.0, 1.0])
    mus, sigmas = np.linspace(-5, 5, 101), np.linspace(0.3, 5, 48)
    forward = d.fit_gaussian_by_kl(x, p, mus, sigmas, "forward")
    reverse = d.fit_gaussian_by_kl(x, p, mus, sigmas, "reverse")
    mean = 0.6 * -3 + 0.4 * 3
    sd = math.sqrt(0.6 * (1 + 9) + 0.4 * (1 + 9) - mean**2)
    assert forward.mu == pytest.approx(mean, abs=0.05)
    assert forward.sigma == pytest.approx(sd, abs=0.05)
    assert (reverse.mu, reverse.sigma) == (pytest.approx(-3.0), pytest.approx(1.0))
    objective = d.kl_fit_objective(x, p, mus, sigmas, "reverse")
    assert reverse.divergence == objective.min()
    assert reverse.divergence == pytest.approx(-math.log(0.6), abs=0.01)


def test_fit_objective_of_the_target_itself_is_zero():
    x = np.linspace(-8, 8, 401)
    p = d.gaussian_pdf(x, 0.5, 1.5)
    for direction in ("forward", "reverse"):
        value = d.kl_fit_objective(x, p, [0.5], [1.5], direction)
        assert value[0, 0] == pytest.approx(0.0, abs=1e-12)
        shifted = d.kl_fit_objective(x, p, [1.5], [1.5], direction)
        # a shift by one standard deviation: KL = ½ (Δμ/σ)² in either direction
        assert shifted[0, 0] == pytest.approx(0.5 / 1.5**2, rel=1e-4)


def test_a_zero_target_region_makes_the_reverse_kl_infinite():
    x = np.linspace(-5, 5, 101)
    p = np.where(x < 0, 1.0, 0.0)
    value = d.kl_fit_objective(x, p, [2.0], [1.0], "reverse")
    assert value[0, 0] == math.inf
    assert math.isfinite(d.kl_fit_objective(x, p, [2.0], [1.0], "forward")[0, 0])


# --- hostile input -----------------------------------------------------------------------------

GOOD_TABLE = [[0.25, 0.25], [0.25, 0.25]]

HOSTILE = [
    (d.js_divergence, ([0.5, 0.5], [1.0, 0.0, 0.0]), {}, "events"),
    (d.js_divergence, ([0.5, 0.6], [0.5, 0.5]), {}, "sums to"),
    (d.js_divergence, ([np.nan, 1.0], [0.5, 0.5]), {}, "NaN"),
    (d.js_divergence, ([0.5, 0.5], [0.5, 0.5]), {"base": 1}, "base"),
    (d.js_divergence, ("ab", [0.5, 0.5]), {}, "numbers"),
    (d.js_divergence, ([], []), {}, "empty"),
    (d.joint_entropy, ([0.5, 0.5],), {}, "2-D"),
    (d.joint_entropy, ([[0.5, 0.5], [0.5, 0.5]],), {}, "sums to 2"),
    (
        d.joint_entropy,
        ([[[0.5, 0.5], [0.0, 0.0]], [[0.5, 0.5], [0.5, 0.0]]],),
        {},
        "joint[1, :, :]",
    ),
    (d.conditional_entropy, ([[1.5, -0.5], [0.0, 0.0]],), {}, "joint[0, 0] = 1.5"),
    (d.conditional_entropy, (GOOD_TABLE,), {"given": "z"}, "given"),
    (d.mutual_information, ([[np.inf, 0.0], [0.0, 0.0]],), {}, "infinite"),
    (d.mutual_information, (GOOD_TABLE,), {"base": -2}, "base"),
    (d.marginals, (np.ma.masked_array(GOOD_TABLE),), {}, "masked"),
    (d.joint_table, ([0, 1], [0]), {}, "2 labels"),
    (d.joint_table, ([[0, 1]], [[0, 1]]), {}, "1-D"),
    (d.joint_table, ([0, np.nan], [0, 1]), {}, "finite"),
    (d.mixup_targets, ([0], [3], 3, 0.5), {}, "y_b[0]"),
    (d.mixup_targets, ([0], [1], 3, 1.5), {}, "lam"),
    (d.mixup_targets, ([0], [1], 3, True), {}, "lam"),
    (d.mixup_targets, ([0, 1], [1], 3, 0.5), {}, "samples"),
    (d.mixup_targets, ([0], [1], 1, 0.5), {}, "n_classes"),
    (d.mixup_targets, (0, [1], 3, 0.5), {}, "y_a"),
    (d.tempered_softmax, ([1.0, 2.0], 0.0), {}, "temperature"),
    (d.tempered_softmax, ([1.0, 2.0], "2"), {}, "temperature"),
    (d.tempered_softmax, ([1.0, np.inf], 1.0), {}, "finite"),
    (d.tempered_softmax, (1.0, 1.0), {}, "1-D"),
    (d.tempered_softmax, ([1e300, 0.0], 1e-300), {}, "overflows"),
    (
        d.distillation_loss,
        ([[1.0, 2.0]], [[1e300, 0.0]], 1e-300),
        {},
        "teacher_logits / temperature overflows float64 (largest |logit| 1e+300, T = 1e-300)",
    ),
    (d.distillation_gradient, ([[1e300, 0.0]], [[1.0, 2.0]], 1e-300), {}, "student_logits / "),
    (d.distillation_loss, ([[1.0, 2.0]], [[1.0, 2.0, 3.0]], 2.0), {}, "shape mismatch"),
    (d.distillation_loss, ([1.0, 2.0], [1.0, 2.0], 2.0), {}, "2-D"),
    (d.distillation_loss, ([[1.0, 2.0]], [[1.0, 2.0]], -1.0), {}, "temperature"),
    (d.distillation_loss, ([[1.0, 2.0]], [[1.0, 2.0]], 2.0), {"alpha": 0.5}, "labels"),
    (d.distillation_loss, ([[1.0, 2.0]], [[1.0, 2.0]], 2.0), {"alpha": 2}, "alpha"),
    (d.distillation_loss, ([[1.0, 2.0]], [[1.0, 2.0]], 2.0), {"reduction": "max"}, "reduction"),
    (
        d.distillation_loss,
        ([[1.0, 2.0]], [[1.0, 2.0]], 2.0),
        {"alpha": 0.5, "labels": [5]},
        "class index",
    ),
    (
        d.distillation_loss,
        ([[1.0, 2.0]], [[1.0, 2.0]], 2.0),
        {"labels": [0, 1]},
        "2 labels",
    ),
    (d.distillation_gradient, ([[np.nan, 2.0]], [[1.0, 2.0]], 2.0), {}, "student_logits[0, 0]"),
    (d.kl_div_loss, ([[0.0, np.nan]], [[0.5, 0.5]]), {}, "input[0, 1]"),
    (d.kl_div_loss, ([[0.0, np.inf]], [[0.5, 0.5]]), {}, "input[0, 1]"),
    (d.kl_div_loss, ([[0.0, 0.0]], [[0.5, -0.5]]), {}, "target[0, 1]"),
    (d.kl_div_loss, ([[0.0, 0.0]], [[0.5, 0.5, 0.0]]), {}, "shape mismatch"),
    (d.kl_div_loss, ([[0.0, 0.0]], [[0.5, 0.5]]), {"reduction": "avg"}, "reduction"),
    (d.gaussian_kl, (0.0, 0.0, 0.0, 1.0), {}, "sigma_p = 0.0"),
    (d.gaussian_kl, (0.0, 1.0, 0.0, [1.0, -1.0]), {}, "sigma_q[1]"),
    (d.gaussian_kl, (np.nan, 1.0, 0.0, 1.0), {}, "mu_p"),
    (d.gaussian_kl, ([0.0, 1.0], 1.0, [0.0, 1.0, 2.0], 1.0), {}, "shape mismatch"),
    (d.gaussian_kl, (0.0, 1.0, 0.0, 1.0), {"diagonal": True}, "last axis"),
    (d.gaussian_kl, ("0", 1.0, 0.0, 1.0), {}, "numbers"),
    (d.gaussian_kl, (0.0, 1.0, 0.0, 1.0), {"base": 0}, "base"),
    (d.gaussian_kl, (1j, 1.0, 0.0, 1.0), {}, "complex"),
    (d.gaussian_differential_entropy, (-1.0,), {}, "sigma"),
    (d.gaussian_differential_entropy, (1.0,), {"diagonal": True}, "last axis"),
    (d.gaussian_pdf, ([0.0], [0.0, 1.0], 1.0), {}, "mu"),
    (d.gaussian_pdf, ([0.0], 0.0, 0.0), {}, "sigma"),
    (d.gaussian_mixture_pdf, ([0.0], [0.5, 0.5], [0.0], [1.0, 1.0]), {}, "one entry"),
    (d.gaussian_mixture_pdf, ([0.0], [0.5, 0.6], [0.0, 1.0], [1.0, 1.0]), {}, "weights"),
    (d.kl_fit_objective, ([0.0, 1.0, 3.0], [1, 1, 1], [0.0], [1.0]), {}, "evenly"),
    (d.kl_fit_objective, ([0.0, 1.0, 0.5], [1, 1, 1], [0.0], [1.0]), {}, "increasing"),
    (d.kl_fit_objective, ([0.0, 1.0], [1, 1], [0.0], [1.0]), {}, "3 points"),
    (d.kl_fit_objective, ([0.0, 1.0, 2.0], [1, 1], [0.0], [1.0]), {}, "one value per"),
    (d.kl_fit_objective, ([0.0, 1.0, 2.0], [1, -1, 1], [0.0], [1.0]), {}, "negative"),
    (d.kl_fit_objective, ([0.0, 1.0, 2.0], [0, 0, 0], [0.0], [1.0]), {}, "0 everywhere"),
    (d.kl_fit_objective, ([0.0, 1.0, 2.0], [1, 1, 1], [0.0], [0.0]), {}, "sigmas"),
    (d.kl_fit_objective, ([0.0, 1.0, 2.0], [1, 1, 1], [1e6], [1e-3]), {}, "no mass"),
    (
        d.kl_fit_objective,
        ([0.0, 1.0, 2.0], [1, 1, 1], [0.0], [1.0]),
        {"direction": "both"},
        "direction",
    ),
]


@pytest.mark.parametrize(
    ("function", "args", "kwargs", "words"),
    HOSTILE,
    ids=[f"{f.__name__}-{i}" for i, (f, *_) in enumerate(HOSTILE)],
)
def test_hostile_input_is_a_value_error_that_says_what(function, args, kwargs, words):
    with pytest.raises(ValueError, match=None) as raised:
        function(*args, **kwargs)
    assert words in str(raised.value)


@given(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
)
def test_gaussian_kl_never_nan_and_never_another_exception(mp, sp, mq, sq):
    try:
        value = d.gaussian_kl(mp, sp, mq, sq)
    except ValueError:
        return
    assert not math.isnan(value) and value >= 0


@given(batches(zeros=True))
def test_measures_on_batches_never_warn_or_nan(batch):
    # pytest turns every warning into an error (pyproject filterwarnings)
    js = d.js_divergence(batch, batch[::-1])
    assert np.isfinite(js).all()
    table = batch / batch.shape[0]
    for value in (
        d.joint_entropy(table),
        d.conditional_entropy(table),
        d.conditional_entropy(table, given="y"),
        d.mutual_information(table),
    ):
        assert math.isfinite(value) and value >= 0


@pytest.mark.parametrize("t", [1e3, 1e6, 1e8, 1e20, 1e200])
def test_the_scaled_soft_term_keeps_its_digits_at_any_temperature(t):
    s, z = np.array([[1.0, 0.0, -2.0]]), np.array([[3.0, 1.0, -1.0]])
    gaps = (s - z)[0] - (s - z)[0].mean()
    limit = float(gaps @ gaps) / (2 * 3)  # T² · KL → ½ Var(gaps) under the uniform softmax
    assert d.distillation_loss(s, z, t) == pytest.approx(limit, rel=1 / t + 1e-12)  # O(1/T) off


def test_a_student_next_to_its_teacher_has_a_tiny_positive_loss():
    loss = d.distillation_loss([[0.0, 1e-9]], [[0.0, 0.0]], 1e6)
    assert loss == pytest.approx(1.25e-19, rel=1e-6)
    assert d.distillation_loss([[1e300, -1e300]], [[-1e300, 1e300]], 1.0) == pytest.approx(2e300)


def test_mixup_labels_follow_the_type_rule():
    with pytest.raises(ValueError, match="bool"):
        d.mixup_targets([True, 0], [1, 2], 3, 0.5)
