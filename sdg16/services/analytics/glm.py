"""Many small quasi-Poisson GLMs at once (IRLS in numpy), with Farrington's down-weighting.

statsmodels fits one such model in 5-8 ms on this machine; the spike view needs one per area
and month (about 3,500 for Egypt over 11 years, seconds of waiting). This runs the same
iteratively reweighted least squares for every window in one set of array operations;
``tests/unit/services/analytics/test_glm.py`` holds it to statsmodels' ``GLM`` (coefficients,
covariance and dispersion) on random windows, with and without weights.

Shapes: ``y`` (S, n) counts, ``x`` (S, n, p) designs, ``w`` (S, n) prior weights (0 = not in
the window), one row per model.
"""

from __future__ import annotations

import numpy as np

MAX_ITER = 100
TOL = 1e-8  # absolute change in deviance, as statsmodels' IRLS
# Residuals above this are down-weighted: Noufaily et al. (2013) found Farrington's original 1
# biased the dispersion low and raised false alarms on over-dispersed counts; they use 2.58.
OUTLIER = 2.58
RIDGE = 1e-9
ETA_LIMIT = 30.0  # exp(30): no month holds 10^13 reports; beyond it a fit has diverged


def _deviance(y: np.ndarray, mu: np.ndarray, w: np.ndarray) -> np.ndarray:
    ratio = np.where(y > 0, y / mu, 1.0)
    return 2 * np.sum(w * (y * np.log(ratio) - (y - mu)), axis=1)


def fit(y: np.ndarray, x: np.ndarray, w: np.ndarray):
    """Poisson IRLS per row: (beta (S, p), mu (S, n), (X'WX)^-1 (S, p, p), converged (S,)).
    Rows that have converged drop out of later iterations (most need 4-6, a few many more)."""
    mean = (y * w).sum(axis=1, keepdims=True) / w.sum(axis=1, keepdims=True)
    mu = (y + mean) / 2  # statsmodels' starting values
    eta = np.log(mu)
    beta = np.zeros((len(y), x.shape[2]))
    old = np.full(len(y), np.inf)
    converged = np.zeros(len(y), dtype=bool)
    # A window whose fitted means collapse to zero (a series that was empty, then not) makes
    # X'WX singular: a tiny ridge keeps the batch solvable; such fits fail the checks below.
    ridge = RIDGE * np.eye(x.shape[2])
    active = np.arange(len(y))
    for _ in range(MAX_ITER):
        xa, ya, wa, mua = x[active], y[active], w[active], mu[active]
        z = eta[active] + (ya - mua) / mua
        xtw = np.swapaxes(xa, 1, 2) * (wa * mua)[:, None, :]
        beta[active] = np.linalg.solve(xtw @ xa + ridge, (xtw @ z[..., None]))[..., 0]
        eta[active] = np.clip(np.einsum("snp,sp->sn", xa, beta[active]), -ETA_LIMIT, ETA_LIMIT)
        mu[active] = np.exp(eta[active])
        dev = _deviance(ya, mu[active], wa)
        done = np.abs(dev - old[active]) <= TOL
        converged[active[done]] = True
        old[active] = dev
        active = active[~done]
        if not len(active):
            break
    inverse = np.linalg.inv(np.swapaxes(x, 1, 2) * (w * mu)[:, None, :] @ x + ridge)
    sane = np.all(np.isfinite(beta), axis=1) & np.all(np.abs(eta) < ETA_LIMIT, axis=1)
    return beta, mu, inverse, converged & sane


def dispersion(y: np.ndarray, mu: np.ndarray, w: np.ndarray, params: int) -> np.ndarray:
    """Pearson chi-square over residual degrees of freedom (the quasi-Poisson scale)."""
    df = (w > 0).sum(axis=1) - params
    return np.sum(w * (y - mu) ** 2 / mu, axis=1) / df


def farrington_weights(y: np.ndarray, x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Prior weights that down-weight past outbreaks: s^-2 for a standardised Anscombe
    residual s above OUTLIER, 1 otherwise, rescaled to the window's size (Farrington et al.
    1996, with Noufaily et al.'s threshold)."""
    _, mu, inverse, _ = fit(y, x, w)
    phi = np.maximum(dispersion(y, mu, w, x.shape[2]), 1.0)
    leverage = w * mu * np.einsum("snp,spq,snq->sn", x, inverse, x)
    anscombe = 1.5 * (y ** (2 / 3) - mu ** (2 / 3)) / mu ** (1 / 6)
    s = anscombe / np.sqrt(phi[:, None] * np.clip(1 - leverage, 1e-6, None))
    raw = np.where(s > OUTLIER, 1 / np.maximum(s, 1) ** 2, 1.0) * (w > 0)
    return raw * (w > 0).sum(axis=1, keepdims=True) / raw.sum(axis=1, keepdims=True)


def predict(y: np.ndarray, x: np.ndarray, w: np.ndarray, x_new: np.ndarray):
    """Per row, the reweighted quasi-Poisson fit's prediction at ``x_new`` (S, p): (mean,
    variance of a new count: phi*mu + mu^2*var(eta), z-score of each coefficient), NaN where
    a fit failed."""
    weights = farrington_weights(y, x, w) * w
    beta, mu, inverse, ok = fit(y, x, weights)
    phi = np.maximum(dispersion(y, mu, weights, x.shape[2]), 1.0)
    eta = np.einsum("sp,sp->s", x_new, beta)
    var_eta = phi * np.einsum("sp,spq,sq->s", x_new, inverse, x_new)
    mean = np.exp(eta)
    variance = phi * mean + mean**2 * var_eta
    se = np.sqrt(phi[:, None] * np.einsum("spp->sp", inverse))
    z = np.where(ok[:, None], beta / np.where(se > 0, se, np.inf), np.nan)
    return np.where(ok, mean, np.nan), np.where(ok, variance, np.nan), z
