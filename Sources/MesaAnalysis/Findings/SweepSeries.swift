import MesaResults

/// The summaries along one numeric swept axis for one slice (one combination of the other
/// axes' values), in increasing order of the axis value.
package struct SweepSeries {
    package var axis: AxisDescription
    /// The other axes' coordinates; empty for a single-axis sweep.
    package var slice: Point
    /// Axis value and the point's summary, by increasing axis value.
    package var points: [(value: Double, summary: PointSummary)]
    /// The axes' labels where their values are not the setting's own (a relative budget's
    /// offsets), by key: how sentences name this axis and the slice's.
    package var labels: [String: String] = [:]

    /// Whether interpolation along this axis happens in log space: a geometric axis whose
    /// values are all positive.
    package var isLogarithmic: Bool { axis.isLogarithmic && points.allSatisfy { $0.value > 0 } }

    /// The short name of the axis (N, K, …), or its label when its values are offsets
    /// ("K − (k_fit + detector_cost)").
    package var name: String { axis.label ?? AxisNames.short(axis.key) }

    /// One series per slice along `axis` (a numeric axis of `axes`), slices in order of first
    /// appearance in `summary`. Points missing the axis coordinate are ignored. O(points · axes).
    package static func series(along axis: AxisDescription, axes: [AxisDescription], summary: [PointSummary])
        -> [SweepSeries]
    {
        let others = axes.map(\.key).filter { $0 != axis.key }
        var order: [Point] = []
        var bySlice: [Point: [(value: Double, summary: PointSummary)]] = [:]
        for entry in summary {
            guard let value = entry.point[axis.key]?.number else { continue }
            let slice = Point(others.compactMap { key in entry.point[key].map { Point.Coordinate(key: key, value: $0) } })
            if bySlice[slice] == nil { order.append(slice) }
            bySlice[slice, default: []].append((value, entry))
        }
        return order.map { slice in
            let points = bySlice[slice]!.enumerated()
                .sorted { $0.element.value != $1.element.value ? $0.element.value < $1.element.value : $0.offset < $1.offset }
                .map(\.element)
            var line = SweepSeries(axis: axis, slice: slice, points: points)
            line.labels = Dictionary(axes.compactMap { axis in axis.label.map { (axis.key, $0) } }) { first, _ in first }
            return line
        }
    }

    /// The axis values, in order.
    package var values: [Double] { points.map(\.value) }

    /// The estimates of `metric` at every point, or `nil` when some point lacks it.
    package func estimates(_ metric: Metric) -> [Estimate]? {
        let estimates = points.compactMap { $0.summary.metrics[metric] }
        return estimates.count == points.count ? estimates : nil
    }

    /// "N = 16" for an axis value ("K − (k_fit + d) = −4" for an offset).
    package func at(_ value: Double) -> String { "\(name) = \(NumberText.prose(value, significant: 6))" }

    /// "N from 8 to 16": a stretch of the axis in words.
    package func range(_ low: Double, _ high: Double) -> String {
        "\(name) from \(NumberText.prose(low, significant: 6)) to \(NumberText.prose(high, significant: 6))"
    }

    /// `sentence` for this series' slice: "At K = 256, search was …" (the slice's axes by their
    /// labels).
    package func prefixed(_ sentence: String) -> String {
        AxisNames.prefixed(sentence, slice: slice, labels: labels)
    }
}
