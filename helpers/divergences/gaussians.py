r"""Gaussians: closed-form KL and differential entropy, densities, and fitting one by KL on a grid.

Nats by default (``base=math.e``; ``base=2`` for bits), as a VAE's KL term is written.
"""

from __future__ import annotations

import math
from typing import Literal, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._numerics import sum_p_times
from .._validation import (
    Value,
    as_distribution,
    finite_array,
    log_of_base,
    positive_number,
    scalar_or_array,
    shown,
)
from ._common import _broadcast, _positive_array

__all__ = [
    "GaussianFit",
    "fit_gaussian_by_kl",
    "gaussian_differential_entropy",
    "gaussian_kl",
    "gaussian_mixture_pdf",
    "gaussian_pdf",
    "kl_fit_objective",
]


# --- continuous distributions: Gaussians -------------------------------------------------------


def gaussian_kl(
    mu_p: ArrayLike,
    sigma_p: ArrayLike,
    mu_q: ArrayLike,
    sigma_q: ArrayLike,
    *,
    diagonal: bool = False,
    base: float = math.e,
) -> Value:
    r"""KL divergence of the Gaussian N_q from N_p, in closed form (nats by default).

    .. math:: \mathrm{KL}\big(\mathcal N(\mu_p, \sigma_p^2) \,\|\,
              \mathcal N(\mu_q, \sigma_q^2)\big)
              = \ln \frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2 \sigma_q^2}
                - \frac12

    Takes **standard deviations**, not variances. With ``μ_q = 0, σ_q = 1`` it is a VAE's KL
    term, ``½ (μ² + σ² − 1 − ln σ²)``. ≥ 0, and 0 only when both means and both standard
    deviations are equal. Computed as ``½ (expm1(2ℓ) − 2ℓ) + ½ ((μ_p − μ_q)/σ_q)²`` with
    ``ℓ = ln σ_p − ln σ_q``, which stays accurate near 0 and never gives NaN (a value beyond
    float64's range is ``inf``).

    Args:
        mu_p, sigma_p, mu_q, sigma_q: means (finite) and standard deviations (finite, > 0);
            shapes broadcast, and the result has one value per element.
        diagonal: if True, the **last axis** holds the coordinates of a Gaussian with diagonal
            covariance; the coordinates are independent, so their KL divergences add, and the
            result has one value per vector (the last axis summed out).
        base: base of the logarithm (``math.e``: nats, the default; 2: bits).

    Raises:
        ValueError: non-numbers, NaN/inf, a standard deviation ≤ 0, shapes that do not
            broadcast, a 0-d input with ``diagonal=True``, or a bad ``base``.

    Example:
        >>> round(gaussian_kl(0.0, 1.0, 1.0, 2.0), 4)
        0.4431
        >>> gaussian_kl(0.0, 1.0, 0.0, 1.0)
        0.0
        >>> round(gaussian_kl([0.5, -1.0], [0.8, 1.5], 0.0, 1.0, diagonal=True), 4)  # VAE term
        0.8877
    """
    ln_base = log_of_base(base)
    mp, mq = finite_array(mu_p, "mu_p"), finite_array(mu_q, "mu_q")
    sp = _positive_array(sigma_p, "sigma_p", "a standard deviation")
    sq = _positive_array(sigma_q, "sigma_q", "a standard deviation")
    mp, sp, mq, sq = _broadcast({"mu_p": mp, "sigma_p": sp, "mu_q": mq, "sigma_q": sq})
    if diagonal and mp.ndim == 0:
        raise ValueError("diagonal=True needs the coordinates along a last axis (at least 1-D)")
    log_ratio = np.log(sp) - np.log(sq)  # finite: both are finite and > 0
    with np.errstate(over="ignore"):  # beyond float64: inf, the right float for a huge KL
        spread = 0.5 * (np.expm1(2.0 * log_ratio) - 2.0 * log_ratio)
        shift = 0.5 * ((mp - mq) / sq) ** 2
        value = np.maximum(spread, 0.0) + shift
        if diagonal:
            value = value.sum(axis=-1)
    return scalar_or_array(value / ln_base)


