/// The registry as a Markdown table: the docs' metric table (docs/results-schema.md, checked by a
/// test to equal this) and `mesascope metrics`.
public enum MetricTable {
    /// | metric | what it is | values | worlds | which runs have it | in `expect` |
    public static var markdown: String {
        var lines = ["| metric | what it is | values | worlds | which runs have it | `expect` |", "|---|---|---|---|---|---|"]
        for metric in Metric.allCases {
            let d = metric.definition
            let values: String
            switch d.valueType {
            case .flag: values = "0 or 1 (a share across runs)"
            case .integer: values = "whole number, " + bounds(d.bounds)
            case .real: values = bounds(d.bounds)
            }
            let worlds = World.allCases.filter(d.worlds.contains).map(\.rawValue).joined(separator: ", ")
            lines.append("| `\(metric.name)` | \(d.summary) | \(values) | \(worlds) | \(d.presence.rawValue) | \(d.isSummarized ? "yes" : "no") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func bounds(_ bounds: MetricDefinition.Bounds) -> String {
        switch bounds {
        case .unit: return "in [0, 1]"
        case .score: return "at most 1"
        case .nonNegative: return "at least 0"
        case .weight: return "in [−1, 1]"
        case .unbounded: return "any sign"
        }
    }
}
