import Foundation
import MesaResults

/// `results.json` and `results.csv`.
///
/// JSON keys are sorted (`.sortedKeys`) so the bytes never depend on dictionary order; a point's
/// axis order is therefore not in its object but in `axes`, which is how readers restore it.
/// Non-finite numbers, which JSON cannot carry, are written as the strings `NaN`, `Infinity`
/// and `-Infinity`.
package enum ResultsFiles {
    private static let nonFinite = (positive: "Infinity", negative: "-Infinity", nan: "NaN")

    /// The `results.json` bytes, ending in a newline.
    package static func json(_ results: ScenarioResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        var data = try encoder.encode(results)
        data.append(0x0A)
        return data
    }

    /// Decodes a `results.json`.
    package static func decode(_ data: Data) throws -> ScenarioResults {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return try decoder.decode(ScenarioResults.self, from: data)
    }

    /// The metric columns of `results.csv`, in the order of `RunMetrics`.
    package static let metricColumns: [(name: String, value: @Sendable (RunMetrics) -> String)] = [
        ("train_score", { number($0.train_score) }),
        ("deploy_score", { number($0.deploy_score) }),
        ("search_bits", { number($0.search_bits) }),
        ("mesa_optimizer", { String($0.mesa_optimizer) }),
        ("deceptive", { String($0.deceptive) }),
        ("defection_rate", { number($0.defection_rate) }),
        ("deceptive_posterior", { $0.deceptive_posterior.map(number) ?? "" }),
        ("deceptive_structure_share", { $0.deceptive_structure_share.map(number) ?? "" }),
        ("mesa_posterior", { $0.mesa_posterior.map(number) ?? "" }),
        ("proxy_pursuit", { number($0.proxy_pursuit) }),
        ("expansions_per_episode", { number($0.expansions_per_episode) }),
        ("loss", { number($0.loss) }),
        ("params_table", { String($0.params_table) }),
        ("params_search", { String($0.params_search) }),
        ("params_detector", { String($0.params_detector) }),
        ("removed_at_step", { $0.removed_at_step.map(String.init) ?? "" }),
        ("k_fit", { $0.k_fit.map(String.init) ?? "" }),
        ("search_decision_share", { number($0.search_decision_share) }),
        ("budget", { String($0.budget) }),
        ("detector_cost", { $0.detector_cost.map(String.init) ?? "" }),
        ("false_positive_instances", { $0.false_positive_instances.map(String.init) ?? "" }),
        ("false_positives_unsolved", { $0.false_positives_unsolved.map(String.init) ?? "" }),
        ("false_positives_solved", { $0.false_positives_solved.map(String.init) ?? "" }),
        ("detector_removal_gain", { $0.detector_removal_gain.map(number) ?? "" }),
        ("objective_goal_weight", { $0.objective_goal_weight.map(String.init) ?? "" }),
        ("objective_proxy_weight", { $0.objective_proxy_weight.map(String.init) ?? "" }),
        ("aligned_loss_change", { $0.aligned_loss_change.map(number) ?? "" }),
        ("aligned_deploy_gain", { $0.aligned_deploy_gain.map(number) ?? "" }),
    ]

    /// `results.csv`: one row per run — the point's coordinates (axis order, then any other keys
    /// sorted), seed, repetition, optimizer, every metric (empty where absent). RFC 4180: CRLF line
    /// ends, fields with commas, quotes or line breaks quoted, quotes doubled.
    package static func csv(_ results: ScenarioResults) -> String {
        var keys = results.axes.map(\.key)
        let extra = Set(results.runs.flatMap { $0.point.coordinates.map(\.key) }).subtracting(keys)
        keys += extra.sorted()
        let header = keys + ["seed", "repetition", "optimizer"] + metricColumns.map(\.name)
        var lines = [header.map(field).joined(separator: ",")]
        for run in results.runs {
            let coordinates = keys.map { run.point[$0]?.text ?? "" }
            let row = coordinates + [String(run.seed), String(run.repetition), run.optimizer]
                + metricColumns.map { $0.value(run.metrics) }
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Swift's shortest round-tripping decimal form: locale-free and exact.
    private static func number(_ value: Double) -> String {
        "\(value)"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
