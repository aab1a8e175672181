import Foundation
import Testing
@testable import MesaReport

@Suite("SVG charts")
struct ChartTests {
    let chart = LineChart(
        title: "Share <against> N & more", description: "Mean \"share\" with 95% band.", xLabel: "N", yLabel: "share",
        xScale: .log10, yDomain: 0...1,
        series: [
            .init(label: "mesa", samples: [.init(x: 1, y: 0, lo: 0, hi: 0.2), .init(x: 10, y: 0.5, lo: 0.3, hi: 0.7),
                                           .init(x: 100, y: 1, lo: 0.8, hi: 1)]),
            .init(label: "tuning", samples: [.init(x: 1, y: 1), .init(x: 100, y: 0)]),
        ],
        markers: [.init(x: 10, label: "crossover")])

    @Test("a line chart is well-formed, accessible SVG")
    func lineChartStructure() throws {
        let svg = chart.figure(name: "test").inlineSVG
        let inspector = try #require(SVGInspector.parse(svg))
        let root = try #require(inspector.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "svg-test-title")
        #expect(root.attributes["aria-describedby"] == "svg-test-desc")
        #expect(inspector.elements(named: "title").first?.attributes["id"] == "svg-test-title")
        #expect(inspector.elements(named: "title").first?.text == "Share <against> N & more")
        #expect(inspector.elements(named: "desc").first?.text == "Mean \"share\" with 95% band.")
        #expect(inspector.elements(named: "polyline").count == 2)
        #expect(inspector.elements(named: "polygon").count == 1, "one 95% band")
        #expect(inspector.elements(named: "text").contains { $0.text == "crossover 10" })
        #expect(inspector.elements(named: "text").contains { $0.text == "mesa" })
        #expect(!svg.contains("<against>"))
    }

    static func flatSeries(_ label: String, level: Double) -> LineChart.Series {
        .init(label: label, samples: [1, 4, 16, 64].map { .init(x: $0, y: level, lo: max(0, level - 0.1), hi: min(1, level + 0.1)) })
    }

    static func rising(_ label: String, shift: Double) -> LineChart.Series {
        .init(label: label, samples: [1, 4, 16, 64].enumerated().map { .init(x: $1, y: min(1, Double($0) * 0.3 + shift)) })
    }

    @Test("N* labels name their series and no two texts overlap, however close the markers (issue 21, item 6)")
    func markerLabelsDoNotOverlap() throws {
        let lines = (0..<4).map { Self.rising("K = \(16 << $0)", shift: Double($0) * 0.05) }
        let markers = [9.0, 10, 11, 12.5].enumerated().map { LineChart.Marker(x: $1, label: "N*", interval: ($1 - 1)...($1 + 1), series: $0) }
        let chart = LineChart(title: "t", description: "d", xLabel: "N", yLabel: "share", xScale: .log10, yDomain: 0...1,
                              series: lines, markers: markers)
        let inspector = try #require(SVGInspector.parse(chart.figure(name: "close").inlineSVG))
        let overlaps = inspector.overlappingTexts()
        #expect(overlaps.isEmpty, "\(overlaps)")
        let texts = inspector.elements(named: "text").map(\.text)
        for (index, x) in [9.0, 10, 11, 12.5].enumerated() {
            #expect(texts.contains("N* \(ChartNumber.label(x)) · K = \(16 << index)"), "\(texts)")
        }
        // Markers far apart stay on one row, just above the plot, as before.
        let apart = LineChart(title: "t", description: "d", xLabel: "N", yLabel: "share", xScale: .log10, yDomain: 0...1,
                              series: lines, markers: [.init(x: 2, label: "N*", series: 0), .init(x: 50, label: "N*", series: 1)])
        let canvas = apart.canvas(id: "apart")
        #expect(canvas.height == chart.canvas(id: "close").height - 3 * LineChart.labelRowHeight)
    }

    @Test("identical series are drawn once and said to be identical (issue 21, item 6)")
    func identicalSeries() throws {
        let lines = [Self.flatSeries("K = 16", level: 0.5)] + [64, 256, 1024].map { Self.flatSeries("K = \($0)", level: 0) }
        let chart = LineChart(title: "t", description: "d", xLabel: "N", yLabel: "share", xScale: .log10, yDomain: 0...1, series: lines)
        let inspector = try #require(SVGInspector.parse(chart.figure(name: "same").inlineSVG))
        #expect(inspector.elements(named: "polyline").count == 2)
        #expect(inspector.elements(named: "text").contains { $0.text == "K = 64, 256, 1024: identical" })
        #expect(chart.dataTable.rows.count == 16, "the data table keeps every series")
        #expect(LineChart.identicalLabel(["a = 1", "b = 2"]) == "a = 1; b = 2: identical")
    }

