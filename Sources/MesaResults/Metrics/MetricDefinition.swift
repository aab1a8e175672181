/// What one metric is: the registry entry of `Metric.definition`.
public struct MetricDefinition: Sendable, Hashable {
    /// The values a run's metric takes.
    public enum ValueType: String, Sendable, Hashable {
        /// 0 or 1 per run; summarised as a share with the Wilson interval.
        case flag
        /// A whole number (counts, parameters, steps, weights); written without a fraction.
        case integer
        /// A real number; summarised as a mean with the Student-t interval.
        case real
    }

    /// The values the metric can take, where the model bounds it; summary intervals are clipped
    /// to them.
    public enum Bounds: Sendable, Hashable {
        /// [0, 1]: flags, shares, rates, posteriors.
        case unit
        /// (−∞, 1]: a score (a run can end farther from the goal than it started).
        case score
        /// [0, ∞): counts, bits, parameters, loss.
        case nonNegative
        /// [−1, 1]: an objective weight.
        case weight
        /// Differences of losses or scores.
        case unbounded

        /// The range itself.
        public var range: ClosedRange<Double> {
            switch self {
            case .unit: return 0...1
            case .score: return -Double.infinity...1
            case .nonNegative: return 0...Double.infinity
            case .weight: return -1...1
            case .unbounded: return -Double.infinity...Double.infinity
            }
        }

        /// Whether both ends are finite (a bounded metric has a default equivalence margin).
        public var isBounded: Bool { range.lowerBound.isFinite && range.upperBound.isFinite }
    }

    /// The equivalence margin of a trend when the `expect` line sets none (SCIENCE.md §6): 0.2 in
    /// share for a 0/1 metric, 10% of the range for another bounded metric; nil for an unbounded
    /// metric, whose `expect` line must say `by at_least …`.
    public var defaultMargin: Double? {
        if valueType == .flag { return 0.2 }
        guard bounds.isBounded else { return nil }
        return 0.1 * (bounds.range.upperBound - bounds.range.lowerBound)
    }

    /// Which runs record the metric.
    public enum Presence: String, Sendable, Hashable {
        case everyRun = "every run"
        case exact = "`exact` runs"
        case hillClimbDetectorRemoved = "`hill_climb` runs whose detector was removed"
        case detectorClass = "runs whose class has a detector (a `deception` block)"
        case detectorFiringInTraining = "runs whose final model carries a detector that fires on a training instance"
        case searchMachinery = "runs whose model has search machinery"
        case hillClimbTractable = "`hill_climb` runs whose class the exact decomposition solves exactly: `encoding direct`, `loops 0`, `memory none`, within the size limit (docs/model.md)"
        case hillClimbDetectorCompleted = "`hill_climb` runs whose detector was completed during the climb"
        case hillClimbDetectorBroken = "`hill_climb` runs whose complete detector was broken during the climb"
        case hillClimbGapSkipped = "`hill_climb` runs whose class the exact decomposition solves but whose solve `training.optimality_gap auto` skipped as too costly"
        case detectorClassTractable = "runs whose class has a detector: `exact` runs, and `hill_climb` runs where the decomposition is exact (as for `optimality_gap`)"
        case regression = "every run of the regression world"
        case regressionPool = "regression runs with a finite pool (`instances` not `infinite`)"
        case twoCircuit = "regression runs of the `two_circuit` learner"
        case teacher = "every run of the teacher world"
        case teacherInstalled = "teacher runs whose behaviour was installed in phase 1 (`installed` 1)"
        case teacherInputTrigger = "teacher runs of the `input` trigger"
    }

    public var valueType: ValueType
    public var bounds: Bounds
    public var presence: Presence
    /// Whether the per-point summary holds it (and so whether an `expect` line may name it).
    public var isSummarized: Bool
    /// One line for the docs table and the reports.
    public var summary: String
    /// How a sentence names it: "the share of runs selecting search".
    public var phrase: String
    /// The smallest difference the metric can show, in its own unit: 1 for a whole number, 0.001
    /// for a share or score, less for a loss (whose penalties are small fractions). No interval of
    /// the metric (summary, level or trend) is narrower than it: runs that all give the same value
    /// say the mean is within the resolution of it, never that it is exactly that value (twelve
    /// zeros must not show `at_most 0.0001`).
    public var resolution: Double
    /// The worlds whose runs can record it (`mesascope metrics` lists them; `results.csv` has a
    /// column for each metric of the scenario's world).
    public var worlds: Set<World>

    public init(_ valueType: ValueType, bounds: Bounds, presence: Presence, isSummarized: Bool = true,
                resolution: Double? = nil, summary: String, phrase: String, worlds: Set<World> = [.maze]) {
        self.worlds = worlds
        self.valueType = valueType
        self.bounds = bounds
        self.presence = presence
        self.isSummarized = isSummarized
        self.resolution = resolution ?? (valueType == .integer ? 1 : 0.001)
        self.summary = summary
        self.phrase = phrase
    }

    /// `interval` (lo, hi around `mean`) widened to the resolution where it is narrower: centred on
    /// the mean, then shifted back inside `range` (the metric's bounds unless given: a change
    /// across an axis has none).
    public func floored(mean: Double, lo: Double, hi: Double, within range: ClosedRange<Double>? = nil) -> (lo: Double, hi: Double) {
        guard hi - lo < resolution, mean.isFinite else { return (lo, hi) }
        var (low, high) = (min(lo, mean - resolution / 2), max(hi, mean + resolution / 2))
        if high - low < resolution { high = low + resolution }
        let range = range ?? bounds.range
        if low < range.lowerBound { (low, high) = (range.lowerBound, range.lowerBound + resolution) }
        if high > range.upperBound { (low, high) = (range.upperBound - resolution, range.upperBound) }
        return (low, high)
    }

    /// Whether the metric's values lie in [0, 1] and are not 0/1 flags: its levels are decided by
    /// the betting confidence sequence.
    public var isUnitFraction: Bool { valueType != .flag && bounds == .unit }

    /// Whether the per-run value is 0/1 (a share across runs).
    public var isFlag: Bool { valueType == .flag }
}
