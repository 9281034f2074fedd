"""helpers.calibration: proper scoring rules, reliability curves, ECE, the score decomposition
and temperature scaling — against scikit-learn and scipy where they compute the same thing, with
hypothesis properties for the identities notebook 11 teaches, and hostile inputs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import minimize_scalar
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss
from strategies import fewer_examples

import helpers
from helpers import calibration as cal

probability = st.floats(0.0, 1.0)
inner = st.floats(0.01, 0.99)


def calibrated_sample(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Predictions p ~ U(0, 1) and labels drawn with exactly those probabilities."""
    rng = np.random.default_rng(seed)
    p = rng.random(n)
    return (rng.random(n) < p).astype(float), p


@st.composite
def labelled_predictions(draw, min_size: int = 1, max_size: int = 60):
    n = draw(st.integers(min_size, max_size))
    y = draw(arrays(np.float64, n, elements=st.sampled_from([0.0, 1.0])))
    p = draw(arrays(np.float64, n, elements=probability))
    return y, p


# --- expected scores: the log and Brier rules are strictly proper, the 0-1 loss is not ---------


def test_expected_log_score_is_entropy_plus_kl():
    q, p = 0.6, 0.9
    kl = q * math.log(q / p) + (1 - q) * math.log((1 - q) / (1 - p))
    entropy = -(q * math.log(q) + (1 - q) * math.log(1 - q))
    assert cal.expected_score(p, q, "log") == pytest.approx(entropy + kl, rel=1e-12)
    assert cal.expected_score(q, q, "log") == pytest.approx(entropy, rel=1e-12)


def test_expected_scores_at_the_ends():
    assert cal.expected_score(0.0, 0.3, "log") == math.inf
    assert cal.expected_score(0.0, 0.0, "log") == 0.0
    assert cal.expected_score(1.0, 1.0, "brier") == 0.0
    assert cal.expected_score(1.0, 0.0, "brier") == 1.0
    assert cal.expected_score([0.5, 0.51], 0.9, "zero_one").tolist() == pytest.approx([0.9, 0.1])


@given(inner)
def test_log_and_brier_have_their_only_minimum_at_the_truth(q):
    p = np.linspace(0.001, 0.999, 999)
    for rule in ("log", "brier"):
        scores = cal.expected_score(p, q, rule)
        at_truth = cal.expected_score(q, q, rule)
        assert (scores >= at_truth - 1e-12).all()
        others = np.abs(p - q) > 1e-3
        assert (scores[others] > at_truth).all()


@given(inner, inner)
def test_brier_expected_score_is_variance_plus_squared_error(p, q):
    assert cal.expected_score(p, q, "brier") == pytest.approx(q * (1 - q) + (p - q) ** 2)


@given(st.floats(0.51, 0.99), st.floats(0.51, 0.99))
def test_zero_one_loss_cannot_tell_honest_from_overconfident(q, p):
    assert cal.expected_score(p, q, "zero_one") == cal.expected_score(q, q, "zero_one")
    assert cal.expected_score(0.999, q, "zero_one") == pytest.approx(1 - q)


def test_expected_score_broadcasts():
    grid = cal.expected_score(np.linspace(0.1, 0.9, 5)[:, None], [0.2, 0.5], "brier")
    assert grid.shape == (5, 2)


# --- Brier score: scikit-learn's brier_score_loss ------------------------------------------------


@given(labelled_predictions())
def test_binary_brier_matches_sklearn(data):
    y, p = data
    assert cal.brier_score(y, p) == pytest.approx(brier_score_loss(y, p, labels=[0, 1]), abs=1e-12)


@pytest.mark.parametrize("k", [3, 5])
def test_multiclass_brier_matches_sklearn(k):
    rng = np.random.default_rng(k)
    probs = rng.dirichlet(np.ones(k), size=50)
    y = rng.integers(0, k, size=50)
    expected = brier_score_loss(y, probs, labels=list(range(k)))
    assert cal.brier_score(y, probs) == pytest.approx(expected, rel=1e-12)
    assert cal.brier_score(y, probs, reduction="sum") == pytest.approx(50 * expected)


