#!/usr/bin/env python3
"""Reference values for the Swift `Stats` tests, from independent implementations.

Run from the repository root (needs numpy, scipy, statsmodels, firthmodels):

    python3 Tests/MesaAnalysisTests/Statistics/make_fixtures.py

It writes Tests/MesaAnalysisTests/Statistics/Fixtures/*.json. Every data set is written literally below or
generated with a fixed seed and then stored in the JSON, so the Swift tests never depend on
this script's random streams.

References:
  * statsmodels `Logit(...).fit(method="newton")`: ML coefficients, cov_params(), conf_int().
  * firthmodels `FirthLogisticRegression` and an independent Firth Newton iteration in plain
    numpy (`firth_numpy`), which must agree to 1e-6; see `firth_fit` for why the numpy
    values (score < 1e-12) are the tight reference and how firthmodels' standard errors differ
    (augmented information) from the I(beta)^-1 = (X'WX)^-1 covariance used here and by
    logistf.
  * statsmodels `OLS`: coefficients, cov_params(), conf_int(), df_resid, scale.
  * Delta-method effects and intervals: numpy, from the reference coefficients and covariance.
  * Crossover intervals: a line-by-line Python mirror of SplitMix64, its Box-Muller normals and
    the coefficient simulation in Sources/MesaAnalysis/Statistics/CrossoverBootstrap.swift
    (beta* = beta + L z from the numpy Firth fit, asserted to agree with firthmodels, and
    numpy's Cholesky factor), summarized with the same inverted-CDF percentile, itself checked
    against numpy.percentile(method="inverted_cdf").

  * Clopper-Pearson intervals: scipy.stats.binomtest(k, n).proportion_ci(method="exact").
  * Betting confidence sequences: confseq 0.0.11 `betting.hedged_cs` (see `load_confseq`).
  * CR2 cluster-robust covariance: plain numpy (inv, eigh), see `make_cr2_fixture`.

Versions used to generate the committed fixtures: numpy 2.4.6, scipy 1.17.1,
statsmodels 0.15.0, firthmodels 0.8.2 (`pip install statsmodels firthmodels`), confseq 0.0.11.
The output is deterministic: running the script twice gives byte-identical files.
"""
import json
import math
import os
import warnings

import numpy as np
import scipy.stats
import statsmodels.api as sm
from firthmodels import FirthLogisticRegression
from statsmodels.stats.proportion import proportion_confint

# Beside this script: Tests/MesaAnalysisTests/Statistics/Fixtures.
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures")
MASK = 2**64 - 1


# ----------------------------------------------------------------------------- helpers

