import MesaResults
/// One measured run for the trend model: the swept axis value, the other settings, the metric.
package struct TrendObservation: Sendable, Hashable {
    /// The value on the tested axis, already on the chart's scale (e.g. log₂ N).
    package var x: Double
    /// The values of the other swept settings as categorical labels, one per other axis, in
    /// a fixed axis order shared by all observations (may be empty).
    package var covariates: [String]
    /// The metric: 0 or 1 for a binary metric, any finite real otherwise.
    package var y: Double
    /// The run's world (its repetition, with the scenario seed): runs of one world at different
    /// points are not independent, and least squares clusters its standard errors by it. Nil when
    /// unknown.
    package var world: Int?

    package init(x: Double, covariates: [String] = [], y: Double, world: Int? = nil) {
        self.x = x
        self.covariates = covariates
        self.y = y
        self.world = world
    }
}

/// Observations grouped by distinct design point (x, covariates), in order of first
/// appearance. Grouping makes binary fits O(points) instead of O(observations) and is the
/// stratification of the crossover bootstrap. Built in O(n) with a hash lookup whose order
/// never leaks: the groups' order is the observations' order.
struct TrendPoints: Sendable {
    struct Key: Hashable {
        var x: Double
        var covariates: [String]
    }

    /// The distinct points.
    var keys: [Key] = []
    /// Indices into the observation array, per point, in observation order.
    var members: [[Int]] = []
    /// Σ y per point.
    var sums: [Double] = []

    /// Validates and groups. Nil for no observations, a non-finite x or y, a binary metric
    /// with y ∉ {0, 1}, or observations with different numbers of covariates.
    init?(_ observations: [TrendObservation], binary: Bool) {
        guard let axisCount = observations.first?.covariates.count else { return nil }
        var index: [Key: Int] = [:]
        for (i, observation) in observations.enumerated() {
            guard observation.x.isFinite, observation.y.isFinite,
                  observation.covariates.count == axisCount,
                  !binary || observation.y == 0 || observation.y == 1 else { return nil }
            let key = Key(x: observation.x, covariates: observation.covariates)
            if let j = index[key] {
                members[j].append(i)
                sums[j] += observation.y
            } else {
                index[key] = keys.count
                keys.append(key)
                members.append([i])
                sums.append(observation.y)
            }
        }
    }

    /// Observations per point.
    var counts: [Double] { members.map { Double($0.count) } }
}
