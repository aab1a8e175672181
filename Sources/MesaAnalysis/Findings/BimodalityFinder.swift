import Foundation
import MesaResults

/// Whether the runs nearest a crossover split into two modes (SCIENCE.md §5.4,
/// Kirsch et al. 2022 report bimodal outcomes near the transition).
///
/// At the swept point nearest the crossover (in log x on a geometric axis; ties to the smaller
/// value) the per-run `search_decision_share` values are split when at least a quarter of the
/// runs are below 0.2 and at least a quarter above 0.8. Needs at least four runs. O(runs).
package enum BimodalityFinder {
    package static func finding(near crossing: CrossoverFinder.Crossover, in line: SweepSeries, runs: [RunRecord]) -> Finding? {
        func distance(_ x: Double) -> Double {
            line.isLogarithmic ? abs(log(x) - log(crossing.value)) : abs(x - crossing.value)
        }
        guard let nearest = line.points.indices.min(by: { distance(line.points[$0].value) < distance(line.points[$1].value) })
        else { return nil }
        let point = line.points[nearest].summary.point
        let shares = runs.filter { $0.point == point }.compactMap { $0.metrics[.searchDecisionShare] }
        let n = shares.count
        guard n >= 4 else { return nil }
        let below = shares.filter { $0 < 0.2 }.count, above = shares.filter { $0 > 0.8 }.count
        let split = 4 * below >= n && 4 * above >= n
        var at = line.at(line.points[nearest].value)
        if !line.slice.coordinates.isEmpty { at += " with \(AxisNames.describe(line.slice))" }
        let counts = "in \(below) of \(n) search made under 20% of the training decisions and in \(above) of \(n) over 80%"
        let sentence = split
            ? "At \(at), the swept point nearest the crossover, the runs split into two modes: \(counts)."
            : "At \(at), the swept point nearest the crossover, the runs did not split into two modes: \(counts)."
        return Finding(kind: .bimodality, metric: Metric.searchDecisionShare.name, axis: line.axis.key,
                       value: Double(below + above) / Double(n),
                       slice: line.slice.coordinates.isEmpty ? nil : line.slice,
                       sentence: sentence)
    }
}
