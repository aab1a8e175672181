import MesaResults
/// Crossover points x* (fitted share = ½) of a binary trend, with a seeded simulation interval: a
/// parametric bootstrap from the fit's sampling distribution.
///
/// **Simulation** (identical on every machine; mirrored in
/// `Tests/MesaAnalysisTests/Statistics/make_fixtures.py`): from the Firth fit's coefficients β̂
/// and covariance Σ = I(β̂)⁻¹ with Cholesky factor L, a generator ``SplitMix64`` started at `seed`
/// draws, for each replicate b = 1…B, k standard normals z (``SplitMix64/nextNormal()``) and takes
/// β* = β̂ + L·z; x* is recomputed from β* (``TrendFit/crossover(covariates:)``).
///
/// Why not resample the runs: where every run at a point is 0 (or 1) — the usual picture near a
/// crossover, with a few seeds — resampling runs (or drawing new runs from the fitted shares)
/// reproduces the data almost every time, and the interval for N* collapses to a point (0/8 at
/// N = 8 and 8/8 at N = 32 gave "16–16"). Draws of β* carry the fit's own uncertainty, which
/// Firth's correction keeps finite under separation, so the interval widens where the runs say
/// little. This is the simulation form of the delta method for a ratio (King, Tomz and
/// Wittenberg 2000), and needs no refit per replicate.
///
/// Replicates are mapped to the extended real line (``CrossoverLocation/extendedValue``) and
/// summarized by ``BootstrapPercentileInterval`` (inverted-CDF percentiles; an end is open
/// when too many replicates fall beyond it). Cost O(B·k²).
package enum CrossoverBootstrap {
    /// The default number of replicates B: 4,000, so that the ends of a 98.33% interval are the
    /// 33rd and 3,967th order statistics (with 400 they were the 4th: one lower end ranged
    /// 1.24–1.82 over reruns with other seeds).
    package static let defaultReplicates = 4000

    /// x* for one covariate combination, with its simulation interval.
    ///
    /// - Parameters:
    ///   - observations: binary runs (y ∈ {0, 1}).
    ///   - covariates: the combination at which x* is evaluated (empty without other axes).
    ///   - rising: the predicted direction of the share (N* of search is a rising share's).
    ///   - level: the confidence level of the percentile interval.
    ///   - replicates: B ≥ 1.
    ///   - seed: the SplitMix64 seed.
    /// - Returns: nil when the fit fails, a label in `covariates` is unknown, or the arguments are
    ///   out of range (B < 1, level ∉ (0, 1)).
    package static func crossover(
        _ observations: [TrendObservation], covariates: [String], rising: Bool = true, level: Double,
        replicates: Int = defaultReplicates, seed: UInt64
    ) -> CrossoverEstimate? {
        guard replicates >= 1, level > 0, level < 1,
              let fit = TrendModel.fit(observations, binary: true),
              let location = fit.crossover(covariates: covariates, rising: rising),
              let factor = CholeskyFactorization(fit.covariance) else { return nil }
        var generator = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(replicates)
        for _ in 0..<replicates {
            let draw = simulate(fit, factor, using: &generator)
            values.append((draw.crossover(covariates: covariates, rising: rising) ?? .undefined).extendedValue)
        }
        guard let bootstrap = BootstrapPercentileInterval(replicates: values, level: level) else { return nil }
        return CrossoverEstimate(location: location, bootstrap: bootstrap, slope: fit.slopeCoefficient,
                                 xRange: fit.design.xRange,
                                 goodnessOfFit: GoodnessOfFit(fit: fit, observations: observations))
    }

    /// How x* moves along an axis B: x* from a separate Firth trend fit at each of B's values
    /// (B's column removed, the remaining axes kept as covariates, evaluated at `covariates`), then
    /// the least-squares slope of x* against B's value on its scale (`levels[i].b`), reported as
    /// the change across B's range, slope · (b_max − b_min). With two values it is x*_last − x*_first.
    ///
    /// Each replicate draws every fit's coefficients, in `levels` order, from one stream (the fits
    /// are of disjoint runs, so independent). On the extended real line the slope Σ wᵢx*ᵢ,
    /// wᵢ = (bᵢ − b̄)/Σ(bⱼ − b̄)², is ±∞ when every infinite term has that sign, and NaN
    /// (undefined) when infinite terms of both signs meet, a term is 0·∞, or some x* is undefined.
    ///
    /// - Returns: nil when a fit fails, the labels are unknown, `axis` is out of range, fewer than
    ///   two levels are given, or the arguments are out of range.
    package static func crossoverTrend(
        _ observations: [TrendObservation], axis: Int, levels: [(label: String, b: Double)],
        covariates: [String], rising: Bool = true, level: Double, replicates: Int = defaultReplicates, seed: UInt64
    ) -> CrossoverTrend? {
        guard replicates >= 1, level > 0, level < 1, levels.count >= 2,
              let axisCount = observations.first?.covariates.count, axis >= 0, axis < axisCount
        else { return nil }
        var parts: [(fit: TrendFit, factor: CholeskyFactorization, location: CrossoverLocation, runs: Int,
                     goodness: GoodnessOfFit?)] = []
        for (label, _) in levels {
            let members = observations.filter { $0.covariates[axis] == label }.map { observation in
                var others = observation.covariates
                others.remove(at: axis)
                return TrendObservation(x: observation.x, covariates: others, y: observation.y)
            }
            guard let fit = TrendModel.fit(members, binary: true),
                  let factor = CholeskyFactorization(fit.covariance),
                  let location = fit.crossover(covariates: covariates, rising: rising) else { return nil }
            parts.append((fit, factor, location, members.count, GoodnessOfFit(fit: fit, observations: members)))
        }
        let bs = levels.map(\.b)
        let mean = bs.reduce(0, +) / Double(bs.count)
        let spread = bs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard spread > 0, let bMin = bs.min(), let bMax = bs.max() else { return nil }
        // With two values the change is exactly x*_last − x*_first (no rounding from the weights).
        let weights = bs.count == 2 ? [-1.0, 1.0] : bs.map { ($0 - mean) / spread * (bMax - bMin) }
        var generator = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(replicates)
        var locations = [Double](repeating: 0, count: parts.count)
        for _ in 0..<replicates {
            for (i, part) in parts.enumerated() {
                let draw = simulate(part.fit, part.factor, using: &generator)
                locations[i] = (draw.crossover(covariates: covariates, rising: rising) ?? .undefined).extendedValue
            }
            values.append(extendedSum(locations, weights))
        }
        guard let bootstrap = BootstrapPercentileInterval(replicates: values, level: level) else { return nil }
        return CrossoverTrend(
            locations: parts.map(\.location), runs: parts.map(\.runs), slopes: parts.map(\.fit.slopeCoefficient), goodness: parts.map(\.goodness),
            change: extendedSum(parts.map(\.location.extendedValue), weights), bootstrap: bootstrap)
    }

    /// The shift of x* between two values of a categorical axis B, x*_last − x*_first: the
    /// `crossoverTrend` of the two.
    package static func crossoverDifference(
        _ observations: [TrendObservation], axis: Int, firstLevel: String, lastLevel: String,
        covariates: [String], level: Double, replicates: Int = defaultReplicates, seed: UInt64
    ) -> CrossoverDifference? {
        guard let trend = crossoverTrend(
            observations, axis: axis, levels: [(firstLevel, 0), (lastLevel, 1)], covariates: covariates,
            level: level, replicates: replicates, seed: seed) else { return nil }
        return CrossoverDifference(first: trend.locations[0], last: trend.locations[1], difference: trend.change,
                                   bootstrap: trend.bootstrap)
    }

    /// Σ wᵢxᵢ on the extended real line (see `crossoverTrend`).
    static func extendedSum(_ xs: [Double], _ weights: [Double]) -> Double {
        var finite = 0.0, positive = false, negative = false
        for (x, w) in zip(xs, weights) {
            if x.isNaN { return .nan }
            if x.isInfinite {
                if w == 0 { return .nan }
                if (x > 0) == (w > 0) { positive = true } else { negative = true }
            } else {
                finite += w * x
            }
        }
        if positive && negative { return .nan }
        return positive ? .infinity : negative ? -.infinity : finite
    }

    /// The fit with coefficients β̂ + L·z, z drawn standard normal. O(k²).
    static func simulate(_ fit: TrendFit, _ factor: CholeskyFactorization, using generator: inout SplitMix64) -> TrendFit {
        let z = (0..<fit.coefficients.count).map { _ in generator.nextNormal() }
        let shift = factor.lowerTimes(z)
        return TrendFit(design: fit.design, coefficients: zip(fit.coefficients, shift).map { $0 + $1 },
                        covariance: fit.covariance, isBinary: true, residualDegreesOfFreedom: nil)
    }
}