def gaussian_differential_entropy(
    sigma: ArrayLike, *, diagonal: bool = False, base: float = math.e
) -> Value:
    r"""Differential entropy of a Gaussian N(μ, σ²) (it does not depend on μ), in nats by default.

    .. math:: h(X) = -\int p(x) \ln p(x)\, dx = \tfrac12 \ln(2 \pi e\, \sigma^2)

    Unlike the entropy of a discrete distribution it can be **negative**: for
    ``σ < 1/√(2πe) ≈ 0.242`` the density exceeds 1 over most of its mass. It changes with the
    units of x (rescaling x by c adds ln |c|). With ``diagonal=True`` the last axis holds the
    standard deviations of independent coordinates, and their entropies add.

    Raises:
        ValueError: non-numbers, NaN/inf, σ ≤ 0, a 0-d ``sigma`` with ``diagonal=True``, or a
            bad ``base``.

    Example:
        >>> round(gaussian_differential_entropy(1.0), 4)
        1.4189
        >>> round(gaussian_differential_entropy(0.1), 4)
        -0.8837
        >>> round(gaussian_differential_entropy([1.0, 0.1], diagonal=True), 4)
        0.5352
    """
    ln_base = log_of_base(base)
    s = _positive_array(sigma, "sigma", "a standard deviation")
    if diagonal and s.ndim == 0:
        raise ValueError("diagonal=True needs the coordinates along a last axis (at least 1-D)")
    value = np.log(s) + 0.5 * math.log(2 * math.pi * math.e)
    if diagonal:
        value = value.sum(axis=-1)
    return scalar_or_array(value / ln_base)


def gaussian_pdf(x: ArrayLike, mu: float, sigma: float) -> NDArray[np.float64]:
    r"""The density of N(μ, σ²) at each x: ``exp(−(x − μ)² / 2σ²) / (σ √(2π))``.

    Example:
        >>> gaussian_pdf([0.0], 0.0, 1.0).round(4)
        array([0.3989])
    """
    xs = finite_array(x, "x")
    mean = finite_array(mu, "mu")
    if mean.ndim != 0:
        raise ValueError(f"mu must be one finite number, got shape {mean.shape}")
    s = positive_number(sigma, "sigma")
    with np.errstate(over="ignore", under="ignore"):
        return np.exp(-0.5 * ((xs - mean) / s) ** 2) / (s * math.sqrt(2 * math.pi))


def gaussian_mixture_pdf(
    x: ArrayLike, weights: ArrayLike, mus: ArrayLike, sigmas: ArrayLike
) -> NDArray[np.float64]:
    r"""The density of a mixture of Gaussians: ``Σ_j w_j N(x; μ_j, σ_j²)``.

    Args:
        x: where to evaluate it.
        weights: the mixture weights, a distribution (summing to 1).
        mus, sigmas: each component's mean and standard deviation (> 0), as many as weights.

    Example:
        >>> gaussian_mixture_pdf([-2.0, 2.0], [0.5, 0.5], [-2.0, 2.0], [1.0, 1.0]).round(4)
        array([0.1995, 0.1995])
    """
    w = as_distribution(weights, "weights")
    m = finite_array(mus, "mus")
    s = _positive_array(sigmas, "sigmas", "a standard deviation")
    if not (w.ndim == m.ndim == s.ndim == 1 and w.size == m.size == s.size):
        raise ValueError(
            "weights, mus and sigmas must be 1-D with one entry per component, got shapes "
            f"{w.shape}, {m.shape}, {s.shape}"
        )
    xs = finite_array(x, "x")
    with np.errstate(over="ignore", under="ignore"):
        z = (xs[..., None] - m) / s
        return (w * np.exp(-0.5 * z * z) / (s * math.sqrt(2 * math.pi))).sum(axis=-1)


