import Foundation
import MesaResults
import Testing
@testable import MesaReport

@Suite("Report content")
struct ReportBuilderTests {
    @Test("sections follow the notebook order")
    func notebookOrder() throws {
        let markdown = ReportBuilder(results: Fixtures.results()).build().markdown
        let landmarks = [
            "## Question", "### Setup: analytic", "## Analytic model", "In the analytic model the mesa share",
            "Now the simulation", "### Setup: environment", "### Setup: model", "## Simulation results",
            "Mesa-optimizer share against", "### Outcomes across seeds", "### Mazes", "Closing remarks.",
            "## Findings", "## Scenario source", "## Data",
        ]
        var previous = markdown.startIndex
        for landmark in landmarks {
            let range = try #require(markdown.range(of: landmark, range: previous..<markdown.endIndex), "missing or out of order: \(landmark)")
            previous = range.upperBound
        }
    }

    @Test("without a detector the tables show no deception columns (issue 21, item 7)")
    func noDeceptionColumnsWithoutDetector() throws {
        let with = ReportBuilder(results: Fixtures.results()).build().markdown
        #expect(with.contains("| Point | Runs | mesa\\_optimizer | train\\_score | deploy\\_score | deceptive | defection\\_rate |"))
        var results = Fixtures.results()
        results.runs = results.runs.map { run in
            var run = run
            run.metrics[.detectorCost] = nil
            run.metrics[.paramsDetector] = 0
            run.metrics[.deceptive] = 0
            run.metrics[.defectionRate] = 0
            return run
        }
        let without = ReportBuilder(results: results).build().markdown
        #expect(without.contains("| Point | Runs | mesa\\_optimizer | train\\_score | deploy\\_score |\n"), "\(without)")
        #expect(!without.contains("| deceptive |"))
        #expect(!without.contains("defection\\_rate |"))
    }

    @Test("the setup table marks swept settings")
    func setupTable() {
        let markdown = ReportBuilder(results: Fixtures.results()).build().markdown
        #expect(markdown.contains("| instances | 1, 2, 4, 8, 16 | swept |"))
        #expect(markdown.contains("| size | 3x3 |   |"))
    }

