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

/// The summary of one sweep point over its `n` repetitions: metric name → estimate.
/// Shares (0/1 metrics) use the Wilson interval; continuous metrics the t interval.
/// Encodes flat, as the contract shows: `{ "point": …, "n": …, "<metric>": {…} }`.
public struct PointSummary: Codable, Sendable, Hashable {
    public var point: Point
    public var n: Int
    public var metrics: [String: Estimate]

    public init(point: Point, n: Int, metrics: [String: Estimate]) {
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
        var metrics: [String: Estimate] = [:]
        for key in container.allKeys where key.stringValue != "point" && key.stringValue != "n" {
            metrics[key.stringValue] = try container.decode(Estimate.self, forKey: key)
        }
        self.metrics = metrics
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(point, forKey: Key(stringValue: "point"))
        try container.encode(n, forKey: Key(stringValue: "n"))
        for name in metrics.keys.sorted() {
            try container.encode(metrics[name]!, forKey: Key(stringValue: name))
        }
    }
}

/// A fact computed from the numbers, which the report turns into a sentence.
public struct Finding: Codable, Sendable, Hashable {
    /// `crossover`, `monotone`, `claim`, `analytic_vs_simulated`, …
    public var kind: String
    public var metric: String
    public var axis: String
    /// The finding's value (the crossover's axis value, the share, …); `nil` when none.
    public var value: Double?
    /// 95% interval of `value`, where one is known.
    public var lo: Double?
    public var hi: Double?
    /// The point's other coordinates, when the finding is for one slice of a multi-axis sweep.
    public var slice: Point?
    /// The sentence, written from the numbers.
    public var sentence: String
    /// For a checked prediction (`kind` `expectation`): `holds`, `fails` (the numbers contradict
    /// it) or `unclear` (they cannot tell); absent for every other finding.
    public var verdict: String?

    public init(kind: String, metric: String, axis: String, value: Double?, lo: Double? = nil, hi: Double? = nil,
                slice: Point? = nil, sentence: String, verdict: String? = nil) {
        self.kind = kind
        self.metric = metric
        self.axis = axis
        self.value = value
        self.lo = lo
        self.hi = hi
        self.slice = slice
        self.sentence = sentence
        self.verdict = verdict
    }
}