    @Test("more than five series become small multiples; no colour and dash pair repeats (issue 21, item 6)")
    func smallMultiples() throws {
        let lines = (0..<8).map { Self.rising("s = \($0)", shift: Double($0) * 0.03) }
        let chart = LineChart(title: "t", description: "d", xLabel: "N", yLabel: "share", xScale: .log10, yDomain: 0...1, series: lines)
        #expect(LineChart.panels(8) == [0..<4, 4..<8])
        #expect(LineChart.panels(5) == [0..<5])
        #expect(LineChart.panels(11) == [0..<4, 4..<8, 8..<11])
        let inspector = try #require(SVGInspector.parse(chart.figure(name: "many").inlineSVG))
        #expect(inspector.elements(named: "polyline").count == 8)
        #expect(inspector.elements(named: "text").filter { $0.text.hasSuffix("panel 1 of 2") || $0.text.hasSuffix("panel 2 of 2") }.count == 2)
        #expect(inspector.overlappingTexts().isEmpty, "\(inspector.overlappingTexts())")
        let styles = inspector.elements(named: "polyline").map { $0.attributes["class"] ?? "" }
        #expect(Set(styles).count == styles.count, "\(styles)")
        let pairs = (0..<24).map { SVGCanvas.seriesClasses($0) }
        #expect(Set(pairs).count == 24)
    }

    @Test("no figure of a report has overlapping text")
    func reportFiguresHaveNoOverlappingText() throws {
        for figure in ReportBuilder(results: Fixtures.results()).build().figures {
            let inspector = try #require(SVGInspector.parse(figure.inlineSVG))
            #expect(inspector.overlappingTexts().isEmpty, "\(figure.name): \(inspector.overlappingTexts())")
        }
    }

    @Test("a log axis places 1, 10 and 100 at equal spacing")
    func logAxisSpacing() throws {
        let scale = AxisScale.log10(covering: [1, 10, 100], from: 60, to: 460)
        #expect(scale.position(1) == 60)
        #expect(scale.position(10) == 260)
        #expect(scale.position(100) == 460)
        #expect(scale.ticks == [1, 10, 100])

        let inspector = try #require(SVGInspector.parse(chart.figure(name: "log").inlineSVG))
        func tickX(_ label: String) -> String? {
            inspector.elements(named: "text").first { $0.text == label && $0.attributes["class"] == "ms-muted" && $0.attributes["y"] == "336.00" }?
                .attributes["x"]
        }
        // The plot spans x = 72 … 700, so the decades sit at 72, 386 and 700.
        #expect(tickX("1") == "72.00")
        #expect(tickX("10") == "386.00")
        #expect(tickX("100") == "700.00")
    }

