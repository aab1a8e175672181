/// The metrics of one run: a value for each `Metric` the run has (see `MetricDefinition.presence`).
///
/// Encodes as a flat JSON object of metric name → number, as the results contract shows; a
/// metric the run does not have is absent. Integer and flag metrics are whole numbers and encode
/// without a fraction.
///
/// ```swift
/// var metrics = RunMetrics()
/// metrics[.trainScore] = 0.75
/// metrics[.mesaOptimizer] = 1
/// metrics.isSet(.mesaOptimizer)   // true
/// ```
public struct RunMetrics: Sendable, Hashable, Codable {
    /// One slot per registry case, in `Metric.allCases` order.
    private var values: [Double?]

    public init() {
        values = [Double?](repeating: nil, count: Metric.allCases.count)
    }

    /// Metrics with the given values (the rest absent).
    public init(_ values: [Metric: Double]) {
        self.init()
        for (metric, value) in values { self[metric] = value }
    }

    /// The metric's value, or nil when the run does not have it.
    public subscript(metric: Metric) -> Double? {
        get { values[Self.slot(metric)] }
        set { values[Self.slot(metric)] = newValue }
    }

    /// An integer metric's value (counts, parameters, weights, flags), nil when absent.
    public func integer(_ metric: Metric) -> Int? {
        self[metric].map { Int($0) }
    }

    /// Whether a flag metric is 1.
    public func isSet(_ metric: Metric) -> Bool {
        (self[metric] ?? 0) >= 0.5
    }

    /// The metrics the run has, in registry order.
    public var present: [(metric: Metric, value: Double)] {
        Metric.allCases.compactMap { metric in self[metric].map { (metric, $0) } }
    }

    private static let slots: [Metric: Int] = Dictionary(uniqueKeysWithValues: Metric.allCases.enumerated().map { ($1, $0) })

    private static func slot(_ metric: Metric) -> Int { slots[metric]! }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: Key.self)
        for metric in Metric.allCases {
            self[metric] = try container.decodeIfPresent(Double.self, forKey: Key(stringValue: metric.name))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (metric, value) in present {
            switch metric.definition.valueType {
            case .flag, .integer: try container.encode(Int(value), forKey: Key(stringValue: metric.name))
            case .real: try container.encode(value, forKey: Key(stringValue: metric.name))
            }
        }
    }
}
