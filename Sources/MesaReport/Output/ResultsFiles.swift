import Foundation
import MesaResults

/// `results.json` and `results.csv`.
package enum ResultsFiles {
    /// The `results.json` bytes, a line per run (`ResultsJSON.Layout.linePerElement`), ending in a
    /// newline.
    package static func json(_ results: ScenarioResults) throws -> Data {
        try ResultsJSON.encode(results, layout: .linePerElement)
    }

    /// Decodes a `results.json`.
    package static func decode(_ data: Data) throws -> ScenarioResults {
        try ResultsJSON.decode(ScenarioResults.self, from: data)
    }

    /// `results.csv`: one row per run — the point's coordinates (axis order, then any other keys
    /// sorted), seed, repetition, optimizer, every metric of the scenario's world in the registry's order
    /// (empty where absent). RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes
    /// doubled.
    package static func csv(_ results: ScenarioResults) -> String {
        var keys = results.axes.map(\.key)
        let extra = Set(results.runs.flatMap { $0.point.coordinates.map(\.key) }).subtracting(keys)
        keys += extra.sorted()
        let metrics = Metric.recorded(in: results.simulatedWorld)
        let header = keys + ["seed", "repetition", "optimizer"] + metrics.map(\.name)
        var lines = [header.map(field).joined(separator: ",")]
        for run in results.runs {
            let coordinates = keys.map { run.point[$0]?.text ?? "" }
            let row = coordinates + [String(run.seed), String(run.repetition), run.optimizer.rawValue]
                + metrics.map { cell(run.metrics, $0) }
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A metric's cell: whole numbers for flags and integers; Swift's shortest round-tripping
    /// decimal form (locale-free and exact) for reals; empty when absent.
    static func cell(_ metrics: RunMetrics, _ metric: Metric) -> String {
        guard let value = metrics[metric] else { return "" }
        switch metric.definition.valueType {
        case .flag, .integer: return String(Int(value))
        case .real: return "\(value)"
        }
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