    @Test("linear axes use nice ticks")
    func linearTicks() {
        let scale = AxisScale.linear(covering: [0.03, 0.93], from: 0, to: 100)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(scale.ticks.map(ChartNumber.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        let counts = AxisScale.linear(covering: [3, 47], from: 0, to: 100)
        #expect(counts.ticks == [0, 10, 20, 30, 40, 50])
        #expect(counts.position(25) == 50)
    }

    @Test("number formatting is fixed and locale-free")
    func numbers() {
        #expect(ChartNumber.coordinate(-0.001) == "0.00")
        #expect(ChartNumber.coordinate(1234.5678) == "1234.57")
        #expect(ChartNumber.label(16) == "16")
        #expect(ChartNumber.label(11.547) == "11.547")
        #expect(ChartNumber.label(0.123456) == "0.123")
        #expect(ChartNumber.label(1234.56) == "1234.6")
        #expect(ChartNumber.label(.nan) == "n/a")
        #expect(ChartNumber.precise(100.25) == "100.25")
        #expect(ChartNumber.precise(1.0 / 3) == "0.333333")
    }

    @Test("a histogram counts outcomes per bin, upper end included")
    func histogramCounts() throws {
        let histogram = Histogram(title: "t", description: "d", valueLabel: "share", panels: [
            .init(label: "N = 4", values: [0, 0.05, 0.5, 0.95, 1]),
        ])
        #expect(histogram.counts(of: [0, 0.05, 0.5, 0.95, 1]) == [2, 0, 0, 0, 0, 1, 0, 0, 0, 2])
        let figure = histogram.figure(name: "h")
        let inspector = try #require(SVGInspector.parse(figure.inlineSVG))
        #expect(inspector.elements(named: "rect").count == 3, "one bar per non-empty bin")
        #expect(figure.data.rows == [["N = 4", "5", "2", "0", "0", "0", "0", "1", "0", "0", "0", "2"]])
    }

    @Test("histogram panel headings break after commas into at most two lines")
    func histogramCaptions() {
        #expect(Histogram.captionLines("instances = 4") == ["", "instances = 4"])
        #expect(Histogram.captionLines("instances = 16, optimizer = hill_climb") == ["instances = 16,", "optimizer = hill_climb"])
        #expect(Histogram.captionLines("a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8") == ["a = 1, b = 2, c = 3, d = 4,", "e = 5, f = 6, g = 7, h = 8"])
    }

    @Test("a maze draws each closed wall once, with start, goal, proxy and path")
    func mazeWalls() throws {
        // Two cells side by side, open between them: 2 + 2 horizontal edges, 2 outer vertical edges.
        let drawing = MesaReportTestsMaze.twoCells
        let figure = MazeFigure(title: "m", description: "d", drawings: [drawing]).figure(name: "m")
        let inspector = try #require(SVGInspector.parse(figure.inlineSVG))
        let walls = try #require(inspector.elements(named: "path").first { $0.attributes["class"] == "ms-wall" })
        #expect(walls.attributes["d"]?.filter { $0 == "M" }.count == 6)
        #expect(inspector.elements(named: "circle").count == 3, "start, plus the legend's start and expanded-cell markers")
        #expect(inspector.elements(named: "polyline").count == 1)
        #expect(inspector.elements(named: "rect").contains { $0.attributes["class"] == "ms-proxy" })
        #expect(figure.data.rows.first?.last == "(0, 0) (1, 0)")
    }

    @Test("expanded cells are dotted; a path ending in the proxy region says so; a cycle to the step limit is summarised")
    func mazeEpisodeWords() throws {
        var drawing = MesaReportTestsMaze.twoCells
        drawing.expanded = [0, 1]
        let figure = MazeFigure(title: "m", description: "d", drawings: [drawing]).figure(name: "m")
        let inspector = try #require(SVGInspector.parse(figure.inlineSVG))
        #expect(inspector.elements(named: "circle").filter { $0.attributes["class"] == "ms-expanded" }.count == 3,
                "two cells, plus the legend's marker")
        var proxyEnd = drawing
        proxyEnd.goal = 0
        proxyEnd.start = 0
        proxyEnd.proxy = [1]
        proxyEnd.path = [0, 1]
        #expect(proxyEnd.outcome == "went to the proxy region, not the goal")
        // A path that settles into a two-cell cycle after one step.
        var cycling = drawing
        cycling.path = [0, 1, 0, 1, 0, 1, 0]
        #expect(MazeDrawing.cycle(in: cycling.path)?.start == 0 && MazeDrawing.cycle(in: cycling.path)?.length == 2)
        #expect(cycling.pathSummary { "(\($0 % 2), \($0 / 2))" } == "then cycles between (0, 0) and (1, 0) until the step limit (6 more steps)")
        #expect(MazeDrawing.cycle(in: [0, 1, 2, 3]) == nil, "a simple path is not a cycle")
    }

    @Test("the fixture's 3×3 maze closes exactly the walls its openings say")
    func mazeOpeningsAgree() throws {
        let figure = MazeFigure(title: "m", description: "d", drawings: [Fixtures.maze(phase: .training, defected: false)])
            .figure(name: "m3")
        let inspector = try #require(SVGInspector.parse(figure.inlineSVG))
        let walls = try #require(inspector.elements(named: "path").first { $0.attributes["class"] == "ms-wall" })
        // 24 unit edges in a 3×3 grid; the corridor 0-1-2-5-8-7-6 opens 6 of them.
        #expect(walls.attributes["d"]?.filter { $0 == "M" }.count == 18)
        #expect(walls.attributes["class"] == "ms-wall", "normal strokes on a small maze")
    }
}

import MesaResults

enum MesaReportTestsMaze {
    static let twoCells = MazeDrawing(point: Point([]), repetition: 0, phase: .training, instance: 0, width: 2, height: 1,
                                      openings: [2, 8],
                                      start: 0, goal: 1, proxy: [1], path: [0, 1], defected: false)
}
