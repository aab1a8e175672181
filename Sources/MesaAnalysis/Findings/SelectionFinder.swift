import MesaResults

/// Which style was selected where: the points at which every run chose the table, every run
/// chose search, or the runs were mixed, as consecutive stretches of the axis.
///
/// "The table (no search) was selected in every run at N ≤ 4; mixed runs at N = 8–16; search
/// in every run at N ≥ 32." A stretch that starts at the first swept value is written "≤", one
/// that ends at the last "≥". O(points).
package struct SelectionFinder: SeriesRule {
    enum Style: Equatable {
        case table, search, mixed
    }

    package init() {}

    package func findings(along series: [SweepSeries], in context: FindingContext) -> [Finding] {
        series.compactMap { line in
            guard line.points.count >= 2, let estimates = line.estimates(.mesaOptimizer) else { return nil }
            let styles = estimates.map { $0.mean == 0 ? Style.table : $0.mean == 1 ? .search : .mixed }
            var stretches: [(style: Style, from: Int, to: Int)] = []
            for (i, style) in styles.enumerated() {
                if let last = stretches.last, last.style == style {
                    stretches[stretches.count - 1].to = i
                } else {
                    stretches.append((style, i, i))
                }
            }
            let count = styles.count
            var parts: [String] = []
            for (index, stretch) in stretches.enumerated() {
                let range = Self.stretchText(line, from: stretch.from, to: stretch.to, count: count)
                switch stretch.style {
                case .table:
                    parts.append(index == 0 ? "The table (no search) was selected in every run \(range)"
                                            : "the table (no search) in every run \(range)")
                case .search:
                    parts.append(index == 0 ? "Search was selected in every run \(range)" : "search in every run \(range)")
                case .mixed:
                    parts.append(index == 0 ? "The runs were mixed \(range)" : "mixed runs \(range)")
                }
            }
            let sentence = line.prefixed(parts.joined(separator: "; ") + ".")
            return Finding(kind: .selection, metric: Metric.mesaOptimizer.name, axis: line.axis.key, value: nil,
                           slice: line.slice.coordinates.isEmpty ? nil : line.slice, sentence: sentence)
        }
    }

    /// "at every N swept (from 1 to 128)", "at N ≤ 4", "at N ≥ 32", "at N = 8", "at N from 8 to 16".
    static func stretchText(_ line: SweepSeries, from: Int, to: Int, count: Int) -> String {
        let name = line.name
        let a = NumberText.prose(line.values[from], significant: 6), b = NumberText.prose(line.values[to], significant: 6)
        if from == 0, to == count - 1 { return "at every \(name) swept (from \(a) to \(b))" }
        if from == to { return "at \(name) = \(a)" }
        if from == 0 { return "at \(name) ≤ \(b)" }
        if to == count - 1 { return "at \(name) ≥ \(a)" }
        return "at \(line.range(line.values[from], line.values[to]))"
    }
}
