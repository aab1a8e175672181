/// A coordinate of a sweep point: a number, or a word / size / expression as text.
/// Encodes as a bare JSON number or string.
public enum PointValue: Codable, Sendable, Hashable, Comparable {
    case number(Double)
    case text(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }

    /// The number, when the coordinate is numeric.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// Whether this is `infinite` (`instances infinite` in a learned world: a fresh task for every
    /// sequence). Charts place it past the largest number; fits leave it out.
    public var isInfinite: Bool { self == .text("infinite") }

    /// The value as a reader would write it.
    public var text: String {
        switch self {
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        case .text(let value):
            return value
        }
    }
}

/// A sweep point: `block.key` → value, ordered by axis. Encodes as a JSON object whose keys
/// follow the axis order.
public struct Point: Codable, Sendable, Hashable {
    public var coordinates: [Coordinate]

    public struct Coordinate: Sendable, Hashable {
        public var key: String
        public var value: PointValue

        public init(key: String, value: PointValue) {
            self.key = key
            self.value = value
        }
    }

    public init(_ coordinates: [Coordinate]) {
        self.coordinates = coordinates
    }

    /// The value on axis `key`.
    public subscript(key: String) -> PointValue? {
        coordinates.first { $0.key == key }?.value
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        // JSON objects are unordered; keys are restored in sorted order, and callers that care
        // about axis order use `ScenarioResults.axes`.
        coordinates = try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
            Coordinate(key: $0.stringValue, value: try container.decode(PointValue.self, forKey: $0))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for coordinate in coordinates {
            try container.encode(coordinate.value, forKey: Key(stringValue: coordinate.key))
        }
    }
}
