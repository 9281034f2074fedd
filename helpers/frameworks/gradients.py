r"""The gradient of softmax cross-entropy with respect to the logits: wired correctly, and with
softmax applied twice.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..losses import softmax, target_rows
from ._common import _logits_2d

__all__ = ["cross_entropy_gradient", "double_softmax_gradient"]


def cross_entropy_gradient(y_true: ArrayLike, logits: ArrayLike) -> NDArray[np.float64]:
    r"""The gradient of each sample's softmax cross-entropy with respect to its logits.

    .. math:: \frac{\partial \ell_i}{\partial z_{ic}} = \mathrm{softmax}(z_i)_c - y_{ic}

    Example:
        >>> cross_entropy_gradient([0], [[0.0, 0.0]])
        array([[-0.5,  0.5]])
    """
    z = _logits_2d(logits)
    return softmax(z) - target_rows(y_true, *z.shape)


def double_softmax_gradient(y_true: ArrayLike, logits: ArrayLike) -> NDArray[np.float64]:
    r"""The gradient with respect to the logits z when softmax is applied twice: the network
    outputs p = softmax(z) and the loss treats p as logits, ℓ = −ln softmax(p)_t.

    With g = softmax(p) − y (the gradient with respect to p) and the softmax Jacobian,

    .. math:: \frac{\partial \ell}{\partial z_c} = p_c \left(g_c - \textstyle\sum_j p_j g_j\right)

    Every entry of p lies in [0, 1], so the second softmax can never be confident and the
    gradient reaching z is much smaller than :func:`cross_entropy_gradient`'s.

    Example:
        >>> double_softmax_gradient([0], [[0.0, 0.0]])
        array([[-0.25,  0.25]])
    """
    z = _logits_2d(logits)
    p = softmax(z)
    g = softmax(p) - target_rows(y_true, *z.shape)
    return p * (g - (p * g).sum(axis=-1, keepdims=True))
