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

        package init(x: Double, label: String, interval: ClosedRange<Double>? = nil) {
            self.x = x
            self.label = label
            self.interval = interval
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

    func canvas(id: String) -> SVGCanvas {
        let x = xAxis
        let y = yAxis
        let legend = LegendLayout(labels: series.map(\.label), left: Self.plotLeft, right: Self.plotRight, top: Self.plotBottom + 58)
        var canvas = SVGCanvas(id: id, width: Self.width, height: legend.bottom + 8, title: title, description: description)

        for tick in y.ticks {
            let py = y.position(tick)
            canvas.line(x1: Self.plotLeft, y1: py, x2: Self.plotRight, y2: py, cssClass: "ms-grid")
            canvas.text(ChartNumber.label(tick), x: Self.plotLeft - 8, y: py + 4, anchor: "end", cssClass: "ms-muted")
        }
        for tick in x.ticks {
            let px = x.position(tick)
            canvas.line(x1: px, y1: Self.plotTop, x2: px, y2: Self.plotBottom, cssClass: "ms-grid")
            canvas.text(ChartNumber.label(tick), x: px, y: Self.plotBottom + 18, cssClass: "ms-muted")
        }
        canvas.line(x1: Self.plotLeft, y1: Self.plotBottom, x2: Self.plotRight, y2: Self.plotBottom, cssClass: "ms-axis")
        canvas.line(x1: Self.plotLeft, y1: Self.plotTop, x2: Self.plotLeft, y2: Self.plotBottom, cssClass: "ms-axis")
        canvas.text(xLabel + (xScale == .log10 ? " (log scale)" : ""), x: (Self.plotLeft + Self.plotRight) / 2,
                    y: Self.plotBottom + 40)
        canvas.text(yLabel, x: 18, y: (Self.plotTop + Self.plotBottom) / 2, rotate: true)

        for marker in markers where x.canPlot(marker.x) {
            guard let interval = marker.interval, x.canPlot(interval.lowerBound), x.canPlot(interval.upperBound) else { continue }
            let left = x.position(interval.lowerBound), right = x.position(interval.upperBound)
            canvas.append("<rect x=\"\(ChartNumber.coordinate(left))\" y=\"\(ChartNumber.coordinate(Self.plotTop))\" width=\"\(ChartNumber.coordinate(max(0, right - left)))\" height=\"\(ChartNumber.coordinate(Self.plotBottom - Self.plotTop))\" class=\"ms-marker-span\"><title>\("\(marker.label) \(ChartNumber.label(marker.x)), 95% interval \(ChartNumber.label(interval.lowerBound))–\(ChartNumber.label(interval.upperBound))".htmlEscaped)</title></rect>")
        }
        for (index, marker) in markers.enumerated() where x.canPlot(marker.x) {
            let px = x.position(marker.x)
            canvas.line(x1: px, y1: Self.plotTop, x2: px, y2: Self.plotBottom, cssClass: "ms-marker")
            let labelY = Self.plotTop - 10 + Double(index % 3) * 13
            let anchor = px > (Self.plotLeft + Self.plotRight) / 2 ? "end" : "start"
            canvas.text("\(marker.label) \(ChartNumber.label(marker.x))", x: px + (anchor == "end" ? -4 : 4),
                        y: labelY, anchor: anchor, cssClass: "ms-muted")
        }

        // Bands and lines stay inside the plot (a 95% band can overshoot a fixed 0…1 range).
        let clipID = "\(id)-clip"
        canvas.append("<defs><clipPath id=\"\(clipID)\"><rect x=\"\(ChartNumber.coordinate(Self.plotLeft - 4))\" y=\"\(ChartNumber.coordinate(Self.plotTop - 4))\" width=\"\(ChartNumber.coordinate(Self.plotRight - Self.plotLeft + 8))\" height=\"\(ChartNumber.coordinate(Self.plotBottom - Self.plotTop + 8))\"/></clipPath></defs>")
        canvas.append("<g clip-path=\"url(#\(clipID))\">")
        for (index, line) in series.enumerated() {
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
                let words = sample.title ?? "\(line.label): \(xLabel) = \(ChartNumber.label(sample.x)), \(yLabel) = \(ChartNumber.label(sample.y))"
                let title = "<title>\(words.htmlEscaped)</title>"
                // Markers differ by shape as well as colour: circles, squares, diamonds, triangles.
                var dot = Self.marker(index, x: point.x, y: point.y, body: title)
                if let link = sample.link { dot = "<a href=\"\(link.htmlEscaped)\">\(dot)</a>" }
                canvas.append(dot)
            }
        }
        canvas.append("</g>")
        legend.draw(into: &canvas, bands: series.map(\.hasBand))
        return canvas
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

    func draw(into canvas: inout SVGCanvas, bands: [Bool]) {
        for (index, entry) in entries.enumerated() {
            if index < bands.count, bands[index] {
                canvas.rect(x: entry.x, y: entry.y - 7, width: 26, height: 12, cssClass: "ms-band ms-c\(index % SVGCanvas.paletteSize)")
            }
            canvas.line(x1: entry.x, y1: entry.y - 1, x2: entry.x + 26, y2: entry.y - 1,
                        cssClass: "ms-line \(SVGCanvas.seriesClasses(index))")
            canvas.append(LineChart.marker(index, x: entry.x + 13, y: entry.y - 1, body: "", legend: true))
            canvas.text(entry.label, x: entry.x + 32, y: entry.y + 3, anchor: "start")
        }
    }
}