def test_two_class_rows_give_twice_the_binary_brier():
    p = np.array([0.1, 0.8, 0.6])
    y = np.array([0, 1, 0])
    rows = np.c_[1 - p, p]
    assert cal.brier_score(y, rows) == pytest.approx(2 * cal.brier_score(y, p))


def test_a_confident_mistake_costs_at_most_one_brier_but_unboundedly_many_nats():
    assert cal.brier_score([0], [0.999999]) < 1
    assert helpers.binary_cross_entropy([0], [0.999999]) > 13


# --- reliability curves: scikit-learn's calibration_curve ---------------------------------------


@fewer_examples(4)
@given(
    labelled_predictions(min_size=2, max_size=200),
    st.integers(1, 15),
    st.sampled_from(cal.STRATEGIES),
)
def test_reliability_curve_matches_sklearn(data, n_bins, strategy):
    y, p = data
    curve = cal.reliability_curve(y, p, n_bins=n_bins, strategy=strategy)
    if len(np.unique(y)) == 2:  # sklearn needs both classes to know which one is positive
        prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
        assert np.allclose(curve.prob_true, prob_true)
        assert np.allclose(curve.prob_pred, prob_pred)
    assert curve.counts.sum() == y.size and (curve.counts > 0).all()
    assert (curve.lower <= curve.prob_pred + 1e-12).all()
    assert (curve.prob_pred <= curve.upper + 1e-12).all()


def test_reliability_curve_of_a_real_size_sample_matches_sklearn():
    y, p = calibrated_sample(0, 1000)
    for strategy in cal.STRATEGIES:
        curve = cal.reliability_curve(y, p, n_bins=10, strategy=strategy)
        prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy=strategy)
        assert np.allclose(curve.prob_true, prob_true) and np.allclose(curve.prob_pred, prob_pred)
    assert cal.reliability_curve(y, p, strategy="quantile").counts.tolist() == [100] * 10


# --- ECE -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n_bins", [5, 10, 20])
def test_a_calibrated_predictor_has_ece_near_zero_within_sampling_error(seed, n_bins):
    """Labels drawn with the predicted probabilities: each bin's observed frequency differs from
    its mean prediction only by sampling noise, of standard deviation σ_b = √(p̄(1 − p̄)/n_b),
    so E[ECE] ≈ √(2/π) Σ_b (n_b/n) σ_b (0.014 for 10 bins and n = 5000, seen over 200 seeds).
    Twice Σ_b (n_b/n) σ_b is a bound no seed came near; a miscalibrated predictor (p² reported
    for p, ECE ≈ E[p − p²] = 1/6) is more than five times above it."""
    y, p = calibrated_sample(seed, 5000)
    curve = cal.reliability_curve(y, p, n_bins=n_bins)
    noise = float(
        np.sum(
            curve.counts / y.size * np.sqrt(curve.prob_pred * (1 - curve.prob_pred) / curve.counts)
        )
    )
    ece = cal.expected_calibration_error(y, p, n_bins=n_bins)
    assert 0 < ece < 2 * noise
    assert cal.expected_calibration_error(y, p**2, n_bins=n_bins) > 5 * noise


@given(labelled_predictions(), st.integers(1, 12), st.sampled_from(cal.STRATEGIES))
def test_ece_is_the_weighted_gap_of_the_curve(data, n_bins, strategy):
    y, p = data
    curve = cal.reliability_curve(y, p, n_bins=n_bins, strategy=strategy)
    ece = cal.expected_calibration_error(y, p, n_bins=n_bins, strategy=strategy)
    weighted = np.sum(curve.counts / y.size * np.abs(curve.prob_true - curve.prob_pred))
    assert ece == pytest.approx(weighted, abs=1e-12)
    assert 0 <= ece <= 1


def test_one_bin_ece_is_the_gap_between_base_rate_and_mean_prediction():
    y, p = calibrated_sample(3, 500)
    assert cal.expected_calibration_error(y, p, n_bins=1) == pytest.approx(abs(y.mean() - p.mean()))


