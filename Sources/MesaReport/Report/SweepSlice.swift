import MesaResults

/// A point's coordinates independent of their order (decoded points come back sorted by key,
/// engine-made ones in axis order).
struct PointIdentity: Hashable {
    let coordinates: [String: PointValue]

    init(_ point: Point) {
        coordinates = Dictionary(point.coordinates.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The summaries that share every coordinate except one axis: one line of a chart.
struct SweepSlice {
    /// "all runs", or the other coordinates as `key = value, …`.
    var label: String
    /// Sorted along the axis.
    var points: [PointSummary]
}

extension ReportBuilder {
    /// Groups `summary` into slices along `axis`, in order of first appearance.
    static func slices(of summary: [PointSummary], along axis: String, axes: [AxisDescription]) -> [SweepSlice] {
        var order: [String] = []
        var groups: [String: [PointSummary]] = [:]
        for entry in summary where entry.point[axis]?.number != nil {
            let others = Point(entry.point.coordinates.filter { $0.key != axis })
            let label = describe(others, axes: axes, shortKeys: true)
            if groups[label] == nil { order.append(label) }
            groups[label, default: []].append(entry)
        }
        return order.map { label in
            SweepSlice(label: label, points: groups[label]!.sorted { ($0.point[axis]?.number ?? 0) < ($1.point[axis]?.number ?? 0) })
        }
    }

    /// A point as `key = value, …`, in axis order where the axes are known; `shortKeys` drops the
    /// block name (`environment.instances` → `instances`) when that leaves the keys distinct.
    static func describe(_ point: Point, axes: [AxisDescription], shortKeys: Bool = false) -> String {
        guard !point.coordinates.isEmpty else { return "all runs" }
        let rank = Dictionary(axes.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = point.coordinates.sorted { (rank[$0.key] ?? Int.max, $0.key) < (rank[$1.key] ?? Int.max, $1.key) }
        func short(_ key: String) -> String { String(key.split(separator: ".").last ?? Substring(key)) }
        let allKeys = Set(axes.map(\.key) + point.coordinates.map(\.key))
        let useShort = shortKeys && Set(allKeys.map(short)).count == allKeys.count
        return ordered.map { coordinate in
            "\(useShort ? short(coordinate.key) : coordinate.key) = \(coordinate.value.text)"
        }.joined(separator: ", ")
    }
}