    @Test("the expected figures are there, referenced as figures/*.svg")
    func figures() {
        let document = ReportBuilder(results: Fixtures.results()).build()
        #expect(document.figures.map(\.name) == [
            "analytic-1", "mesa-share-environment-instances", "scores-environment-instances",
            "deception-environment-instances", "budget-environment-instances", "search-share-histogram", "maze-1",
        ])
        #expect(document.markdown.contains("![Figure 1: Analytic optimum against N (P = 100, f(x) = x^2, x\\_max = 20)](figures/analytic-1.svg)"))
        let analytic = document.figures[0]
        #expect(analytic.standaloneSVG.contains(">crossover 16</text>"))
        #expect(analytic.standaloneSVG.contains(">onset 1</text>"))
        #expect(analytic.standaloneSVG.contains(">saturation 32</text>"))
        #expect(analytic.standaloneSVG.contains("(log scale)"), "N = 1 … 32 doubles at each step")
        // The quadratic closed form x* = min(N/2, 10), as the data table shows it.
        #expect(analytic.data.rows.contains(["mesa share x*", "16", "8"]))
        #expect(analytic.data.rows.contains(["J*", "1", "100.25"]))
        #expect(analytic.data.rows.contains(["mesa share x*", "32", "10"]))
    }

    @Test("the histogram shows the split at N = 4")
    func bimodalHistogram() throws {
        let document = ReportBuilder(results: Fixtures.results()).build()
        let histogram = try #require(document.figures.first { $0.name == "search-share-histogram" })
        let row = try #require(histogram.data.rows.first { $0[0] == "environment.instances = 4" })
        // Two runs near 0, two near 1.
        #expect(row == ["environment.instances = 4", "4", "1", "1", "0", "0", "0", "0", "0", "0", "0", "2"])
    }

    @Test("every finding is listed as a sentence")
    func findings() {
        let markdown = ReportBuilder(results: Fixtures.results()).build().markdown
        let findingsSection = markdown.components(separatedBy: "## Findings").last ?? ""
        #expect(findingsSection.contains("Search was selected in at least half of the runs from N ≈ 4 (95% interval 2–8) on."))
        #expect(findingsSection.contains("In the analytic model the mesa share exceeds the tuning share from N = 16 on."))
    }

    @Test("building twice gives identical Markdown and HTML")
    func deterministic() throws {
        let first = ReportBuilder(results: Fixtures.results()).build()
        let second = ReportBuilder(results: Fixtures.results()).build()
        #expect(first.markdown == second.markdown)
        let renderer = PageRenderer(templates: .builtIn)
        #expect(try renderer.reportPage(for: first) == renderer.reportPage(for: second))
    }

    @Test("checked predictions open the findings, each marked with its verdict")
    func predictions() {
        var results = Fixtures.results()
        let others = results.findings
        results.findings = [
            Finding(kind: .expectation, metric: "mesa_optimizer", axis: "", value: nil,
                    sentence: "Predicted: A. Checked: it does.", verdict: .holds),
            Finding(kind: .expectation, metric: "proxy_pursuit", axis: "", value: nil,
                    sentence: "Predicted: B. Checked: it is not.", verdict: .doesNotHold),
            Finding(kind: .expectation, metric: "deceptive", axis: "", value: nil,
                    sentence: "Predicted: C. Checked: the runs cannot tell.", verdict: .notShown),
        ] + others
        let markdown = ReportBuilder(results: results).findingsMarkdown()
        let note = ReportBuilder(results: results).seedsNote
        #expect(note == "The verdicts rest on \(results.runs.count) runs, \(Dictionary(grouping: results.runs, by: \.point).values.map(\.count).max()!) per point, each test on the runs it concerns, with 95% intervals (docs/statistics.md).\n")
        #expect(markdown.hasPrefix("""
            ## Findings

            ### Predictions checked

            \(note)
            - **Holds.** Predicted: A. Checked: it does.
            - **Does not hold.** Predicted: B. Checked: it is not.
            - **Not shown.** Predicted: C. Checked: the runs cannot tell.

            ### What the runs show

            - 
            """))
        #expect(markdown.contains(others[0].sentence.markdownEscaped))
    }

    @Test("an expect block is shown as the scenario's predictions, not as settings")
    func expectBlock() {
        var results = Fixtures.results()
        results.notebook.append(NotebookEntry(kind: .block, block: "expect", settings: [
            SettingRow(key: "mesa_optimizer", value: "rises along instances", swept: false),
        ]))
        let markdown = ReportBuilder(results: results).build().markdown
        #expect(markdown.contains("### Predictions (`expect`)\n\nChecked against the runs under [Findings](#findings).\n"))
        #expect(markdown.contains("| Metric | Prediction |"))
        #expect(markdown.contains("| mesa\\_optimizer | rises along instances |"))
        #expect(!markdown.contains("Setup: expect"))
    }

    @Test("trends follow the findings collapsed, in both the HTML and the Markdown report")
    func collapsedTrends() throws {
        var results = Fixtures.results()
        results.findings.append(Finding(kind: .trend, metric: "train_score", axis: "environment.instances", value: -0.2,
                                        sentence: "The training score falls from 1 at N = 1 to 0.8 at N = 4 <b>."))
        let document = ReportBuilder(results: results).build()
        #expect(!ReportBuilder(results: results).findingsMarkdown().contains("training score falls"))
        let html = document.htmlBody().html
        let details = try #require(html.range(of: "<details class=\"collapsed-findings\"><summary>Trends of the key metrics along each swept axis (1 finding)</summary>"))
        let sentence = try #require(html.range(of: "The training score falls from 1 at N = 1 to 0.8 at N = 4 &lt;b&gt;."))
        #expect(details.upperBound < sentence.lowerBound)
        #expect(html.range(of: "</details>", range: sentence.upperBound..<html.endIndex) != nil)
        #expect(document.markdown.contains("<details><summary>Trends of the key metrics along each swept axis (1 finding)</summary>\n\n- The training score falls"))
    }

    @Test("hostile scenario text is escaped everywhere", arguments: [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{mustache}} {{{raw}}}",
    ])
    func hostileText(_ hostile: String) throws {
        var results = Fixtures.results(title: hostile, prose: "Prose with \(hostile) inside.")
        results.notebook.append(NotebookEntry(kind: .block, block: hostile, settings: [SettingRow(key: hostile, value: hostile, swept: true)]))
        results.findings.append(Finding(kind: .claim, metric: "m", axis: "a", value: nil, sentence: hostile))
        results.mazes[0].point = Point([Point.Coordinate(key: hostile, value: .text(hostile))])
        results.source += "</code></pre>" + hostile
        let document = ReportBuilder(results: results).build()
        let html = try PageRenderer(templates: .builtIn).reportPage(for: document)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("{{mustache}}") == hostile.contains("{{mustache}}"), "template syntax in values is not interpreted")
        #expect(html.components(separatedBy: "</code></pre>").count == html.components(separatedBy: "<pre><code").count,
                "the source cannot close its own code block")
        if hostile.hasPrefix("<script>") {
            #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; · mesascope</title>"))
            #expect(html.contains("<h1 id=\"top\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        }
        for figure in document.figures {
            #expect(SVGInspector.parse(figure.inlineSVG) != nil, "figure \(figure.name) stays well-formed")
        }
        let markdownHTML = MarkdownRenderer.html(from: document.markdown)
        #expect(!markdownHTML.contains("<script>"))
        #expect(!markdownHTML.contains("<img src=x"))
    }

    @Test("the HTML body inlines every figure with its data table and gives headings ids")
    func htmlBody() {
        let document = ReportBuilder(results: Fixtures.results()).build()
        let body = document.htmlBody()
        #expect(body.html.components(separatedBy: "<svg ").count - 1 == document.figures.count)
        #expect(body.html.contains("<figure class=\"report-figure\" id=\"fig-analytic-1\">"))
        #expect(body.html.contains("<summary>Data for figure 1</summary>"))
        #expect(body.contents.map(\.text).starts(with: ["Question", "Setup: analytic", "Analytic model"]))
        #expect(body.contents.allSatisfy { body.html.contains("id=\"\($0.id)\"") })
        #expect(Set(body.contents.map(\.id)).count == body.contents.count)
    }

    @Test("an analytic-only scenario has no simulation section")
    func analyticOnly() {
        var results = Fixtures.results()
        results.runs = []
        results.summary = []
        results.mazes = []
        results.axes = []
        let markdown = ReportBuilder(results: results).build().markdown
        #expect(markdown.contains("## Analytic model"))
        #expect(!markdown.contains("## Simulation results"))
    }

    @Test("a second, textual axis splits the lines into slices and appears in the summary table")
    func multiAxis() throws {
        var results = Fixtures.results()
        func withOptimizer(_ point: Point, _ name: String) -> Point {
            Point(point.coordinates + [Point.Coordinate(key: "model.optimizer", value: .text(name))])
        }
        results.axes.append(AxisDescription(key: "model.optimizer", values: [.text("exact"), .text("hill_climb")], geometric: false))
        results.runs = ["exact", "hill_climb"].flatMap { name in results.runs.map { run in
            var run = run
            run.point = withOptimizer(run.point, name)
            return run
        } }
        results.summary = ["exact", "hill_climb"].flatMap { name in results.summary.map { summary in
            var summary = summary
            summary.point = withOptimizer(summary.point, name)
            return summary
        } }
        let document = ReportBuilder(results: results).build()
        let mesa = try #require(document.figures.first { $0.name == "mesa-share-environment-instances" })
        #expect(Set(mesa.data.rows.map { $0[0] }) == ["optimizer = exact", "optimizer = hill_climb"])
        #expect(!document.figures.contains { $0.name.contains("optimizer") }, "no line chart along a textual axis")
        #expect(document.markdown.contains("| instances = 4, optimizer = hill\\_climb | 4 | 0.5 (0.4–0.6) |"))
    }

    @Test("a hill-climbing line beside exact selection names its acceptance rule, unless the rule is swept")
    func legendNamesTheAcceptanceRule() throws {
        func compared(sweepingAccept: Bool) -> ScenarioResults {
            var results = Fixtures.results()
            func with(_ point: Point, _ name: String) -> Point {
                Point(point.coordinates + [Point.Coordinate(key: "training.optimizer", value: .text(name))])
            }
            results.axes.append(AxisDescription(key: "training.optimizer", values: [.text("exact"), .text("hill_climb")], geometric: false))
            if sweepingAccept {
                results.axes.append(AxisDescription(key: "training.accept", values: [.text("anneal 0.02")], geometric: false))
            }
            results.runs = ["exact", "hill_climb"].flatMap { name in results.runs.map { run in
                var run = run
                run.point = with(run.point, name)
                run.optimizer = name == "exact" ? .exact : .hillClimb
                run.acceptance = name == "exact" ? nil : "anneal 0.02"
                return run
            } }
            results.summary = ["exact", "hill_climb"].flatMap { name in results.summary.map { summary in
                var summary = summary
                summary.point = with(summary.point, name)
                return summary
            } }
            return results
        }
        let named = ReportBuilder(results: compared(sweepingAccept: false)).build()
        let mesa = try #require(named.figures.first { $0.name == "mesa-share-environment-instances" })
        #expect(Set(mesa.data.rows.map { $0[0] }) == ["optimizer = exact", "optimizer = hill_climb (accept anneal 0.02)"])
        let swept = ReportBuilder(results: compared(sweepingAccept: true)).build()
        let plain = try #require(swept.figures.first { $0.name == "mesa-share-environment-instances" })
        #expect(!plain.data.rows.contains { $0[0].contains("(accept") })
    }
}