def test_multiclass_ece_is_the_top_label_ece():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(4) * 0.5, size=300)
    y = rng.integers(0, 4, size=300)
    correct, confidence = cal.top_label(y, probs)
    assert np.array_equal(correct, (probs.argmax(1) == y).astype(float))
    assert np.array_equal(confidence, probs.max(1))
    assert cal.expected_calibration_error(y, probs) == cal.expected_calibration_error(
        correct, confidence
    )


# --- the decomposition ---------------------------------------------------------------------------


@given(labelled_predictions(min_size=1, max_size=80), st.integers(1, 12))
def test_brier_decomposition_is_an_exact_identity(data, n_bins):
    y, p = data
    d = cal.decompose_score(y, p, rule="brier", n_bins=n_bins)
    assert d.score == pytest.approx(cal.brier_score(y, p), abs=1e-12)
    rebuilt = d.reliability - d.resolution + d.uncertainty + d.within_bin
    assert rebuilt == pytest.approx(d.score, abs=1e-12)
    assert d.reliability >= 0 and d.resolution >= 0 and d.uncertainty >= 0


@given(labelled_predictions(min_size=1, max_size=80), st.integers(1, 12))
def test_log_decomposition_is_an_exact_identity(data, n_bins):
    y, p = data
    p = np.clip(p, 1e-6, 1 - 1e-6)  # a finite log loss
    d = cal.decompose_score(y, p, rule="log", n_bins=n_bins, strategy="quantile")
    assert d.score == pytest.approx(helpers.binary_cross_entropy(y, p), rel=1e-12)
    rebuilt = d.reliability - d.resolution + d.uncertainty + d.within_bin
    assert rebuilt == pytest.approx(d.score, rel=1e-9, abs=1e-12)
    assert d.refinement == pytest.approx(d.uncertainty - d.resolution)


def test_with_one_forecast_per_bin_the_within_bin_term_vanishes_and_murphy_holds():
    rng = np.random.default_rng(0)
    p = rng.choice([0.05, 0.25, 0.45, 0.65, 0.85], size=400)
    y = (rng.random(400) < np.sqrt(p)).astype(float)
    d = cal.decompose_score(y, p, rule="brier", n_bins=5)
    assert d.within_bin == pytest.approx(0, abs=1e-15)
    curve = cal.reliability_curve(y, p, n_bins=5)
    w = curve.counts / y.size
    # Murphy (1973): BS = Σ w (p̄ − ō)² − Σ w (ō − ȳ)² + ȳ(1 − ȳ)
    assert d.reliability == pytest.approx(np.sum(w * (curve.prob_pred - curve.prob_true) ** 2))
    assert d.resolution == pytest.approx(np.sum(w * (curve.prob_true - y.mean()) ** 2))
    assert d.uncertainty == pytest.approx(y.mean() * (1 - y.mean()))
    log = cal.decompose_score(y, p, rule="log", n_bins=5)
    assert log.within_bin == pytest.approx(0, abs=1e-15)
    # refinement = Σ w H(ō): the log loss of the recalibrated forecasts
    assert log.refinement == pytest.approx(
        np.sum(w * cal.expected_score(curve.prob_true, curve.prob_true, "log"))
    )


def test_a_calibrated_forecast_has_tiny_reliability_and_an_infinite_log_loss_is_refused():
    y, p = calibrated_sample(1, 20_000)
    assert cal.decompose_score(y, p, rule="log").reliability < 1e-3
    with pytest.raises(ValueError, match=r"infinite \(y_prob\[1\] = 0.0 for label 1\)"):
        cal.decompose_score([0, 1], [0.2, 0.0], rule="log")


# --- temperature scaling -------------------------------------------------------------------------

logit_rows = arrays(
    np.float64, st.tuples(st.integers(1, 20), st.integers(2, 6)), elements=st.integers(-40, 40)
)


@given(logit_rows, st.floats(0.05, 20.0))
def test_temperature_scaling_leaves_the_argmax_unchanged(z, t):
    z = z + np.arange(z.shape[1]) * 1e-3  # integer logits plus a small ramp: no ties
    assert np.array_equal(cal.apply_temperature(z, t).argmax(axis=1), z.argmax(axis=1))