# --- fitting one Gaussian by forward or reverse KL, on a grid ---------------------------------


class GaussianFit(NamedTuple):
    """The Gaussian N(mu, sigma²) that minimises a KL divergence, and the divergence it reaches."""

    mu: float
    sigma: float
    divergence: float


def _evenly_spaced(x: ArrayLike) -> NDArray[np.float64]:
    grid = finite_array(x, "x")
    if grid.ndim != 1 or grid.size < 3:
        raise ValueError(f"x must be a 1-D grid of at least 3 points, got shape {grid.shape}")
    steps = np.diff(grid)
    if not (steps > 0).all():
        raise ValueError("x must be strictly increasing")
    if np.abs(steps - steps.mean()).max() > 1e-6 * steps.mean():
        raise ValueError("x must be evenly spaced (the KL sums use equal cell widths)")
    return grid


def _density_as_probabilities(values: ArrayLike, size: int, name: str) -> NDArray[np.float64]:
    density = finite_array(values, name)
    if density.shape != (size,):
        raise ValueError(f"{name} must have one value per grid point, got shape {density.shape}")
    if (density < 0).any():
        i = int(np.argmax(density < 0))
        raise ValueError(f"{name}[{i}] = {density[i]} is negative; a density is ≥ 0")
    total = density.sum()
    if not total > 0:
        raise ValueError(f"{name} is 0 everywhere on the grid; nothing to fit")
    return density / total


def kl_fit_objective(
    x: ArrayLike,
    p: ArrayLike,
    mus: ArrayLike,
    sigmas: ArrayLike,
    direction: Literal["forward", "reverse"] = "forward",
    base: float = math.e,
) -> NDArray[np.float64]:
    r"""KL divergence between a target density P and each Gaussian Q = N(μ, σ²) of a grid.

    Both densities are discretised on the evenly spaced grid ``x`` (each normalised to sum to 1
    over it, so the sums approximate the integrals, the cell width cancelling in every ratio):

    - ``direction="forward"``: :math:`\mathrm{KL}(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}`
      (what maximum likelihood minimises: Q must cover wherever P has mass);
    - ``direction="reverse"``: :math:`\mathrm{KL}(Q \| P) = \sum_x Q(x) \log \frac{Q(x)}{P(x)}`
      (what variational inference minimises: Q must avoid wherever P has none).

    Returns an array of shape ``(len(mus), len(sigmas))``, in nats by default; ``inf`` where a
    Q puts mass on grid points where P is 0 (reverse) or the other way round (forward).

    Example:
        >>> x = np.linspace(-6, 6, 241)
        >>> p = gaussian_pdf(x, 0.0, 1.0)
        >>> kl_fit_objective(x, p, [0.0, 1.0], [1.0], "forward").round(3)
        array([[0. ],
               [0.5]])
    """
    if direction not in ("forward", "reverse"):
        raise ValueError(f'direction must be "forward" or "reverse", got {shown(direction)}')
    ln_base = log_of_base(base)
    grid = _evenly_spaced(x)
    target = _density_as_probabilities(p, grid.size, "p")
    mu_grid = finite_array(mus, "mus")
    sigma_grid = _positive_array(sigmas, "sigmas", "a standard deviation")
    if mu_grid.ndim != 1 or sigma_grid.ndim != 1:
        raise ValueError("mus and sigmas must be 1-D grids of candidate parameters")
    return _kl_fit_values(grid, target, mu_grid, sigma_grid, direction) / ln_base


