import MesaResults
/// The test behind "metric M rises along axis A".
///
/// Model: η = β₀ + β_x·x + Σ dummy columns of the other axes (``TrendDesign``). A binary metric
/// is fitted by Firth logistic regression, always, so that separation (all 0 at one end, all 1
/// at the other) gives finite estimates; a continuous metric by OLS. The reported effect is
/// the fitted change across the swept range (``TrendFit/effect(level:)``).
package enum TrendModel {
    /// Fits the model.
    ///
    /// Binary data are grouped by distinct (x, covariates) point and fitted with frequency
    /// weights, which gives exactly the fit of the ungrouped data in O(points·k²) per step.
    ///
    /// - Returns: nil for invalid observations (see ``TrendObservation``; binary y must be 0 or
    ///   1), fewer than two distinct x values, a slope that is not estimable, an OLS fit
    ///   without residual degrees of freedom, or a Firth fit that did not converge.
    package static func fit(_ observations: [TrendObservation], binary: Bool) -> TrendFit? {
        guard let points = TrendPoints(observations, binary: binary),
              let design = TrendDesign(points: points.keys) else { return nil }
        if binary {
            let successes = points.sums
            return fitBinary(design: design, points: points.keys, trials: points.counts, successes: successes)
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(observations.count)
        for observation in observations {
            guard let row = design.row(x: observation.x, covariates: observation.covariates) else { return nil }
            rows.append(row)
        }
        let outcomes = observations.map(\.y)
        guard let ols = LeastSquares.fit(design: rows, outcomes: outcomes) else { return nil }
        // Runs of one world at several points: CR2 standard errors clustered by world, G − 1 df.
        if let worlds = sharedWorlds(observations),
           let robust = ClusterRobustCovariance.cr2(design: rows, outcomes: outcomes, coefficients: ols.coefficients,
                                                    clusters: worlds.ids) {
            var fit = TrendFit(design: design, coefficients: ols.coefficients, covariance: robust,
                               isBinary: false, residualDegreesOfFreedom: worlds.count - 1)
            fit.worldClusters = worlds.count
            return fit
        }
        return TrendFit(
            design: design, coefficients: ols.coefficients, covariance: ols.covariance,
            isBinary: false, residualDegreesOfFreedom: ols.residualDegreesOfFreedom)
    }

    /// The worlds of `observations` when every one has a world, there are at least two, and some
    /// world has runs at two or more distinct design points (the fit pools points that share it).
    static func sharedWorlds(_ observations: [TrendObservation]) -> (ids: [Int], count: Int)? {
        var ids: [Int] = []
        var points: [Int: Set<TrendPoints.Key>] = [:]
        for observation in observations {
            guard let world = observation.world else { return nil }
            ids.append(world)
            points[world, default: []].insert(TrendPoints.Key(x: observation.x, covariates: observation.covariates))
        }
        guard points.count >= 2, points.values.contains(where: { $0.count > 1 }) else { return nil }
        return (ids, points.count)
    }

    /// The Firth fit of grouped binary data: point j has `trials[j]` runs of which
    /// `successes[j]` were 1. Used by ``fit(_:binary:)``.
    static func fitBinary(
        design: TrendDesign, points: [TrendPoints.Key], trials: [Double], successes: [Double]
    ) -> TrendFit? {
        var rows: [[Double]] = []
        rows.reserveCapacity(points.count)
        for point in points {
            guard let row = design.row(x: point.x, covariates: point.covariates) else { return nil }
            rows.append(row)
        }
        let shares = zip(successes, trials).map { $1 > 0 ? $0 / $1 : 0 }
        guard let logistic = LogisticRegression.fit(
            design: rows, outcomes: shares, weights: trials, firth: true),
            logistic.converged else { return nil }
        return TrendFit(
            design: design, coefficients: logistic.coefficients, covariance: logistic.covariance,
            isBinary: true, residualDegreesOfFreedom: nil)
    }

    /// Fits the model and reports the effect, the slope, and one separate fit per covariate
    /// combination.
    ///
    /// When every y is the same (all 0, all 1, or one constant real) the effect is exactly 0:
    /// for a binary metric its interval is 0 ± z·SE with the delta-method SE of the (finite)
    /// Firth fit, clipped to [−1, 1]; for a continuous metric SE = 0 and the interval is the
    /// single point [0, 0] (the data show no variation at all), and the slope is reported as
    /// exactly 0 with the same zero-width interval. The same rule applies to each slice.
    ///
    /// - Parameters:
    ///   - observations: the runs.
    ///   - binary: whether y is a 0/1 metric.
    ///   - level: the confidence level, e.g. 0.95.
    /// - Returns: nil when ``fit(_:binary:)`` fails or `level` is not in (0, 1).
    package static func analyze(
        _ observations: [TrendObservation], binary: Bool, level: Double
    ) -> TrendEffect? {
        guard level > 0, level < 1, let fit = fit(observations, binary: binary) else { return nil }
        let (effect, slope, constant) = estimates(fit: fit, observations: observations, level: level)

        var sliceOrder: [[String]] = []
        var sliceMembers: [[String]: [TrendObservation]] = [:]
        for observation in observations {
            let key = observation.covariates
            if sliceMembers[key] == nil { sliceOrder.append(key) }
            sliceMembers[key, default: []].append(TrendObservation(x: observation.x, y: observation.y, world: observation.world))
        }
        let slices = sliceOrder.map { key -> TrendSlice in
            let members = sliceMembers[key] ?? []
            let sliceFit = Set(members.map(\.x)).count >= 2 ? self.fit(members, binary: binary) : nil
            let sliceEffect = sliceFit.map { estimates(fit: $0, observations: members, level: level).effect }
            return TrendSlice(covariates: key, observationCount: members.count, effect: sliceEffect)
        }
        var result = TrendEffect(
            effect: effect, slope: slope, observationCount: observations.count,
            xRange: fit.design.xRange, outcomesAreConstant: constant, slices: slices)
        result.worldClusters = fit.worldClusters
        return result
    }

    /// Effect and slope of a fit, with the all-outcomes-identical rule applied.
    private static func estimates(
        fit: TrendFit, observations: [TrendObservation], level: Double
    ) -> (effect: EffectEstimate, slope: EffectEstimate, constant: Bool) {
        let first = observations.first?.y
        let constant = observations.allSatisfy { $0.y == first }
        guard constant else { return (fit.effect(level: level), fit.slope(level: level), false) }
        if fit.isBinary {
            let se = fit.binaryEffectAndStandardError().standardError
            let interval = TrendFit.clippedNormalInterval(estimate: 0, standardError: se, level: level)
            return (EffectEstimate(estimate: 0, standardError: se, interval: interval),
                    fit.slope(level: level), true)
        }
        let zero = EffectEstimate(
            estimate: 0, standardError: 0, interval: ConfidenceInterval(lower: 0, upper: 0, level: level))
        return (zero, zero, true)
    }
}