@given(
    arrays(
        np.float64,
        st.integers(1, 30),
        elements=st.floats(-30, 30).filter(lambda v: abs(v) > 1e-6 or v == 0),
    ),
    st.floats(0.05, 20),
)
def test_binary_temperature_scaling_keeps_the_side_of_one_half(z, t):
    # |z / T| ≥ 5e-8: σ(z / T) differs from 0.5 in float64 (a smaller z rounds to exactly 0.5)
    assert np.array_equal(cal.apply_temperature(z, t) > 0.5, z > 0)


def test_temperature_one_changes_nothing_and_the_loss_matches_the_losses():
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=(50, 3)), rng.integers(0, 3, size=50)
    assert np.allclose(cal.apply_temperature(z, 1.0), helpers.softmax(z))
    assert cal.temperature_log_loss(y, z, 2.0) == pytest.approx(
        helpers.softmax_cross_entropy_with_logits(y, z / 2.0)
    )
    zb, yb = rng.normal(size=50), rng.integers(0, 2, size=50)
    assert cal.temperature_log_loss(yb, zb, 0.5) == pytest.approx(
        helpers.binary_cross_entropy_with_logits(yb, zb / 0.5)
    )


@pytest.mark.parametrize("true_t", [0.5, 2.5])
def test_the_fitted_temperature_recovers_a_known_one(true_t):
    """n = 20 000 labels drawn with σ(z / T): the estimate's spread, measured over 30 seeds at
    n = 5 000, was 3.7 % (binary, T = 2.5) and 2.7 % (4 classes, T = 0.5); at n = 20 000 it is
    about half that, so 10 % is more than five standard deviations."""
    rng = np.random.default_rng(42)
    z = rng.normal(0, 3, size=20_000)
    y = (rng.random(z.size) < helpers.sigmoid(z / true_t)).astype(int)
    assert cal.fit_temperature(y, z) == pytest.approx(true_t, rel=0.10)
    zm = rng.normal(0, 3, size=(20_000, 4))
    cumulative = helpers.softmax(zm / true_t).cumsum(axis=1)
    t = (cumulative > rng.random((20_000, 1))).argmax(axis=1)
    assert cal.fit_temperature(t, zm) == pytest.approx(true_t, rel=0.10)


def test_the_fitted_temperature_is_scipys_minimum():
    rng = np.random.default_rng(7)
    z = rng.normal(0, 2, size=(300, 5))
    y = rng.integers(0, 5, size=300)
    fitted = cal.fit_temperature(y, z)
    result = minimize_scalar(
        lambda u: cal.temperature_log_loss(y, z, math.exp(u)),
        bounds=(math.log(1e-2), math.log(1e3)),
        method="bounded",
        options={"xatol": 1e-10},
    )
    assert fitted == pytest.approx(math.exp(result.x), rel=1e-4)
    best = cal.temperature_log_loss(y, z, fitted)
    assert best <= cal.temperature_log_loss(y, z, fitted * 1.01)
    assert best <= cal.temperature_log_loss(y, z, fitted / 1.01)


def test_uninformative_logits_give_temperature_one_and_separable_ones_an_error():
    assert cal.fit_temperature([0, 1, 1], [0.0, 0.0, 0.0]) == 1.0
    assert cal.fit_temperature([0, 2], [[1.0, 1.0, 1.0], [5.0, 5.0, 5.0]]) == 1.0
    with pytest.raises(ValueError, match="edge of bounds"):
        cal.fit_temperature([0, 1, 0, 1], [-2.0, 3.0, -1.0, 0.5])


# --- hostile inputs: a ValueError saying what and where, never another exception or a warning ---

