/// A prediction a scenario states in its `expect` block, checked against the runs when the report
/// is rendered: the report says whether the numbers show it, contradict it, or cannot tell.
///
/// ```
/// expect {
///   mesa_optimizer rises along instances
///   search_bits rises along instances by at_least 0.5
///   mesa_optimizer at_most 0.2 at instances 1
///   crossover instances rises along parameters
/// }
/// ```
///
/// Stored in `results.json` (`predictions`) so that `render` can check them again.
public struct Prediction: Sendable, Hashable, Codable {
    /// What is predicted.
    public enum Claim: Sendable, Hashable {
        /// The metric rises (or falls) along `axis`.
        case trend(metric: Metric, direction: Direction, axis: String)
        /// The metric is at most / at least `value` at every matching point.
        case level(metric: Metric, bound: Bound, value: Double)
        /// N*, the value of the numeric `axis` where the share of runs selecting search reaches
        /// one half, rises (or falls) along `along`.
        case crossover(axis: String, direction: Direction, along: String)
    }

    public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
        case rises, falls
    }

    public enum Bound: String, Sendable, Hashable, CaseIterable, Codable {
        case atMost = "at_most"
        case atLeast = "at_least"
    }

    /// Restricts a claim to the points where a swept axis has one value (`at instances 1`).
    public struct Filter: Sendable, Hashable, Codable {
        /// The axis, as `block.key`.
        public var axis: String
        /// The value as the scenario language writes it.
        public var value: String

        public init(axis: String, value: String) {
            self.axis = axis
            self.value = value
        }
    }

    public var claim: Claim
    public var filters: [Filter]
    /// The statement as written (`mesa_optimizer rises along instances`), for the report.
    public var text: String
    /// The equivalence margin of a trend or crossover claim, when the statement sets it
    /// (`… by at_least 0.3`): the smallest effect that counts (docs/statistics.md). Without it the
    /// metric's default margin applies (`MetricDefinition.defaultMargin`).
    public var margin: Double?

    public init(claim: Claim, filters: [Filter], text: String, margin: Double? = nil) {
        self.claim = claim
        self.filters = filters
        self.text = text
        self.margin = margin
    }

    /// The statement key of a crossover claim.
    public static let crossoverKey = "crossover"

    private enum CodingKeys: String, CodingKey {
        case text, claim, metric, direction, axis, bound, value, along, filters, margin
    }

    private enum ClaimKind: String, Codable {
        case trend, level, crossover
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        filters = try c.decodeIfPresent([Filter].self, forKey: .filters) ?? []
        margin = try c.decodeIfPresent(Double.self, forKey: .margin)
        switch try c.decode(ClaimKind.self, forKey: .claim) {
        case .trend:
            claim = .trend(metric: try c.decode(Metric.self, forKey: .metric),
                           direction: try c.decode(Direction.self, forKey: .direction),
                           axis: try c.decode(String.self, forKey: .axis))
        case .level:
            claim = .level(metric: try c.decode(Metric.self, forKey: .metric),
                           bound: try c.decode(Bound.self, forKey: .bound),
                           value: try c.decode(Double.self, forKey: .value))
        case .crossover:
            claim = .crossover(axis: try c.decode(String.self, forKey: .axis),
                               direction: try c.decode(Direction.self, forKey: .direction),
                               along: try c.decode(String.self, forKey: .along))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(filters, forKey: .filters)
        try c.encodeIfPresent(margin, forKey: .margin)
        switch claim {
        case let .trend(metric, direction, axis):
            try c.encode(ClaimKind.trend, forKey: .claim)
            try c.encode(metric, forKey: .metric)
            try c.encode(direction, forKey: .direction)
            try c.encode(axis, forKey: .axis)
        case let .level(metric, bound, value):
            try c.encode(ClaimKind.level, forKey: .claim)
            try c.encode(metric, forKey: .metric)
            try c.encode(bound, forKey: .bound)
            try c.encode(value, forKey: .value)
        case let .crossover(axis, direction, along):
            try c.encode(ClaimKind.crossover, forKey: .claim)
            try c.encode(axis, forKey: .axis)
            try c.encode(direction, forKey: .direction)
            try c.encode(along, forKey: .along)
        }
    }
}
