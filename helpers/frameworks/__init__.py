r"""Cross-entropy as the frameworks compute it: class weights, NLL, focal loss, metrics, wiring.

The behaviour of scikit-learn, Keras and PyTorch reproduced in numpy (notebook 09), on top of
:mod:`helpers.losses` (whose stable log-softmax and softplus every function here reuses):

* :func:`weighted_cross_entropy_with_logits` — PyTorch's ``CrossEntropyLoss(weight=w)``,
  including its convention that ``"mean"`` divides by the sum of the targets' weights;
* :func:`nll_loss` — PyTorch's ``NLLLoss``: picks ``−input[i, t_i]``, whatever the input is;
* :func:`focal_loss_with_logits` — the focal loss −(1 − p_t)^γ ln p_t (γ = 0: cross-entropy);
* :func:`cross_entropy_gradient`, :func:`double_softmax_gradient` — the gradient with respect to
  the logits, wired correctly and with softmax applied twice;
* :func:`binary_accuracy`, :func:`categorical_accuracy` — the two metrics Keras may mean by
  ``"accuracy"``;
* :func:`fit_softmax_regression` and :func:`undo_class_weights` — what class weights do to the
  predicted probabilities, and the prior correction that undoes it.

Where each lives (all re-exported here, so ``helpers.frameworks.<name>`` is the one address):
``losses`` (weighted cross-entropy, NLL, focal), ``gradients``, ``metrics`` (the accuracies),
``softmax_regression`` (the fit, :class:`SoftmaxFit`, :func:`undo_class_weights`, and the limits
``MAX_CLASSES``, ``MAX_EPOCHS``), and ``_common`` (the private checks they share).

Every loss is in nats. Inputs are validated as in :mod:`helpers.losses`: a ``ValueError`` names
the problem; never a NaN or a warning.
"""

from __future__ import annotations

from .gradients import cross_entropy_gradient, double_softmax_gradient
from .losses import focal_loss_with_logits, nll_loss, weighted_cross_entropy_with_logits
from .metrics import binary_accuracy, categorical_accuracy
from .softmax_regression import (  # noqa: F401  (the limits: public constants, not in __all__)
    MAX_CLASSES,
    MAX_EPOCHS,
    SoftmaxFit,
    fit_softmax_regression,
    undo_class_weights,
)

__all__ = [
    "SoftmaxFit",
    "binary_accuracy",
    "categorical_accuracy",
    "cross_entropy_gradient",
    "double_softmax_gradient",
    "fit_softmax_regression",
    "focal_loss_with_logits",
    "nll_loss",
    "undo_class_weights",
    "weighted_cross_entropy_with_logits",
]
