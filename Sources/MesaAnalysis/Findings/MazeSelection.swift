import Foundation
import MesaResults

/// Which runs' episodes a report draws (docs/reports.md): along the first numeric swept axis (its
/// first slice), the smallest value, the point nearest N* and the largest value; at each, the first
/// run that chose search and the first that chose the table, where both exist. Without a numeric
/// axis, the first point. Each run contributes its training and its deployment episode.
package enum MazeSelection {
    /// The drawings of the chosen runs, in the order above (training before deployment).
    package static func choose(_ drawings: [MazeDrawing], results: ScenarioResults) -> [MazeDrawing] {
        guard !drawings.isEmpty, !results.runs.isEmpty else { return [] }
        var points: [Point] = []
        if let axis = results.axes.first(where: { $0.isNumeric && $0.values.count >= 2 }),
           let line = SweepSeries.series(along: axis, axes: results.axes, summary: results.summary).first,
           let first = line.points.first, let last = line.points.last {
            points.append(first.summary.point)
            let crossing = results.findings.first {
                $0.kind == .crossover && $0.metric == Metric.mesaOptimizer.name && $0.axis == axis.key
                    && ($0.slice ?? Point([])) == line.slice && $0.value != nil
            }
            if let value = crossing?.value {
                let logarithmic = line.isLogarithmic
                func distance(_ x: Double) -> Double { logarithmic ? abs(log2(x) - log2(value)) : abs(x - value) }
                if let nearest = line.points.min(by: { distance($0.value) < distance($1.value) }) {
                    points.append(nearest.summary.point)
                }
            }
            points.append(last.summary.point)
        } else if let first = results.summary.first {
            points.append(first.point)
        }
        var seen = Set<Point>()
        points = points.filter { seen.insert($0).inserted }
        var chosen: [(point: Point, repetition: Int)] = []
        for point in points {
            let runs = results.runs.filter { $0.point == point }.sorted { $0.repetition < $1.repetition }
            for wantsSearch in [true, false] {
                if let run = runs.first(where: { ($0.metrics.integer(.mesaOptimizer) == 1) == wantsSearch }) {
                    chosen.append((point, run.repetition))
                }
            }
        }
        return chosen.flatMap { choice in
            let episodes = drawings.filter { $0.point == choice.point && $0.repetition == choice.repetition }
            return episodes.filter { $0.phase == .training } + episodes.filter { $0.phase != .training }
        }
    }
}
