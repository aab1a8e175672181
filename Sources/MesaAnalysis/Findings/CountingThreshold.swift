import MesaResults

/// The counting argument's threshold (SCIENCE.md §5.7): along a swept V (`training.values`, the
/// settings per parameter of the exact optimizer's prior), the smallest V at which the mean
/// posterior deceptive share falls below one half, if any, with the share at the swept values on
/// either side. One finding per slice of the other axes. O(runs).
package struct CountingThreshold: FindingRule {
    package static let axisKey = "training.values"

    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        guard let axis = context.axes.first(where: { $0.key == Self.axisKey }) else { return [] }
        return SweepSeries.series(along: axis, axes: context.axes, summary: context.summary).compactMap { series in
            let points = series.points.compactMap { point -> (value: Double, share: Double)? in
                guard let share = point.summary.metrics[.deceptivePosterior]?.mean else { return nil }
                return (point.value, share)
            }
            guard !points.isEmpty else { return nil }
            let shares = points.map { "\(NumberText.format($0.share, significant: 2)) at \(series.at($0.value))" }
                .joined(separator: ", ")
            let sentence: String
            let value: Double?
            if let index = points.firstIndex(where: { $0.share < 0.5 }) {
                value = points[index].value
                sentence = index == 0
                    ? "The mean posterior deceptive share is below one half from the smallest \(series.name) swept on (\(series.at(points[0].value))): \(shares)."
                    : "The mean posterior deceptive share first falls below one half at \(series.at(points[index].value)) (\(shares))."
            } else {
                value = nil
                sentence = "The mean posterior deceptive share stays at or above one half at every \(series.name) swept (\(shares))."
            }
            return Finding(kind: .claim, metric: Metric.deceptivePosterior.name, axis: Self.axisKey, value: value,
                           slice: series.slice.coordinates.isEmpty ? nil : series.slice,
                           sentence: series.prefixed(sentence))
        }
    }
}