Y, P = [0, 1, 1], [0.2, 0.7, 0.9]
HOSTILE = [
    (lambda: cal.expected_score(1.5, 0.5), r"reported = 1.5 is greater than 1"),
    (lambda: cal.expected_score(0.5, math.nan), r"true_prob = nan is NaN"),
    (lambda: cal.expected_score([0.1, 0.2], [0.1, 0.2, 0.3]), "shape mismatch"),
    (lambda: cal.expected_score(0.5, 0.5, "hinge"), "rule must be one of"),
    (lambda: cal.expected_score("0.5", 0.5), "reported must contain numbers"),
    (lambda: cal.brier_score([0, 2, 1], P), r"y_true\[1\] = 2.0 is not a label 0 or 1"),
    (lambda: cal.brier_score(Y, [0.2, 0.7]), "shape mismatch"),
    (lambda: cal.brier_score(Y, P, reduction="max"), "reduction must be one of"),
    (lambda: cal.brier_score([0, 3], [[0.5, 0.5, 0.0]] * 2), r"y_true\[1\] = 3.0 is not a class"),
    (lambda: cal.brier_score([0, 1], [[0.5, 0.6], [0.5, 0.5]]), "sums to"),
    (lambda: cal.brier_score([[0]], [[[0.5]]]), "1-D .* or 2-D"),
    (lambda: cal.brier_score([], []), "empty"),
    (lambda: cal.reliability_curve(Y, P, n_bins=0), "n_bins must be an integer"),
    (lambda: cal.reliability_curve(Y, P, n_bins=2.5), "n_bins must be an integer"),
    (lambda: cal.reliability_curve(Y, P, n_bins=True), "n_bins must be an integer"),
    (lambda: cal.reliability_curve(Y, P, strategy="kmeans"), "strategy must be one of"),
    (lambda: cal.reliability_curve(Y, [0.2, -0.1, 0.3]), r"y_prob\[1\] = -0.1 is negative"),
    (lambda: cal.reliability_curve([[0, 1]], [[0.2, 0.3]]), "y_true must be 1-D"),
    (lambda: cal.reliability_curve([0, True, 1], P), "bool"),
    (lambda: cal.expected_calibration_error(Y, [0.1, np.inf, 0.3]), "infinite"),
    (lambda: cal.top_label([0, 1], [0.2, 0.8]), "2-D"),
    (lambda: cal.top_label([0, 1, 2], [[0.2, 0.8]] * 2), "class indices"),
    (lambda: cal.decompose_score(Y, P, rule="zero_one"), "rule must be one of"),
    (lambda: cal.apply_temperature([1.0, 2.0], 0), "temperature must be a finite number > 0"),
    (lambda: cal.apply_temperature([1.0, 2.0], -1.0), "temperature must be"),
    (lambda: cal.apply_temperature([1.0, 2.0], math.inf), "temperature must be"),
    (lambda: cal.apply_temperature([1.0, 2.0], "2"), "temperature must be"),
    (lambda: cal.apply_temperature([1.0, math.nan], 2.0), r"logits\[1\] = nan is not finite"),
    (lambda: cal.apply_temperature([[[1.0]]], 2.0), "1-D .* or 2-D"),
    (lambda: cal.apply_temperature([[1.0], [2.0]], 2.0), "at least 2 classes"),
    (lambda: cal.fit_temperature([0, 1], [1.0, 2.0, 3.0]), "shape mismatch"),
    (lambda: cal.fit_temperature([0, 0.5], [1.0, 2.0]), r"y_true\[1\] = 0.5 is not a label"),
    (lambda: cal.fit_temperature([0, 1], [-1.0, 1.0], bounds=(2.0, 1.0)), "T_min < T_max"),
    (lambda: cal.fit_temperature([0, 1], [-1.0, 1.0], bounds=(0.0, 1.0)), r"bounds\[0\]"),
    (lambda: cal.fit_temperature([0, 1], [-1.0, 1.0], bounds=1.0), "two numbers"),
    (lambda: cal.fit_temperature([0, 1], [-1.0, 1.0], tol=0), "tol must be"),
    (lambda: cal.temperature_log_loss([0, 5], [[1.0, 2.0]] * 2, 1.0), "class index"),
    (lambda: cal.reliability_curve(Y, P, n_bins=10**12), "n_bins must be an integer in"),
    (lambda: cal.apply_temperature([1e300, 0.0], 2.0), r"logits\[0\] = 1e\+300 is too large"),
    (lambda: cal.apply_temperature([[1e200, 0.0]], 1e-300), "overflows float64"),
    (lambda: cal.fit_temperature([0, 1], [1e250, -1e250]), "too large"),
    (lambda: cal.fit_temperature([0, 1], [-1e10, 1e10], bounds=(1e-300, 1.0)), "overflows"),
]


