/// How reports and sentences name swept settings: the one table of axis names.
///
/// Known keys have the paper's letter (N, K, λ_DL, …) and a reader's name for chart axes; any
/// other key is named by its key alone (`false_positive`), except deployment keys, which keep
/// their block (`deployment instances`).
public enum AxisNames {
    /// key → (symbol, chart label).
    private static let known: [String: (symbol: String, label: String?)] = [
        "environment.instances": ("N", "N (training instances)"),
        "analytic.instances": ("N", nil),
        "model.parameters": ("K", "K (parameter budget)"),
        "environment.pool": ("pool", "pool (distinct training mazes at most)"),
        "bias.description_length": ("λ_DL", nil),
        "bias.speed": ("μ_T", nil),
        "deception.detector_cost": ("d", nil),
        "training.values": ("V", "V (settings per parameter)"),
        "analytic.power": ("P", nil),
        "analytic.max_bits": ("x_max", nil),
    ]

    /// The short name of a `block.key`: N for `environment.instances`, K for `model.parameters`.
    public static func short(_ key: String) -> String {
        if let entry = known[key] { return entry.symbol }
        guard let dot = key.firstIndex(of: ".") else { return key }
        let block = key[..<dot], name = key[key.index(after: dot)...]
        return block == "deployment" ? "deployment \(name)" : String(name)
    }

    /// The label of a chart axis along `key`: "N (training instances)", else the key as written.
    public static func chartLabel(_ key: String) -> String {
        known[key]?.label ?? key
    }

    /// A coordinate's value as written (numbers without a trailing `.0`).
    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    public static func text(_ value: PointValue) -> String {
        switch value {
        case .number(let number): return NumberText.format(number, significant: 6)
        case .text(let text): return text
        }
    }

    /// "K = 256, λ_DL = 0.1"; "the single point" for a point with no coordinates.
    public static func describe(_ point: Point) -> String {
        guard !point.coordinates.isEmpty else { return "the single point" }
        return point.coordinates.map { "\(short($0.key)) = \(text($0.value))" }.joined(separator: ", ")
    }

    /// `sentence` for one slice of a multi-axis sweep: "At K = 256, search was …"; unchanged
    /// when the slice is empty. An axis with a label in `labels` (a relative budget's offsets) is
    /// named by it, and negative values take a minus sign: "At K − (k_fit + detector_cost) = −4, …".
    public static func prefixed(_ sentence: String, slice: Point, labels: [String: String] = [:]) -> String {
        guard !slice.coordinates.isEmpty, let first = sentence.first else { return sentence }
        return "At \(place(slice, labels: labels)), " + first.lowercased() + sentence.dropFirst()
    }

    /// "K = 256, λ_DL = 0.1" for prose: labelled axes by their labels, minus signs for negatives.
    public static func place(_ point: Point, labels: [String: String]) -> String {
        guard !point.coordinates.isEmpty else { return "the single point" }
        return point.coordinates.map { coordinate in
            let value: String
            switch coordinate.value {
            case .number(let number): value = NumberText.prose(number, significant: 6)
            case .text(let text): value = text
            }
            return "\(labels[coordinate.key] ?? short(coordinate.key)) = \(value)"
        }.joined(separator: ", ")
    }
}
