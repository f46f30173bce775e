"""The batched IRLS gives statsmodels' answers: same coefficients, covariance, dispersion."""

from __future__ import annotations

import numpy as np
import statsmodels.api as sm

from sdg16.services.analytics import glm
from sdg16.services.analytics.spikes import _design


def _windows(seed: int, count: int = 40, n: int = 36):
    rng = np.random.default_rng(seed)
    lag = np.arange(-n, 0).astype(float)
    starts = rng.integers(1, 13, count)
    x = np.stack([_design(lag, s + np.arange(n) % 12, True) for s in starts])
    rate = rng.uniform(0.5, 60, count)[:, None] * np.exp(rng.normal(0, 0.3, (count, n)))
    return rng.poisson(rate).astype(float), x


def test_fit_matches_statsmodels() -> None:
    y, x = _windows(1)
    w = np.ones_like(y)
    beta, mu, inverse, ok = glm.fit(y, x, w)
    phi = glm.dispersion(y, mu, w, x.shape[2])
    assert ok.all()
    for i in range(len(y)):
        res = sm.GLM(y[i], x[i], family=sm.families.Poisson()).fit(scale="X2")
        np.testing.assert_allclose(beta[i], res.params, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(phi[i], res.scale, rtol=1e-6)
        np.testing.assert_allclose(phi[i] * inverse[i], res.cov_params(), rtol=1e-5, atol=1e-10)


def test_weighted_fit_matches_statsmodels_var_weights() -> None:
    y, x = _windows(2)
    w = glm.farrington_weights(y, x, np.ones_like(y))
    assert (w < 1).any() and np.allclose(w.sum(axis=1), y.shape[1])
    beta, mu, _, _ = glm.fit(y, x, w)
    for i in range(len(y)):
        res = sm.GLM(y[i], x[i], family=sm.families.Poisson(), var_weights=w[i]).fit(scale="X2")
        np.testing.assert_allclose(beta[i], res.params, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(glm.dispersion(y, mu, w, 4)[i], res.scale, rtol=1e-6)


def test_padding_with_zero_weight_is_the_shorter_window() -> None:
    y, x = _windows(3, count=5)
    w = np.ones_like(y)
    w[:, :10] = 0  # the first ten months are not in the window
    beta, *_ = glm.fit(y, x, w)
    for i in range(len(y)):
        res = sm.GLM(y[i, 10:], x[i, 10:], family=sm.families.Poisson()).fit()
        np.testing.assert_allclose(beta[i], res.params, rtol=1e-6, atol=1e-8)
