/// A line chart of one or more series against x, each with an optional 95% band, on a linear or
/// log₁₀ x axis, with labelled vertical markers (onset, crossover, saturation, …).
package struct LineChart: Sendable {
    /// One observation of a series; `lo`/`hi` bound its 95% interval when known.
    package struct Sample: Sendable, Hashable {
        package var x: Double
        package var y: Double
        package var lo: Double?
        package var hi: Double?
        /// Shown on hover (the point's `<title>`): value, interval, runs.
        package var title: String?
        /// Where a click on the point goes (`#point-3`: its row in the summary table).
        package var link: String?

        package init(x: Double, y: Double, lo: Double? = nil, hi: Double? = nil, title: String? = nil, link: String? = nil) {
            self.x = x
            self.y = y
            self.lo = lo
            self.hi = hi
            self.title = title
            self.link = link
        }
    }

    /// A named line.
    package struct Series: Sendable, Hashable {
        package var label: String
        package var samples: [Sample]

        package init(label: String, samples: [Sample]) {
            self.label = label
            self.samples = samples
        }

        var hasBand: Bool { samples.contains { $0.lo != nil && $0.hi != nil } }
    }

    /// A vertical line at `x` with a label.
    package struct Marker: Sendable, Hashable {
        package var x: Double
        package var label: String
        /// An interval around `x` drawn as a shaded span (N* with its bootstrap interval).
        package var interval: ClosedRange<Double>?
        /// The series the marker belongs to (its index in `series`): its label then names the
        /// series and takes its colour; nil for a marker of the whole chart.
        package var series: Int?

        package init(x: Double, label: String, interval: ClosedRange<Double>? = nil, series: Int? = nil) {
            self.x = x
            self.label = label
            self.interval = interval
            self.series = series
        }
    }

    package var title: String
    package var description: String
    package var xLabel: String
    package var yLabel: String
    package var xScale: AxisScale.Kind
    /// A fixed y range (e.g. `0...1` for shares); otherwise the data's, widened to nice ticks.
    package var yDomain: ClosedRange<Double>?
    package var series: [Series]
    package var markers: [Marker]

    package init(
        title: String, description: String, xLabel: String, yLabel: String, xScale: AxisScale.Kind = .linear,
        yDomain: ClosedRange<Double>? = nil, series: [Series], markers: [Marker] = []
    ) {
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yDomain = yDomain
        self.series = series
        self.markers = markers
    }

    static let width = 720.0
    static let plotLeft = 72.0
    static let plotRight = 700.0
    static let plotTop = 28.0
    static let plotBottom = 318.0

    /// The chart as a report figure named `name`.
    package func figure(name: String) -> Figure {
        Figure(name: name, title: title, description: description, canvas: canvas(id: "svg-\(name)"), data: dataTable)
    }

    /// The x axis for this chart's data.
    package var xAxis: AxisScale {
        let xs = series.flatMap { $0.samples.map(\.x) } + markers.map(\.x)
        switch xScale {
        case .linear: return .linear(covering: xs, from: Self.plotLeft, to: Self.plotRight)
        case .log10: return .log10(covering: xs, from: Self.plotLeft, to: Self.plotRight)
        }
    }

    /// The y axis for this chart's data.
    package var yAxis: AxisScale {
        let ys = series.flatMap { $0.samples.flatMap { [$0.y, $0.lo, $0.hi].compactMap { $0 } } }
        return .linear(covering: ys, fixed: yDomain, from: Self.plotBottom, to: Self.plotTop)
    }

    /// At most this many lines share one plot; a chart with more is drawn as small multiples,
    /// panels of at most this many on the same axes, one above the other.
    static let seriesPerPanel = 5

    /// A line as drawn: series whose samples are identical are drawn once, labelled with every
    /// one of them ("K = 64, 256, 1024: identical"), so none hides another unsaid.
    struct DrawnLine {
        var label: String
        var samples: [Sample]
        /// The indices in `series` of the series it stands for (the first gives its style).
        var members: [Int]
        var style: Int { members[0] }
        var hasBand: Bool { samples.contains { $0.lo != nil && $0.hi != nil } }
    }

    /// `series` with identical ones merged, in order of first appearance.
    var drawnLines: [DrawnLine] {
        var lines: [DrawnLine] = []
        for (index, line) in series.enumerated() {
            if let same = lines.firstIndex(where: { !line.samples.isEmpty && series[$0.members[0]].samples == line.samples }) {
                lines[same].members.append(index)
            } else {
                lines.append(DrawnLine(label: line.label, samples: line.samples, members: [index]))
            }
        }
        for index in lines.indices where lines[index].members.count > 1 {
            lines[index].label = Self.identicalLabel(lines[index].members.map { series[$0].label })
        }
        return lines
    }

    /// "K = 64, 256, 1024: identical" when every label is `name = value` with one name; the labels
    /// joined by "; " otherwise.
    static func identicalLabel(_ labels: [String]) -> String {
        let parts = labels.map { $0.components(separatedBy: " = ") }
        if parts.allSatisfy({ $0.count == 2 }), Set(parts.map { $0[0] }).count == 1 {
            return "\(parts[0][0]) = \(parts.map { $0[1] }.joined(separator: ", ")): identical"
        }
        return labels.joined(separator: "; ") + ": identical"
    }

    /// The drawn lines split into panels of at most `seriesPerPanel`, as evenly as they go.
    static func panels(_ count: Int) -> [Range<Int>] {
        guard count > seriesPerPanel else { return [0..<count] }
        let panels = (count + seriesPerPanel - 1) / seriesPerPanel
        let size = (count + panels - 1) / panels
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// A marker's label as drawn: its name and value, and the series it belongs to when the chart
    /// has several ("N* 12 · K = 64").
    func markerText(_ marker: Marker, lines: [DrawnLine]) -> String {
        var text = "\(marker.label) \(ChartNumber.label(marker.x))"
        if let index = marker.series, series.count > 1, let line = lines.first(where: { $0.members.contains(index) }) {
            text += " · " + (line.members.count > 1 ? series[index].label : line.label)
        }
        return text
    }

    /// The estimated width of `text` at the chart's font sizes (no renderer to measure with):
    /// generous, so boxes computed from it are never narrower than the drawn text.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// Marker labels placed in rows above the plot so that no two overlap: each, left to right,
    /// goes into the first row where its box (with 6 px to spare) meets none already there.
    /// Returns each label's row, and the row count.
    static func labelRows(_ boxes: [ClosedRange<Double>]) -> (rows: [Int], count: Int) {
        var placed: [[ClosedRange<Double>]] = []
        var rows = Array(repeating: 0, count: boxes.count)
        for index in boxes.indices.sorted(by: { boxes[$0].lowerBound < boxes[$1].lowerBound }) {
            let box = (boxes[index].lowerBound - 6)...(boxes[index].upperBound + 6)
            var row = 0
            while row < placed.count, placed[row].contains(where: { $0.overlaps(box) }) { row += 1 }
            if row == placed.count { placed.append([]) }
            placed[row].append(boxes[index])
            rows[index] = row
        }
        return (rows, max(1, placed.count))
    }

    static let labelRowHeight = 14.0

    func canvas(id: String) -> SVGCanvas {
        let x = xAxis
        let lines = drawnLines
        let panels = Self.panels(lines.count)
        // Each panel's markers: those of its series, and those of no series.
        let panelMarkers: [[Marker]] = panels.map { range in
            let members = Set(range.flatMap { lines[$0].members })
            return markers.filter { x.canPlot($0.x) && ($0.series.map(members.contains) ?? true) }
        }
        var layouts: [(rows: [Int], extra: Double, legend: LegendLayout, height: Double)] = []
        for (index, range) in panels.enumerated() {
            let boxes = panelMarkers[index].map { marker -> ClosedRange<Double> in
                let px = x.position(marker.x)
                // The series' shape (12 px) before the text, when the marker has a series.
                let width = Self.textWidth(markerText(marker, lines: lines), fontSize: 11) + (marker.series == nil ? 0 : 12)
                return px > (Self.plotLeft + Self.plotRight) / 2 ? (px - 4 - width)...(px - 4) : (px + 4)...(px + 4 + width)
            }
            let rows = Self.labelRows(boxes)
            let extra = Double(rows.count - 1) * Self.labelRowHeight
            let legend = LegendLayout(labels: range.map { lines[$0].label }, left: Self.plotLeft, right: Self.plotRight,
                                      top: extra + Self.plotBottom + 58)
            layouts.append((rows.rows, extra, legend, legend.bottom + 8))
        }
        let height = layouts.reduce(0) { $0 + $1.height }
        var canvas = SVGCanvas(id: id, width: Self.width, height: height, title: title, description: description)
        var offset = 0.0
        for (index, range) in panels.enumerated() {
            let layout = layouts[index]
            if offset > 0 { canvas.append("<g transform=\"translate(0 \(ChartNumber.coordinate(offset)))\">") }
            drawPanel(into: &canvas, id: panels.count == 1 ? id : "\(id)-p\(index + 1)", x: x, lines: lines, range: range,
                      markers: panelMarkers[index], rows: layout.rows, extra: layout.extra, legend: layout.legend,
                      panel: panels.count == 1 ? nil : (index + 1, panels.count))
            if offset > 0 { canvas.append("</g>") }
            offset += layout.height
        }
        return canvas
    }

    /// One plot: axes, marker lines and labels, bands, lines and points of `lines[range]`, and its
    /// legend; everything `extra` lower for the marker labels' rows above it.
    private func drawPanel(into canvas: inout SVGCanvas, id: String, x: AxisScale, lines: [DrawnLine], range: Range<Int>,
                           markers: [Marker], rows: [Int], extra: Double, legend: LegendLayout, panel: (Int, Int)?) {
        let top = Self.plotTop + extra, bottom = Self.plotBottom + extra
        let ys = series.flatMap { $0.samples.flatMap { [$0.y, $0.lo, $0.hi].compactMap { $0 } } }
        let y = AxisScale.linear(covering: ys, fixed: yDomain, from: bottom, to: top)

        for tick in y.ticks {
            let py = y.position(tick)
            canvas.line(x1: Self.plotLeft, y1: py, x2: Self.plotRight, y2: py, cssClass: "ms-grid")
            canvas.text(ChartNumber.label(tick), x: Self.plotLeft - 8, y: py + 4, anchor: "end", cssClass: "ms-muted")
        }
        for tick in x.ticks {
            let px = x.position(tick)
            canvas.line(x1: px, y1: top, x2: px, y2: bottom, cssClass: "ms-grid")
            canvas.text(ChartNumber.label(tick), x: px, y: bottom + 18, cssClass: "ms-muted")
        }
        canvas.line(x1: Self.plotLeft, y1: bottom, x2: Self.plotRight, y2: bottom, cssClass: "ms-axis")
        canvas.line(x1: Self.plotLeft, y1: top, x2: Self.plotLeft, y2: bottom, cssClass: "ms-axis")
        let panelNote = panel.map { " — panel \($0.0) of \($0.1)" } ?? ""
        canvas.text(xLabel + (xScale == .log10 ? " (log scale)" : "") + panelNote, x: (Self.plotLeft + Self.plotRight) / 2,
                    y: bottom + 40)
        canvas.text(yLabel, x: 18, y: (top + bottom) / 2, rotate: true)

        for marker in markers {
            guard let interval = marker.interval, x.canPlot(interval.lowerBound), x.canPlot(interval.upperBound) else { continue }
            let left = x.position(interval.lowerBound), right = x.position(interval.upperBound)
            canvas.append("<rect x=\"\(ChartNumber.coordinate(left))\" y=\"\(ChartNumber.coordinate(top))\" width=\"\(ChartNumber.coordinate(max(0, right - left)))\" height=\"\(ChartNumber.coordinate(bottom - top))\" class=\"ms-marker-span\"><title>\("\(markerText(marker, lines: lines)), 95% interval \(ChartNumber.label(interval.lowerBound))–\(ChartNumber.label(interval.upperBound))".htmlEscaped)</title></rect>")
        }
        for (index, marker) in markers.enumerated() {
            let px = x.position(marker.x)
            let style = marker.series.flatMap { member in lines.first { $0.members.contains(member) }?.style }
            canvas.line(x1: px, y1: top, x2: px, y2: bottom, cssClass: style.map { "ms-marker ms-c\($0 % SVGCanvas.paletteSize)" } ?? "ms-marker")
            // Row 0 sits just above the plot, further rows above it. A series' marker carries the
            // series' shape and colour before its text (the text stays neutral, for contrast).
            let labelY = top - 8 - Double(rows[index]) * Self.labelRowHeight
            let end = px > (Self.plotLeft + Self.plotRight) / 2
            var textX = px + (end ? -4 : 4)
            if let style {
                canvas.append(Self.marker(style, x: textX + (end ? -5 : 5), y: labelY - 4, body: "", legend: true))
                textX += end ? -12 : 12
            }
            canvas.text(markerText(marker, lines: lines), x: textX, y: labelY, anchor: end ? "end" : "start", cssClass: "ms-muted")
        }

        // Bands and lines stay inside the plot (a 95% band can overshoot a fixed 0…1 range).
        let clipID = "\(id)-clip"
        canvas.append("<defs><clipPath id=\"\(clipID)\"><rect x=\"\(ChartNumber.coordinate(Self.plotLeft - 4))\" y=\"\(ChartNumber.coordinate(top - 4))\" width=\"\(ChartNumber.coordinate(Self.plotRight - Self.plotLeft + 8))\" height=\"\(ChartNumber.coordinate(bottom - top + 8))\"/></clipPath></defs>")
        canvas.append("<g clip-path=\"url(#\(clipID))\">")
        for line in lines[range] {
            let index = line.style
            let classes = SVGCanvas.seriesClasses(index)
            let drawable = line.samples.filter { x.canPlot($0.x) && $0.y.isFinite }.sorted { $0.x < $1.x }
            let banded = drawable.filter { ($0.lo?.isFinite ?? false) && ($0.hi?.isFinite ?? false) }
            if banded.count >= 2 {
                let upper = banded.map { (x: x.position($0.x), y: y.position($0.hi!)) }
                let lower = banded.reversed().map { (x: x.position($0.x), y: y.position($0.lo!)) }
                canvas.append("<polygon points=\"\(SVGCanvas.points(upper + lower))\" class=\"ms-band ms-c\(index % SVGCanvas.paletteSize)\"/>")
            }
            let points = drawable.map { (x: x.position($0.x), y: y.position($0.y)) }
            if points.count >= 2 {
                canvas.append("<polyline points=\"\(SVGCanvas.points(points))\" class=\"ms-line \(classes)\"/>")
            }
            for (sample, point) in zip(drawable, points) {
                // Every point says what it is on hover: its own words, or its series and values.
                var words = sample.title ?? "\(line.label): \(xLabel) = \(ChartNumber.label(sample.x)), \(yLabel) = \(ChartNumber.label(sample.y))"
                if line.members.count > 1 { words += " (\(line.label))" }
                let title = "<title>\(words.htmlEscaped)</title>"
                // Markers differ by shape as well as colour: circles, squares, diamonds, triangles.
                var dot = Self.marker(index, x: point.x, y: point.y, body: title)
                if let link = sample.link { dot = "<a href=\"\(link.htmlEscaped)\">\(dot)</a>" }
                canvas.append(dot)
            }
        }
        canvas.append("</g>")
        legend.draw(into: &canvas, bands: lines[range].map(\.hasBand), styles: lines[range].map(\.style))
    }

    /// The marker of series `index` at (x, y): its colour class and a shape by series (circle,
    /// square, diamond, triangle), with `body` (a `<title>`) inside.
    static func marker(_ index: Int, x: Double, y: Double, body: String, legend: Bool = false) -> String {
        let colour = "\(legend ? "ms-mark" : "ms-dot") ms-c\(index % SVGCanvas.paletteSize)"
        let cx = ChartNumber.coordinate(x), cy = ChartNumber.coordinate(y)
        switch index % 4 {
        case 1:
            return "<rect x=\"\(ChartNumber.coordinate(x - 3.2))\" y=\"\(ChartNumber.coordinate(y - 3.2))\" width=\"6.40\" height=\"6.40\" class=\"\(colour)\">\(body)</rect>"
        case 2:
            let points = SVGCanvas.points([(x, y - 4.2), (x + 4.2, y), (x, y + 4.2), (x - 4.2, y)])
            return "<polygon points=\"\(points)\" class=\"\(colour)\">\(body)</polygon>"
        case 3:
            let points = SVGCanvas.points([(x, y - 4.4), (x + 4, y + 3), (x - 4, y + 3)])
            return "<polygon points=\"\(points)\" class=\"\(colour)\">\(body)</polygon>"
        default:
            return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.4\" class=\"\(colour)\">\(body)</circle>"
        }
    }

    /// One row per sample: series, x, y and, when any series has one, the 95% interval.
    package var dataTable: DataTable {
        let withBands = series.contains(where: \.hasBand)
        var columns = ["Series", xLabel, yLabel]
        if withBands { columns += ["95% low", "95% high"] }
        var rows: [[String]] = []
        for line in series {
            for sample in line.samples {
                var row = [line.label, ChartNumber.precise(sample.x), ChartNumber.precise(sample.y)]
                if withBands { row += [sample.lo.map(ChartNumber.precise) ?? "", sample.hi.map(ChartNumber.precise) ?? ""] }
                rows.append(row)
            }
        }
        return DataTable(columns: columns, rows: rows)
    }
}

/// Where legend entries go: left to right, wrapping onto new rows.
struct LegendLayout {
    var entries: [(label: String, x: Double, y: Double)] = []
    var bottom: Double

    init(labels: [String], left: Double, right: Double, top: Double) {
        var x = left
        var y = top
        for label in labels {
            // An estimate of the text width; exact metrics are not available without a renderer.
            let width = 34 + Double(label.count) * 6.6
            if x + width > right, x > left {
                x = left
                y += 20
            }
            entries.append((label, x, y))
            x += width + 14
        }
        bottom = labels.isEmpty ? top - 12 : y + 8
    }

    /// Draws the entries; `styles[i]` is the series index whose colour, dash and shape entry i
    /// takes (its position by default).
    func draw(into canvas: inout SVGCanvas, bands: [Bool], styles: [Int]? = nil) {
        for (position, entry) in entries.enumerated() {
            let index = styles?[position] ?? position
            if position < bands.count, bands[position] {
                canvas.rect(x: entry.x, y: entry.y - 7, width: 26, height: 12, cssClass: "ms-band ms-c\(index % SVGCanvas.paletteSize)")
            }
            canvas.line(x1: entry.x, y1: entry.y - 1, x2: entry.x + 26, y2: entry.y - 1,
                        cssClass: "ms-line \(SVGCanvas.seriesClasses(index))")
            canvas.append(LineChart.marker(index, x: entry.x + 13, y: entry.y - 1, body: "", legend: true))
            canvas.text(entry.label, x: entry.x + 32, y: entry.y + 3, anchor: "start")
        }
    }
}
