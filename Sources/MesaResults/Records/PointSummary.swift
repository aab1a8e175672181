/// Mean and 95% interval of one metric over the repetitions of a point.
public struct Estimate: Codable, Sendable, Hashable {
    public var mean: Double
    public var lo: Double
    public var hi: Double

    public init(mean: Double, lo: Double, hi: Double) {
        self.mean = mean
        self.lo = lo
        self.hi = hi
    }
}

/// The summary of one sweep point over its `n` repetitions: metric → estimate.
/// Shares (0/1 metrics) use the Wilson interval; continuous metrics the t interval.
/// Encodes flat, as the contract shows: `{ "point": …, "n": …, "<metric>": {…} }`.
public struct PointSummary: Codable, Sendable, Hashable {
    public var point: Point
    public var n: Int
    public var metrics: [Metric: Estimate]

    public init(point: Point, n: Int, metrics: [Metric: Estimate]) {
        self.point = point
        self.n = n
        self.metrics = metrics
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        point = try container.decode(Point.self, forKey: Key(stringValue: "point"))
        n = try container.decode(Int.self, forKey: Key(stringValue: "n"))
        var metrics: [Metric: Estimate] = [:]
        for key in container.allKeys {
            guard let metric = Metric(name: key.stringValue) else { continue }
            metrics[metric] = try container.decode(Estimate.self, forKey: key)
        }
        self.metrics = metrics
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(point, forKey: Key(stringValue: "point"))
        try container.encode(n, forKey: Key(stringValue: "n"))
        for metric in metrics.keys.sorted(by: { $0.name < $1.name }) {
            try container.encode(metrics[metric]!, forKey: Key(stringValue: metric.name))
        }
    }
}
