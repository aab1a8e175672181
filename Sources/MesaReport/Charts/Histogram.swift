/// Small-multiple histograms: for each sweep point, how a per-run outcome is spread across seeds.
/// Two separated humps in a panel are the bimodality expected near a crossover.
package struct Histogram: Sendable {
    /// One panel: the outcomes of every run at one point.
    package struct Panel: Sendable, Hashable {
        /// The point in full, for the data table.
        package var label: String
        /// A short form for the panel heading.
        package var caption: String
        package var values: [Double]

        package init(label: String, caption: String? = nil, values: [Double]) {
            self.label = label
            self.caption = caption ?? label
            self.values = values
        }
    }

    package var title: String
    package var description: String
    package var valueLabel: String
    package var panels: [Panel]
    /// Bins split `domain` evenly; values outside it are clamped into the end bins.
    package var binCount: Int
    package var domain: ClosedRange<Double>

    package init(
        title: String, description: String, valueLabel: String, panels: [Panel], binCount: Int = 10,
        domain: ClosedRange<Double> = 0...1
    ) {
        self.title = title
        self.description = description
        self.valueLabel = valueLabel
        self.panels = panels
        self.binCount = max(1, binCount)
        self.domain = domain
    }

    /// Counts per bin; the last bin is closed on the right so that the domain's upper end counts.
    package func counts(of values: [Double]) -> [Int] {
        var counts = Array(repeating: 0, count: binCount)
        let span = domain.upperBound - domain.lowerBound
        for value in values where value.isFinite {
            let fraction = span > 0 ? (value - domain.lowerBound) / span : 0
            let bin = min(binCount - 1, max(0, Int((fraction * Double(binCount)).rounded(.down))))
            counts[bin] += 1
        }
        return counts
    }

    static let panelWidth = 160.0
    static let panelHeight = 96.0
    static let columns = 4

    /// The histogram as a report figure named `name`.
    package func figure(name: String) -> Figure {
        Figure(name: name, title: title, description: description, canvas: canvas(id: "svg-\(name)"), data: dataTable)
    }

    func canvas(id: String) -> SVGCanvas {
        let columnCount = min(Self.columns, max(1, panels.count))
        let rowCount = (panels.count + Self.columns - 1) / Self.columns
        let cellWidth = Self.panelWidth + 24
        let cellHeight = Self.panelHeight + 78
        let width = 40 + Double(columnCount) * cellWidth
        let height = 16 + Double(max(1, rowCount)) * cellHeight + 24
        var canvas = SVGCanvas(id: id, width: width, height: height, title: title, description: description)
        let allCounts = panels.map { counts(of: $0.values) }
        let tallest = max(1, allCounts.flatMap { $0 }.max() ?? 1)

        for (index, panel) in panels.enumerated() {
            let left = 40 + Double(index % Self.columns) * cellWidth
            let top = 16 + Double(index / Self.columns) * cellHeight + 44
            let bottom = top + Self.panelHeight
            for (line, text) in Self.captionLines(panel.caption).enumerated() {
                canvas.text(text, x: left + Self.panelWidth / 2, y: top - 32 + Double(line) * 14, cssClass: "ms-heading")
            }
            canvas.text("\(panel.values.count) runs", x: left + Self.panelWidth / 2, y: top - 5, cssClass: "ms-muted")
            let barWidth = Self.panelWidth / Double(binCount)
            for (bin, count) in allCounts[index].enumerated() where count > 0 {
                let barHeight = Self.panelHeight * Double(count) / Double(tallest)
                canvas.rect(x: left + Double(bin) * barWidth + 1, y: bottom - barHeight, width: barWidth - 2,
                            height: barHeight, cssClass: "ms-bar ms-c0")
            }
            canvas.line(x1: left, y1: bottom, x2: left + Self.panelWidth, y2: bottom, cssClass: "ms-axis")
            canvas.line(x1: left, y1: top, x2: left, y2: bottom, cssClass: "ms-axis")
            canvas.text(ChartNumber.label(domain.lowerBound), x: left, y: bottom + 14, cssClass: "ms-muted")
            canvas.text(ChartNumber.label((domain.lowerBound + domain.upperBound) / 2), x: left + Self.panelWidth / 2,
                        y: bottom + 14, cssClass: "ms-muted")
            canvas.text(ChartNumber.label(domain.upperBound), x: left + Self.panelWidth, y: bottom + 14, cssClass: "ms-muted")
            if index % Self.columns == 0 {
                canvas.text(String(tallest), x: left - 6, y: top + 4, anchor: "end", cssClass: "ms-muted")
                canvas.text("0", x: left - 6, y: bottom, anchor: "end", cssClass: "ms-muted")
            }
        }
        canvas.text("\(valueLabel) (x) · runs (y)", x: width / 2, y: height - 8)
        return canvas
    }

    /// A panel heading in at most two lines of about 26 characters, broken after commas.
    static func captionLines(_ caption: String) -> [String] {
        let limit = 26
        var lines: [String] = []
        var current = ""
        for part in caption.components(separatedBy: ", ") {
            let candidate = current.isEmpty ? part : current + ", " + part
            if candidate.count <= limit || current.isEmpty {
                current = candidate
            } else {
                lines.append(current + ",")
                current = part
            }
        }
        lines.append(current)
        if lines.count == 1 { lines.insert("", at: 0) }
        return lines.prefix(2).enumerated().map { index, line in
            let truncated = index == 1 && lines.count > 2 ? line + " …" : line
            return truncated.count > limit + 2 ? String(truncated.prefix(limit)) + "…" : truncated
        }
    }

    /// One row per panel: the count in every bin.
    package var dataTable: DataTable {
        let step = (domain.upperBound - domain.lowerBound) / Double(binCount)
        let binNames = (0..<binCount).map { bin in
            let low = domain.lowerBound + Double(bin) * step
            return "\(ChartNumber.label(low))–\(ChartNumber.label(low + step))"
        }
        let rows = panels.map { panel in
            [panel.label, String(panel.values.count)] + counts(of: panel.values).map(String.init)
        }
        return DataTable(columns: ["Point", "Runs"] + binNames, rows: rows)
    }
}