def clean(value):
    """JSON-safe: numpy → Python, non-finite floats → "inf" / "-inf" / "nan" strings."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return clean(value.tolist())
    if isinstance(value, (np.floating, float)):
        v = float(value)
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    return value


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(clean(payload), f, indent=1)
        f.write("\n")
    print("wrote", name)


def expit(t):
    return 1.0 / (1.0 + np.exp(-t))


def design_for(points):
    """Intercept + x + treatment dummies, levels in order of first appearance (the Swift
    TrendDesign rule; these fixtures contain no aliased columns). Returns (rows, levels)."""
    axis_count = len(points[0][1])
    levels = [[] for _ in range(axis_count)]
    for _, cov in points:
        for a, label in enumerate(cov):
            if label not in levels[a]:
                levels[a].append(label)

    def row(x, cov):
        r = [1.0, float(x)]
        for a in range(axis_count):
            for label in levels[a][1:]:
                r.append(1.0 if cov[a] == label else 0.0)
        return r

    return row, levels


def combinations_of(observations):
    seen = []
    for _, cov, _ in observations:
        if list(cov) not in seen:
            seen.append(list(cov))
    return seen


def firth_numpy(X, y, tol=1e-12, max_iter=500):
    """Firth logistic regression by Newton steps beta += I^-1 U* with step-halving on the
    penalized log-likelihood; an independent cross-check of firthmodels."""
    beta = np.zeros(X.shape[1])

    def quantities(b):
        eta = X @ b
        p = expit(eta)
        w = p * (1 - p)
        info = X.T @ (X * w[:, None])
        sign, logdet = np.linalg.slogdet(info)
        ll = np.sum(y * -np.logaddexp(0, -eta) + (1 - y) * -np.logaddexp(0, eta)) + 0.5 * logdet
        h = w * np.einsum("ij,jk,ik->i", X, np.linalg.inv(info), X)
        score = X.T @ (y - p + h * (0.5 - p))
        return ll, score, info

    ll, score, info = quantities(beta)
    for _ in range(max_iter):
        step = np.linalg.solve(info, score)
        if np.max(np.abs(score)) < tol and np.max(np.abs(step)) < 1e-8:
            return beta, ll
        if np.max(np.abs(step)) > 5:
            step *= 5 / np.max(np.abs(step))
        factor = 1.0
        for _ in range(40):
            cand = beta + factor * step
            c_ll, c_score, c_info = quantities(cand)
            if c_ll >= ll - 1e-13 * max(1, abs(ll)):
                break
            factor /= 2
        beta, ll, score, info = cand, c_ll, c_score, c_info
    raise RuntimeError("firth_numpy did not converge")


def firthmodels_single_class(X, y):
    """firthmodels' estimator refuses data with one class (sklearn convention), even with a
    zero-weight row of the other class. Its own Newton solver and likelihood routine accept
    such data, so call them directly (the same code path `fit` uses with backend "numpy")."""
    from firthmodels._solvers import newton_raphson
    from firthmodels.logistic import _Workspace, compute_logistic_quantities

    n, k = X.shape
    workspace = _Workspace(n=n, k=k)
    X = np.asfortranarray(X, dtype=np.float64)

    def quantities(beta):
        return compute_logistic_quantities(
            X=X, y=y.astype(np.float64), beta=beta, sample_weight=np.ones(n),
            offset=np.zeros(n), workspace=workspace, penalty_weight=0.5)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = newton_raphson(quantities, n_features=k, max_iter=100, max_step=5.0,
                                max_halfstep=25, gtol=1e-10, xtol=1e-10)
    bse = np.sqrt(np.diag(np.linalg.inv(result.fisher_info)))
    return np.asarray(result.beta, dtype=float), float(result.loglik), bse


def firth_fit(X, y):
    """Firth reference values.

    firthmodels stalls at max|U*| of about 1e-8 on some data sets (its step-halving accepts
    only a non-decreasing penalized log-likelihood, which rounding stops near the optimum), so
    it is run with gtol = xtol = 1e-10 without insisting on its `converged_` flag, and
    `firth_numpy` (which reaches max|U*| < 1e-12) provides the tight reference coefficients.
    The two must agree to 1e-6 relative; the Swift tests compare against both.
    """
    if np.all(y == y[0]):
        library, library_loglik, library_bse = firthmodels_single_class(X, y)
    else:
        model = FirthLogisticRegression(fit_intercept=False, gtol=1e-10, xtol=1e-10, max_iter=100)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(X, y)
        library = np.asarray(model.coef_, dtype=float)
        library_loglik, library_bse = float(model.loglik_), model.bse_
    beta, penalized_loglik = firth_numpy(X, y)
    assert np.allclose(library, beta, rtol=1e-6, atol=1e-8), (library, beta)
    p = expit(X @ beta)
    w = p * (1 - p)
    cov = np.linalg.inv(X.T @ (X * w[:, None]))
    # firthmodels' bse_ comes from the *augmented* information X'diag((1 + h)w)X (the
    # pseudo-data weights of its Newton step), not from I(beta) = X'WX that logistf's `var`
    # and the brief use. Confirm that reading at its own estimate, then keep X'WX.
    pl = expit(X @ library)
    wl = pl * (1 - pl)
    cov_l = np.linalg.inv(X.T @ (X * wl[:, None]))
    h = wl * np.einsum("ij,jk,ik->i", X, cov_l, X)
    augmented = np.linalg.inv(X.T @ (X * ((1 + h) * wl)[:, None]))
    assert np.allclose(np.sqrt(np.diag(augmented)), library_bse, rtol=1e-9, atol=0), "bse reading"
    assert abs(library_loglik - penalized_loglik) < 1e-9 * max(1, abs(penalized_loglik))
    return {
        "coefficients": beta,
        "covariance": cov,
        "log_likelihood": penalized_loglik,
        "firthmodels_coefficients": library,
        "firthmodels_log_likelihood": library_loglik,
        "firthmodels_augmented_bse": library_bse,
    }


def binary_effect(row, beta, cov, combos, x_min, x_max, level, constant=False):
    """Average over combinations of expit(eta(x_max)) - expit(eta(x_min)); delta-method SE."""
    grad = np.zeros(len(beta))
    effect = 0.0
    for cov_labels in combos:
        hi, lo = np.array(row(x_max, cov_labels)), np.array(row(x_min, cov_labels))
        p1, p0 = expit(hi @ beta), expit(lo @ beta)
        effect += p1 - p0
        grad += p1 * (1 - p1) * hi - p0 * (1 - p0) * lo
    effect /= len(combos)
    grad /= len(combos)
    se = math.sqrt(grad @ cov @ grad)
    if constant:
        effect = 0.0
    z = scipy.stats.norm.ppf(0.5 + level / 2)
    return effect, se, max(-1.0, effect - z * se), min(1.0, effect + z * se)


# ----------------------------------------------------------------------------- trend data sets

def trend_fixture(name, observations, binary, levels_to_check, with_mle):
    points = [(x, cov) for x, cov, _ in observations]
    row, axis_levels = design_for(points)
    X = np.array([row(x, cov) for x, cov in points])
    y = np.array([o[2] for o in observations], dtype=float)
    combos = combinations_of(observations)
    x_min, x_max = float(X[:, 1].min()), float(X[:, 1].max())
    constant = bool(np.all(y == y[0]))
    payload = {
        "name": name,
        "binary": binary,
        "observations": [{"x": x, "covariates": list(c), "y": yy} for x, c, yy in observations],
        "axis_levels": axis_levels,
        "design": X,
        "mle": None, "firth": None, "ols": None,
        "trend": [], "crossovers": [],
    }
    if binary:
        if with_mle:
            res = sm.Logit(y, X).fit(method="newton", tol=1e-14, maxiter=200, disp=0)
            payload["mle"] = {
                "coefficients": res.params, "covariance": res.cov_params(),
                "conf_int_95": res.conf_int(0.05), "log_likelihood": res.llf,
            }
        firth = firth_fit(X, y)
        payload["firth"] = firth
        beta, cov = firth["coefficients"], firth["covariance"]
    else:
        res = sm.OLS(y, X).fit()
        payload["ols"] = {
            "coefficients": res.params, "covariance": res.cov_params(),
            "conf_int_95": res.conf_int(0.05), "df_resid": int(res.df_resid), "scale": res.scale,
        }
        beta, cov, df = res.params, res.cov_params(), res.df_resid

    for level in levels_to_check:
        entry = {"level": level}
        se_slope = math.sqrt(cov[1][1])
        if binary:
            z = scipy.stats.norm.ppf(0.5 + level / 2)
            e, se, lo, hi = binary_effect(row, beta, cov, combos, x_min, x_max, level, constant)
            entry.update(slope=beta[1], slope_se=se_slope,
                         slope_lower=beta[1] - z * se_slope, slope_upper=beta[1] + z * se_slope)
        else:
            t = scipy.stats.t.ppf(0.5 + level / 2, df)
            width = x_max - x_min
            e, se = beta[1] * width, se_slope * width
            if constant:
                e = se = 0.0
            lo, hi = e - t * se, e + t * se
            entry.update(slope=beta[1], slope_se=se_slope,
                         slope_lower=beta[1] - t * se_slope, slope_upper=beta[1] + t * se_slope)
        entry.update(effect=e, se=se, lower=lo, upper=hi)
        entry["slices"] = [slice_effect(observations, c, binary, level) for c in combos]
        payload["trend"].append(entry)

    if binary:
        for c in combos:
            eta0 = np.array(row(0.0, c)) @ beta
            xs = -eta0 / beta[1]
            kind = "inside" if x_min <= xs <= x_max else ("below" if xs < x_min else "above")
            payload["crossovers"].append({"covariates": c, "kind": kind, "x": xs})
    write(name + ".json", payload)


def slice_effect(observations, combo, binary, level):
    members = [(x, yy) for x, c, yy in observations if list(c) == combo]
    xs = np.array([m[0] for m in members], dtype=float)
    y = np.array([m[1] for m in members], dtype=float)
    out = {"covariates": combo, "n": len(members)}
    if len(set(xs.tolist())) < 2:
        out["effect"] = None
        return out
    X = np.column_stack([np.ones_like(xs), xs])
    x_min, x_max = xs.min(), xs.max()
    constant = bool(np.all(y == y[0]))
    if binary:
        f = firth_fit(X, y)
        e, se, lo, hi = binary_effect(lambda x, c: [1.0, x], f["coefficients"], f["covariance"],
                                      [[]], x_min, x_max, level, constant)
    else:
        res = sm.OLS(y, X).fit()
        t = scipy.stats.t.ppf(0.5 + level / 2, res.df_resid)
        e = res.params[1] * (x_max - x_min)
        se = math.sqrt(res.cov_params()[1][1]) * (x_max - x_min)
        if constant:
            e = se = 0.0
        lo, hi = e - t * se, e + t * se
    out.update(effect=e, se=se, lower=lo, upper=hi)
    return out


def expand(cells):
    """cells: list of (x, covariates, ones, zeros) → observations interleaved cell by cell in a
    fixed pattern (1, 0, 1, 0, … then the remainder) so first appearance is non-trivial."""
    obs = []
    for x, cov, ones, zeros in cells:
        ys = []
        while ones or zeros:
            if ones:
                ys.append(1); ones -= 1
            if zeros:
                ys.append(0); zeros -= 1
        obs.extend((x, cov, y) for y in ys)
    return obs


def make_trend_fixtures():
    # (a) no separation: 3 x values (log2 N = 3, 4, 5) × 2 levels, 10 runs per cell.
    a = expand([
        (4.0, ["beam"], 6, 4), (3.0, ["greedy"], 2, 8), (5.0, ["greedy"], 7, 3),
        (3.0, ["beam"], 4, 6), (4.0, ["greedy"], 4, 6), (5.0, ["beam"], 9, 1),
    ])
    trend_fixture("logistic_a", a, True, [0.95, 0.99], with_mle=True)

    # (b) quasi-separation: all 0 at x = 0, all 1 at x = 2, mixed at x = 1.
    b = expand([(0.0, [], 0, 8), (1.0, [], 3, 5), (2.0, [], 8, 0)])
    trend_fixture("quasi_separated_b", b, True, [0.95], with_mle=False)

    # (c) all zero: 4 x values × 2 levels, 5 runs each (asymmetric counts on purpose).
    c = expand([(x, [lvl], 0, n) for x, n in [(0.0, 5), (0.5, 5), (1.0, 4), (1.5, 6)]
                for lvl in ["p", "q"]])
    trend_fixture("all_zero_c", c, True, [0.95], with_mle=False)

    # (d) OLS with two categorical covariates: x in 1..4, A in {a2, a1, a3}, B in {b1, b2};
    # y = 1 + 0.5x + A-effect + B-effect + noise (seed 20240611), rows in a shuffled order.
    rng = np.random.default_rng(20240611)
    a_eff = {"a1": 0.0, "a2": 0.8, "a3": -0.4}
    b_eff = {"b1": 0.0, "b2": 0.3}
    rows = [(x, [aa, bb]) for x in [1.0, 2.0, 3.0, 4.0] for aa in ["a2", "a1", "a3"]
            for bb in ["b1", "b2"]]
    order = rng.permutation(len(rows))
    d = []
    for i in order:
        x, cov = rows[i]
        y = 1 + 0.5 * x + a_eff[cov[0]] + b_eff[cov[1]] + rng.normal(0, 0.6)
        d.append((x, cov, round(float(y), 6)))
    trend_fixture("ols_d", d, False, [0.95, 0.99], with_mle=False)

    # (e) continuous, no covariates: x = log2 N in 4..8, 3 runs each (seed 7).
    rng = np.random.default_rng(7)
    e = [(float(x), [], round(float(2.0 - 0.25 * x + rng.normal(0, 0.3)), 6))
         for x in [4, 5, 6, 7, 8] for _ in range(3)]
    trend_fixture("continuous_e", e, False, [0.95, 0.99], with_mle=False)


# ----------------------------------------------------------------------------- bootstrap mirror

class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def index(self, n):
        return (self.next() * n) >> 64

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53


def inverted_cdf(sorted_values, q):
    """Type-1 percentile as in BootstrapPercentileInterval: v_(j), j = ceil(qB - 1e-9)."""
    j = math.ceil(q * len(sorted_values) - 1e-9)
    return sorted_values[min(max(j, 1), len(sorted_values)) - 1]


def percentile_interval(values, level):
    alpha = 1 - level
    lower = sorted(-math.inf if math.isnan(v) else v for v in values)
    upper = sorted(math.inf if math.isnan(v) else v for v in values)
    return inverted_cdf(lower, alpha / 2), inverted_cdf(upper, 1 - alpha / 2)


def points_of(observations):
    keys, members = [], []
    for i, (x, cov, _) in enumerate(observations):
        key = (x, tuple(cov))
        if key in keys:
            members[keys.index(key)].append(i)
        else:
            keys.append(key)
            members.append([i])
    return keys, members


def normal(gen):
    """Box-Muller from two uniforms, as SplitMix64.nextNormal."""
    u1 = gen.uniform()
    u2 = gen.uniform()
    return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def grouped_fit(keys, trials, successes):
    """The Firth fit of grouped counts: coefficients, covariance and the design row."""
    row, _ = design_for([(x, list(c)) for x, c in keys])
    X, y = [], []
    for (x, c), n, s in zip(keys, trials, successes):
        X += [row(x, list(c))] * n
        y += [1.0] * s + [0.0] * (n - s)
    result = firth_fit(np.array(X), np.array(y))
    return np.array(result["coefficients"]), np.array(result["covariance"]), row


def location(beta, row, xs, combo):
    """x* as TrendFit.crossover reads N*: inside, or +-inf when the share stays on one side of 1/2."""
    low = float(np.array(row(min(xs), combo)) @ beta)
    high = float(np.array(row(max(xs), combo)) @ beta)
    if low == 0 or high == 0:
        return math.nan
    if low < 0 and high < 0:       # below 1/2 throughout: N* above the range
        return math.inf
    if low > 0 and high > 0:       # above 1/2 throughout: N* below it
        return -math.inf
    if beta[1] <= 0:               # a downward crossing is no N* of a rising share
        return math.nan
    x_star = -(np.array(row(0.0, combo)) @ beta) / beta[1]
    return float(min(max(x_star, min(xs)), max(xs)))


def simulated(beta, chol, gen):
    """beta + L z with z standard normal (CrossoverBootstrap.simulate)."""
    z = np.array([normal(gen) for _ in range(len(beta))])
    return beta + chol @ z


def make_bootstrap_fixture():
    gen = SplitMix64(42)
    first_draws = [gen.next() for _ in range(5)]
    gen = SplitMix64(2024)
    indices = [gen.index(7) for _ in range(20)]
    uniforms = [SplitMix64(99).uniform()]

    # Single crossover: covariate-free, x in {0, 1, 2}, 6 runs per point.
    single = expand([(0.0, [], 1, 5), (1.0, [], 2, 4), (2.0, [], 5, 1)])
    keys, members = points_of(single)
    y = [o[2] for o in single]
    trials = [len(m) for m in members]
    counts = [sum(y[i] for i in m) for m in members]
    B, level, seed = 60, 0.9, 12345
    beta, cov, row = grouped_fit(keys, trials, counts)
    chol = np.linalg.cholesky(cov)
    xs = [k[0] for k in keys]
    gen = SplitMix64(seed)
    values = [location(simulated(beta, chol, gen), row, xs, []) for _ in range(B)]
    point = location(beta, row, xs, [])
    lo, hi = percentile_interval(values, level)

    # Difference of crossovers along axis 0 (levels "small" then "large"), other axis "k".
    diff_obs = expand([
        (0.0, ["small", "k"], 1, 4), (1.0, ["small", "k"], 3, 2), (2.0, ["small", "k"], 4, 1),
        (0.0, ["large", "k"], 0, 5), (1.0, ["large", "k"], 2, 3), (2.0, ["large", "k"], 4, 1),
    ])
    keys2, members2 = points_of(diff_obs)
    y2 = [o[2] for o in diff_obs]
    trials2 = [len(m) for m in members2]
    full = [sum(y2[i] for i in m) for m in members2]

    def part(label):
        idx = [j for j, k in enumerate(keys2) if k[1][0] == label]
        sub_keys = [(keys2[j][0], keys2[j][1][1:]) for j in idx]
        b, c, r = grouped_fit(sub_keys, [trials2[j] for j in idx], [full[j] for j in idx])
        return b, np.linalg.cholesky(c), r, [k[0] for k in sub_keys]

    B2, level2, seed2 = 40, 0.8, 777
    small, large = part("small"), part("large")
    gen = SplitMix64(seed2)
    diffs = []
    for _ in range(B2):
        a = simulated(small[0], small[1], gen)
        b = simulated(large[0], large[1], gen)
        diffs.append(location(b, large[2], large[3], ["k"]) - location(a, small[2], small[3], ["k"]))
    d_lo, d_hi = percentile_interval(diffs, level2)
    point2 = location(large[0], large[2], large[3], ["k"]) - location(small[0], small[2], small[3], ["k"])

    # Percentile definition check against numpy on a finite list.
    rng = np.random.default_rng(5)
    sample = rng.normal(size=37)
    qs = [0.005, 0.025, 0.05, 0.1, 0.5, 0.9, 0.95, 0.975, 0.995]
    numpy_pct = [float(np.percentile(sample, 100 * q, method="inverted_cdf")) for q in qs]
    mine = [inverted_cdf(sorted(sample.tolist()), q) for q in qs]
    assert numpy_pct == mine, (numpy_pct, mine)

    write("bootstrap.json", {
        "splitmix_seed42_first5": [str(v) for v in first_draws],
        "splitmix_seed2024_index7": indices,
        "splitmix_seed99_uniform": uniforms,
        "single": {
            "observations": [{"x": x, "covariates": c, "y": yy} for x, c, yy in single],
            "replicates": B, "level": level, "seed": seed,
            "point": point, "values": values, "lower": lo, "upper": hi,
        },
        "difference": {
            "observations": [{"x": x, "covariates": c, "y": yy} for x, c, yy in diff_obs],
            "axis": 0, "first": "small", "last": "large", "covariates": ["k"],
            "replicates": B2, "level": level2, "seed": seed2,
            "point": point2,
            "values": diffs, "lower": d_lo, "upper": d_hi,
        },
        "percentile_check": {"sample": sample, "probabilities": qs, "numpy_inverted_cdf": numpy_pct},
    })


# ----------------------------------------------------------------------------- small distributions

def make_distribution_fixture():
    wilson = []
    for s, n, level in [(0, 10, 0.95), (3, 10, 0.95), (10, 10, 0.95), (17, 40, 0.99),
                        (1, 3, 0.8), (250, 1000, 0.999)]:
        lo, hi = proportion_confint(s, n, alpha=1 - level, method="wilson")
        wilson.append({"successes": s, "trials": n, "level": level, "lower": lo, "upper": hi})
    t = [{"p": p, "df": df, "quantile": float(scipy.stats.t.ppf(p, df))}
         for p in [0.9, 0.975, 0.995, 0.9975] for df in [1, 2, 3, 7, 20, 117]]
    z = [{"p": p, "quantile": float(scipy.stats.norm.ppf(p))}
         for p in [0.001, 0.025, 0.5, 0.9, 0.975, 0.995, 0.999]]
    write("distributions.json", {"wilson": wilson, "student_t": t, "normal": z})


# ----------------------------------------------------------------------------- levels at the bounds

def make_clopper_pearson_fixture():
    """scipy.stats.binomtest(k, n).proportion_ci(confidence_level, method="exact")."""
    cases = []
    for k, n, level in [(0, 8, 0.95), (0, 12, 0.95), (1, 12, 0.95), (6, 12, 0.95), (12, 12, 0.95),
                        (0, 48, 0.9833333333333333), (3, 48, 0.9833333333333333),
                        (47, 48, 0.9875), (0, 192, 0.99), (17, 40, 0.99), (1, 3, 0.8),
                        (250, 1000, 0.999), (999, 1000, 0.95)]:
        ci = scipy.stats.binomtest(k, n).proportion_ci(confidence_level=level, method="exact")
        cases.append({"successes": k, "trials": n, "level": level, "lower": ci.low, "upper": ci.high})
    write("clopper_pearson.json", {"cases": cases})


def load_confseq():
    """confseq 0.0.11 (PyPI, Howard & Waudby-Smith): its C++ extension needs Boost, but
    `confseq.betting` is pure Python, so the sdist's src/ folder is put on the path:

        pip download confseq==0.0.11 --no-deps --no-binary :all:   (or unpack the sdist)
        CONFSEQ_SRC=/path/to/confseq-0.0.11/src python3 make_fixtures.py

    It predates NumPy 2 (`np.float_` in its type hints), hence the alias."""
    import sys
    src = os.environ.get("CONFSEQ_SRC")
    if src:
        sys.path.insert(0, src)
    if not hasattr(np, "float_"):
        np.float_ = np.float64
    from confseq.betting import hedged_cs
    return hedged_cs


def make_betting_fixture():
    """The hedged-capital confidence sequence (Waudby-Smith & Ramdas 2023) from its reference
    implementation, `confseq.betting.hedged_cs` with its defaults (theta 1/2, truncation 1/2,
    1000 grid steps, running intersection)."""
    hedged_cs = load_confseq()
    rng = np.random.default_rng(20261206)
    zero_inflated = np.where(rng.random(48) < 0.73, 0.0, rng.beta(2, 5, 48)).round(4)
    skewed = (rng.beta(0.3, 4, 60)).round(4)
    cases = [
        ("all zeros", np.zeros(48), 0.05),
        ("all ones", np.ones(24), 0.05),
        ("zero-inflated", zero_inflated, 0.05),
        ("zero-inflated, 1 - alpha/3", zero_inflated, 0.05 / 3),
        ("skewed", skewed, 0.05),
        ("coin", (rng.random(40) < 0.5).astype(float), 0.05),
        ("uniform", rng.random(30).round(4), 0.01),
    ]
    out = []
    for name, x, alpha in cases:
        lower, upper = hedged_cs(np.array(x, dtype=float), alpha=alpha)
        out.append({"name": name, "values": list(map(float, x)), "level": 1 - alpha,
                    "lower": list(map(float, lower)), "upper": list(map(float, upper))})
    write("betting_cs.json", {"cases": out})


def make_cr2_fixture():
    """CR2 cluster-robust covariance (Bell & McCaffrey 2002) of an OLS fit, in plain numpy: the
    bread (X'X)^-1 from numpy.linalg.inv, A_g = (I - H_gg)^(-1/2) from numpy.linalg.eigh. Worlds
    shared across five points with a world effect, as runs at one repetition share a world."""
    rng = np.random.default_rng(22)
    worlds, xs = 9, [0.0, 1.0, 2.0, 3.0, 4.0]
    effects = rng.normal(0, 0.5, worlds)
    rows, ys, clusters, covariates = [], [], [], []
    for g in range(worlds):
        for x in xs:
            label = "a" if (g + int(x)) % 2 == 0 else "b"
            rows.append([1.0, x, 1.0 if label == "b" else 0.0])
            ys.append(round(0.3 * x + effects[g] + rng.normal(0, 0.3), 6))
            clusters.append(g)
            covariates.append(label)
    X, y = np.array(rows), np.array(ys)
    bread = np.linalg.inv(X.T @ X)
    beta = bread @ X.T @ y
    meat = np.zeros((3, 3))
    for g in range(worlds):
        idx = [i for i, c in enumerate(clusters) if c == g]
        Xg, eg = X[idx], y[idx] - X[idx] @ beta
        w, v = np.linalg.eigh(np.eye(len(idx)) - Xg @ bread @ Xg.T)
        root = v @ np.diag([1 / np.sqrt(a) if a > 1e-12 else 0.0 for a in w]) @ v.T
        u = Xg.T @ root @ eg
        meat += np.outer(u, u)
    cov = bread @ meat @ bread
    write("cr2.json", {"x": [r[1] for r in rows], "covariates": covariates, "y": ys, "worlds": clusters,
                       "coefficients": beta, "covariance": cov, "df": worlds - 1,
                       "slope_interval_95": [beta[1] - scipy.stats.t.ppf(0.975, worlds - 1) * np.sqrt(cov[1, 1]),
                                             beta[1] + scipy.stats.t.ppf(0.975, worlds - 1) * np.sqrt(cov[1, 1])]})


if __name__ == "__main__":
    make_trend_fixtures()
    make_bootstrap_fixture()
    make_distribution_fixture()
    make_clopper_pearson_fixture()
    make_betting_fixture()
    make_cr2_fixture()