def _kl_fit_values(
    grid: np.ndarray, target: np.ndarray, mus: np.ndarray, sigmas: np.ndarray, direction: str
) -> NDArray[np.float64]:
    """:func:`kl_fit_objective` in nats, for inputs it has checked (one pass over the grid).

    With ``a = −½ z²``, ``z = (x − μ)/σ``, ``S = Σ_x e^a`` and so ``ln Q(x) = a − ln S``, the sums
    need no density and no logarithm of one:

    - forward: ``Σ P ln P − Σ P a + ln S · Σ P``;
    - reverse: ``(Σ e^a (a − ln P)) / S − ln S`` (over the points where P > 0).

    ``inf`` exactly where the density route finds a zero: a Q(x) = e^a / S that underflows to 0
    where P(x) > 0 (forward; e^a falls with |x − μ|, so the ends of P's support decide), or a
    Q(x) > 0 where P(x) = 0 (reverse).
    """
    # a = −½ z², built in place in one buffer: (x − μ)/σ, squared, halved (exact: a power of 2)
    a = np.empty((mus.size, sigmas.size, grid.size))
    np.divide((grid - mus[:, None])[:, None, :], sigmas[None, :, None], out=a)
    np.multiply(a, a, out=a)
    np.multiply(a, -0.5, out=a)
    with np.errstate(under="ignore"):
        q = np.exp(a)  # unnormalised Q on the grid
    totals = q.sum(axis=-1)
    if not (totals > 0).all():
        raise ValueError("a candidate Gaussian has no mass on the grid; widen x or narrow mus")
    log_totals = np.log(totals)
    positive = target > 0
    log_p = np.log(target, out=np.zeros_like(target), where=positive)
    if direction == "forward":
        value = sum_p_times(target, log_p) - np.einsum("ijk,k->ij", a, target)
        value = value + log_totals * target.sum()
        ends = np.flatnonzero(positive)[[0, -1]]
        with np.errstate(under="ignore"):
            vanishing = (q[..., ends] / totals[..., None] == 0).any(axis=-1)
    else:
        with np.errstate(under="ignore"):
            value = (np.einsum("ijk,ijk->ij", q, a) - np.einsum("ijk,k->ij", q, log_p)) / totals
            value = value - log_totals
            vanishing = (q[..., ~positive] / totals[..., None] > 0).any(axis=-1)
    return np.where(vanishing, np.inf, np.maximum(value, 0.0))


def fit_gaussian_by_kl(
    x: ArrayLike,
    p: ArrayLike,
    mus: ArrayLike,
    sigmas: ArrayLike,
    direction: Literal["forward", "reverse"] = "forward",
    base: float = math.e,
) -> GaussianFit:
    r"""The Gaussian of the grid ``mus × sigmas`` that minimises the forward or reverse KL.

    A brute-force search over :func:`kl_fit_objective`: transparent and deterministic (ties go
    to the first minimum in grid order). Forward KL, :math:`\mathrm{KL}(P \| Q)`, is
    *mass-covering*: for a Gaussian Q its minimiser matches P's mean and standard deviation.
    Reverse KL, :math:`\mathrm{KL}(Q \| P)`, is *mode-seeking*: on a two-peaked P it settles on
    one peak.

    Example:
        >>> x = np.linspace(-16, 16, 641)
        >>> p = gaussian_mixture_pdf(x, [0.5, 0.5], [-3.0, 3.0], [1.0, 1.0])
        >>> mus, sigmas = np.linspace(-4, 4, 81), np.linspace(0.5, 4, 36)
        >>> fit_gaussian_by_kl(x, p, mus, sigmas, "forward")[:2]
        (0.0, 3.2)
        >>> abs(fit_gaussian_by_kl(x, p, mus, sigmas, "reverse").mu)
        3.0
    """
    objective = kl_fit_objective(x, p, mus, sigmas, direction, base)
    i, j = np.unravel_index(int(np.argmin(objective)), objective.shape)
    mu_grid, sigma_grid = np.asarray(mus, dtype=float), np.asarray(sigmas, dtype=float)
    return GaussianFit(float(mu_grid[i]) + 0.0, float(sigma_grid[j]), float(objective[i, j]))
