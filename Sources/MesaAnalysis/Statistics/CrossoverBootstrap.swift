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
    /// The default number of replicates B.
    package static let defaultReplicates = 400

    /// x* for one covariate combination, with its simulation interval.
    ///
    /// - Parameters:
    ///   - observations: binary runs (y ∈ {0, 1}).
    ///   - covariates: the combination at which x* is evaluated (empty without other axes).
    ///   - level: the confidence level of the percentile interval.
    ///   - replicates: B ≥ 1.
    ///   - seed: the SplitMix64 seed.
    /// - Returns: nil when the fit fails, a label in `covariates` is unknown, or the arguments are
    ///   out of range (B < 1, level ∉ (0, 1)).
    package static func crossover(
        _ observations: [TrendObservation], covariates: [String], level: Double,
        replicates: Int = defaultReplicates, seed: UInt64
    ) -> CrossoverEstimate? {
        guard replicates >= 1, level > 0, level < 1,
              let fit = TrendModel.fit(observations, binary: true),
              let location = fit.crossover(covariates: covariates),
              let factor = CholeskyFactorization(fit.covariance) else { return nil }
        var generator = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(replicates)
        for _ in 0..<replicates {
            let draw = simulate(fit, factor, using: &generator)
            values.append((draw.crossover(covariates: covariates) ?? .undefined).extendedValue)
        }
        guard let bootstrap = BootstrapPercentileInterval(replicates: values, level: level) else { return nil }
        return CrossoverEstimate(location: location, bootstrap: bootstrap, slope: fit.slopeCoefficient,
                                 xRange: fit.design.xRange)
    }

    /// The shift of x* along a categorical axis B: x*_last − x*_first, where each x* comes from
    /// a separate Firth trend fit on the observations with B = `firstLevel` / `lastLevel`
    /// (B's column removed, the remaining axes kept as covariates), evaluated at `covariates`
    /// (labels of the remaining axes; empty when B is the only other axis).
    ///
    /// Each replicate draws the first fit's coefficients, then the last's, from one stream (the two
    /// fits are of disjoint runs, so independent). Differences are taken on the extended real line
    /// (e.g. +∞ − x = +∞; ±∞ − ±∞ of the same sign and anything undefined give NaN).
    ///
    /// - Returns: nil when either fit fails, the labels are unknown, `axis` is out of range, or
    ///   the arguments are out of range.
    package static func crossoverDifference(
        _ observations: [TrendObservation], axis: Int, firstLevel: String, lastLevel: String,
        covariates: [String], level: Double, replicates: Int = defaultReplicates, seed: UInt64
    ) -> CrossoverDifference? {
        guard replicates >= 1, level > 0, level < 1,
              let axisCount = observations.first?.covariates.count, axis >= 0, axis < axisCount
        else { return nil }
        /// The fit of one B level, B's label removed.
        func part(_ label: String) -> (fit: TrendFit, factor: CholeskyFactorization)? {
            let members = observations.filter { $0.covariates[axis] == label }.map { observation in
                var others = observation.covariates
                others.remove(at: axis)
                return TrendObservation(x: observation.x, covariates: others, y: observation.y)
            }
            guard let fit = TrendModel.fit(members, binary: true),
                  let factor = CholeskyFactorization(fit.covariance) else { return nil }
            return (fit, factor)
        }
        guard let first = part(firstLevel), let last = part(lastLevel),
              let firstLocation = first.fit.crossover(covariates: covariates),
              let lastLocation = last.fit.crossover(covariates: covariates) else { return nil }
        var generator = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(replicates)
        for _ in 0..<replicates {
            let a = simulate(first.fit, first.factor, using: &generator)
            let b = simulate(last.fit, last.factor, using: &generator)
            let x0 = (a.crossover(covariates: covariates) ?? .undefined).extendedValue
            let x1 = (b.crossover(covariates: covariates) ?? .undefined).extendedValue
            values.append(x1 - x0)
        }
        guard let bootstrap = BootstrapPercentileInterval(replicates: values, level: level) else { return nil }
        return CrossoverDifference(
            first: firstLocation, last: lastLocation,
            difference: lastLocation.extendedValue - firstLocation.extendedValue,
            bootstrap: bootstrap)
    }

    /// The fit with coefficients β̂ + L·z, z drawn standard normal. O(k²).
    static func simulate(_ fit: TrendFit, _ factor: CholeskyFactorization, using generator: inout SplitMix64) -> TrendFit {
        let z = (0..<fit.coefficients.count).map { _ in generator.nextNormal() }
        let shift = factor.lowerTimes(z)
        return TrendFit(design: fit.design, coefficients: zip(fit.coefficients, shift).map { $0 + $1 },
                        covariance: fit.covariance, isBinary: true, residualDegreesOfFreedom: nil)
    }
}