@pytest.mark.parametrize(("call", "match"), HOSTILE)
def test_hostile_inputs_raise_a_value_error_saying_what(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@fewer_examples(2)
@given(
    st.one_of(
        st.none(),
        st.text(max_size=3),
        st.booleans(),
        st.complex_numbers(),
        st.lists(st.text(max_size=2), max_size=3),
    )
)
def test_anything_odd_is_a_value_error(value):
    for call in (
        lambda: cal.expected_score(value, 0.5),
        lambda: cal.brier_score(value, [0.5]),
        lambda: cal.reliability_curve([1], value),
        lambda: cal.expected_calibration_error(value, [0.5]),
        lambda: cal.apply_temperature(value, 1.0),
        lambda: cal.apply_temperature([1.0], value),
        lambda: cal.fit_temperature(value, [1.0]),
        lambda: cal.decompose_score([1], value),
    ):
        with pytest.raises(ValueError):
            call()


# --- logits of scikit-learn models ---------------------------------------------------------------


class _LogOdds:
    """A stand-in classifier whose decision_function is (or is not) the log-odds."""

    def __init__(self, z, scale=1.0):
        self.z, self.scale = np.asarray(z, dtype=float), scale

    def decision_function(self, X):
        return self.scale * self.z

    def predict_proba(self, X):
        p = helpers.sigmoid(self.z)
        return np.c_[1 - p, p]


def test_binary_logits_of_real_models_reproduce_their_probabilities():
    from sklearn.datasets import load_breast_cancer
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    for model in (
        make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        GaussianNB(),
        GradientBoostingClassifier(n_estimators=10, random_state=0),
    ):
        model.fit(X, y)
        z = cal.binary_logits(model, X)
        assert z.shape == (len(y),) and np.isfinite(z).all()
        assert np.allclose(helpers.sigmoid(z), model.predict_proba(X)[:, 1], atol=1e-9)
        assert np.array_equal(z > 0, model.predict(X) == 1)
    forest = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y)
    with pytest.raises(ValueError, match="no finite logit"):
        cal.binary_logits(forest, X)


def test_binary_logits_refuse_what_is_not_a_log_odds():
    assert np.allclose(cal.binary_logits(_LogOdds([1.0, -2.0]), None), [1.0, -2.0])
    with pytest.raises(ValueError, match="not the log-odds"):
        cal.binary_logits(_LogOdds([1.0, -2.0], scale=2.0), None)
    with pytest.raises(ValueError, match="neither decision_function nor predict_log_proba"):
        cal.binary_logits(object(), None)


def test_fit_temperature_agrees_with_sklearns_temperature_calibration():
    """scikit-learn ≥ 1.8 fits a temperature too (CalibratedClassifierCV(method="temperature"));
    on a model whose decision_function is its logit, the recalibrated probabilities agree."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.datasets import load_breast_cancer
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.frozen import FrozenEstimator
    from sklearn.model_selection import train_test_split

    X, y = load_breast_cancer(return_X_y=True)
    X_fit, X_val, y_fit, y_val = train_test_split(X, y, test_size=0.5, random_state=0, stratify=y)
    model = GradientBoostingClassifier(n_estimators=30, random_state=0).fit(X_fit, y_fit)
    theirs = CalibratedClassifierCV(FrozenEstimator(model), method="temperature").fit(X_val, y_val)
    t = cal.fit_temperature(y_val, cal.binary_logits(model, X_val))
    ours = cal.apply_temperature(cal.binary_logits(model, X), t)
    assert np.allclose(theirs.predict_proba(X)[:, 1], ours, atol=1e-6)
