r"""Soft targets and KL's relatives: distillation, Jensen–Shannon, mutual information, Gaussians.

The measures of notebook 10, with the conventions of :mod:`helpers.information` and
:mod:`helpers.losses`:

Discrete measures, **bits by default** (``base=2``; ``base=math.e`` for nats), like
:func:`helpers.entropy`:
    js_divergence(p, q)             Jensen–Shannon divergence, distributions along the last axis
    joint_entropy(joint)            H(X, Y) of a joint table (X along axis −2, Y along axis −1)
    conditional_entropy(joint)      H(Y | X) (or H(X | Y) with ``given="y"``)
    mutual_information(joint)       I(X; Y)
    marginals(joint)                P(x), P(y);   joint_table(x, y): a table from two label arrays

Losses and continuous measures, **nats by default**, as models are trained (and as a VAE's KL
term is written):
    tempered_softmax(logits, T), distillation_loss(student, teacher, T), distillation_gradient
    mixup_targets(y_a, y_b, n_classes, lam)
    kl_div_loss(input, target)      PyTorch's ``KLDivLoss`` arithmetic, reproduced with numpy
    gaussian_kl(mu_p, sigma_p, mu_q, sigma_q), gaussian_differential_entropy(sigma)
    gaussian_pdf, gaussian_mixture_pdf, kl_fit_objective, fit_gaussian_by_kl   (the fitting demo)

Where each lives (all re-exported here, so ``helpers.divergences.<name>`` is the one address):
    jensen_shannon       js_divergence
    mutual_information   joint and conditional entropy, mutual information, marginals, joint_table
    soft_targets         mixup, tempered softmax, distillation loss and gradient, kl_div_loss
    gaussians            Gaussian KL and differential entropy, pdfs, the KL fit on a grid
    _common              the private checks the modules share

One contract everywhere: a correct number, ``inf`` where the mathematics is infinite, or a
``ValueError`` saying what is wrong and where — never NaN, never a warning.

>>> round(js_divergence([0.10, 0.40, 0.50], [0.80, 0.15, 0.05]), 4)   # bits
0.4202
>>> round(mutual_information([[0.5, 0.0], [0.0, 0.5]]), 3)            # X determines Y: 1 bit
1.0
"""

from __future__ import annotations

from .gaussians import (
    GaussianFit,
    fit_gaussian_by_kl,
    gaussian_differential_entropy,
    gaussian_kl,
    gaussian_mixture_pdf,
    gaussian_pdf,
    kl_fit_objective,
)
from .jensen_shannon import js_divergence
from .mutual_information import (
    conditional_entropy,
    joint_entropy,
    joint_table,
    marginals,
    mutual_information,
)
from .soft_targets import (
    KL_DIV_REDUCTIONS,  # noqa: F401  (a public constant of the old module, not in __all__)
    distillation_gradient,
    distillation_loss,
    kl_div_loss,
    mixup_targets,
    tempered_softmax,
)

__all__ = [
    "GaussianFit",
    "conditional_entropy",
    "distillation_gradient",
    "distillation_loss",
    "fit_gaussian_by_kl",
    "gaussian_differential_entropy",
    "gaussian_kl",
    "gaussian_mixture_pdf",
    "gaussian_pdf",
    "joint_entropy",
    "joint_table",
    "js_divergence",
    "kl_div_loss",
    "kl_fit_objective",
    "marginals",
    "mixup_targets",
    "mutual_information",
    "tempered_softmax",
]
