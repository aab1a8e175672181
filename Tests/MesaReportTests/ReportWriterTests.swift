import Foundation
import MesaResults
import Testing
@testable import MesaReport

@Suite("Writing report folders")
struct ReportWriterTests {
    @Test("a report folder holds the page, the Markdown, the figures and the data")
    func layout() throws {
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        let folder = try ReportWriter().write(Fixtures.results(), to: reports)
        #expect(folder.lastPathComponent == "diversity")
        let files = try Fixtures.files(in: folder)
        for name in ["index.html", "report.md", "results.json", "results.csv", "figures/analytic-1.svg", "figures/maze-1.svg"] {
            #expect(files[name] != nil, "missing \(name)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: reports.path)
        #expect(leftovers == ["diversity"], "no staging or backup folder remains")
        let page = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        #expect(!page.contains("<script"), "self-contained: no scripts")
        #expect(!page.contains("<link"), "self-contained: no external stylesheets")
        #expect(!page.contains("<img"), "figures are inline SVG")
    }

    @Test("the same results give byte-identical files")
    func deterministic() throws {
        let first = try Fixtures.temporaryDirectory()
        let second = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let a = try Fixtures.files(in: ReportWriter().write(Fixtures.results(), to: first))
        let b = try Fixtures.files(in: ReportWriter().write(Fixtures.results(), to: second))
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b)
    }

    @Test("rerendering from results.json reproduces the report exactly")
    func rerender() throws {
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        let folder = try ReportWriter().write(Fixtures.results(), to: reports)
        let before = try Fixtures.files(in: folder)
        let reread = try ReportWriter.readResults(from: folder)
        try ReportWriter().write(reread, at: folder)
        #expect(reread.slug == "diversity")
        #expect(reread.runs.count == 20)
        #expect(try Fixtures.files(in: folder) == before)
    }

    @Test("rerendering keeps axis order even when it is not alphabetical")
    func rerenderKeepsAxisOrder() throws {
        var results = Fixtures.results()
        // `z.seed_bank` sorts after `environment.instances` but is the first axis here.
        results.axes.insert(AxisDescription(key: "z.seed_bank", values: [.text("a")], geometric: false), at: 0)
        func extended(_ point: Point) -> Point {
            Point([Point.Coordinate(key: "z.seed_bank", value: .text("a"))] + point.coordinates)
        }
        for index in results.runs.indices { results.runs[index].point = extended(results.runs[index].point) }
        for index in results.summary.indices { results.summary[index].point = extended(results.summary[index].point) }
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        let folder = try ReportWriter().write(results, to: reports)
        let before = try Fixtures.files(in: folder)
        try ReportWriter().write(try ReportWriter.readResults(from: folder), at: folder)
        #expect(try Fixtures.files(in: folder) == before)
        let csv = String(decoding: try #require(before["results.csv"]), as: UTF8.self)
        #expect(csv.hasPrefix("z.seed_bank,environment.instances,seed,"))
        let markdown = String(decoding: try #require(before["report.md"]), as: UTF8.self)
        #expect(markdown.contains("| seed\\_bank = a, instances = 4 | 4 |"))
    }

    @Test("an existing report is replaced as a whole")
    func replacesWholly() throws {
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        let folder = reports.appendingPathComponent("diversity")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: folder.appendingPathComponent("stale.txt"))
        try Data("old".utf8).write(to: folder.appendingPathComponent("figures/removed-figure.svg"))
        try ReportWriter().write(Fixtures.results(), to: reports)
        let files = try Fixtures.files(in: folder)
        #expect(files["stale.txt"] == nil)
        #expect(files["figures/removed-figure.svg"] == nil)
        #expect(files["index.html"] != nil)
    }

    @Test("a render that fails midway leaves the previous report intact")
    func failureKeepsPreviousReport() throws {
        let reports = try Fixtures.temporaryDirectory()
        let templates = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: reports)
            try? FileManager.default.removeItem(at: templates)
        }
        let folder = try ReportWriter().write(Fixtures.results(), to: reports)
        let before = try Fixtures.files(in: folder)

        // The page template is parsed after results, figures and report.md are already staged.
        try Data("<html>{{#contents}} never closed".utf8).write(to: templates.appendingPathComponent("report.html.mustache"))
        var changed = Fixtures.results(title: "A different title")
        changed.runs.removeLast()
        #expect(throws: ReportError.self) {
            try ReportWriter(templatesDirectory: templates).write(changed, to: reports)
        }
        #expect(try Fixtures.files(in: folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == ["diversity"])
    }

    @Test("an interrupted swap is undone by the next write, even one that fails")
    func interruptedSwap() throws {
        let reports = try Fixtures.temporaryDirectory()
        let templates = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: reports)
            try? FileManager.default.removeItem(at: templates)
        }
        let folder = try ReportWriter().write(Fixtures.results(), to: reports)
        let before = try Fixtures.files(in: folder)
        // What a kill between "old → backup" and "staging → final" leaves behind.
        let backup = reports.appendingPathComponent(".previous-diversity-99999-deadbeef")
        #expect(rename(folder.path, backup.path) == 0)
        try Data("{{/unopened}}".utf8).write(to: templates.appendingPathComponent("report.html.mustache"))
        #expect(throws: ReportError.self) {
            try ReportWriter(templatesDirectory: templates).write(Fixtures.results(), to: reports)
        }
        #expect(try Fixtures.files(in: folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == ["diversity"])
    }

    @Test("unsafe slugs are refused", arguments: ["", "../escape", ".hidden", "a/b", "spaces here"])
    func slugs(_ slug: String) throws {
        var results = Fixtures.results()
        results.slug = slug
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        #expect(throws: ReportError.invalidSlug(slug)) { try ReportWriter().write(results, to: reports) }
    }

    @Test("results.json round-trips and keeps non-finite numbers")
    func jsonRoundTrip() throws {
        var results = Fixtures.results()
        results.runs[0].metrics[.loss] = .infinity
        results.analytic[0].jStar = .nan
        let data = try ResultsFiles.json(results)
        let decoded = try ResultsFiles.decode(data)
        #expect(decoded.runs[0].metrics[.loss] == .infinity)
        #expect(decoded.analytic[0].jStar.isNaN)
        #expect(decoded.runs[1] == results.runs[1])
        #expect(decoded.summary == results.summary)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"loss\":\"Infinity\""))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("results.csv has one tidy row per run, every metric, RFC 4180 quoting")
    func csv() throws {
        var results = Fixtures.results()
        results.runs[0].point = Point([
            Point.Coordinate(key: "environment.instances", value: .number(1)),
            Point.Coordinate(key: "model.fallback", value: .text("say \"hi\", then\nstop")),
        ])
        let lines = ResultsFiles.csv(results).components(separatedBy: "\r\n")
        #expect(lines.count == results.runs.count + 2, "header, one line per run, final empty line")
        #expect(lines[0] == "environment.instances,model.fallback,seed,repetition,optimizer,train_score,deploy_score,search_bits,mesa_optimizer,deceptive,defection_rate,deceptive_posterior,deceptive_structure_share,mesa_posterior,proxy_pursuit,expansions_per_episode,loss,params_table,params_search,params_detector,removed_at_step,k_fit,search_decision_share,budget,detector_cost,false_positive_instances,false_positives_unsolved,false_positives_solved,detector_removal_gain,objective_goal_weight,objective_proxy_weight,aligned_loss_change,aligned_deploy_gain,search_reliance,optimality_gap,exact_agrees,detector_completed_step,detector_break_lowered_loss,premise_gap,premise_gap_loss,optimality_gap_skipped")
        #expect(lines[1].hasPrefix("1,\"say \"\"hi\"\", then\nstop\",1010,0,exact,0.8,0.1,0.0,0,0,0.0,,,,0.1,0.0,0.25,22,0,0,,30,0.0,24,2"))
        #expect(lines[2].hasPrefix("1,,1011,1,exact,"))
    }

    @Test("the CSV has a column for every metric of the scenario's world, and a run with every metric fills them all",
          arguments: World.allCases)
    func csvCoversMetrics(world: World) throws {
        var results = Fixtures.results()
        results.world = world == .maze ? nil : world
        let recorded = Metric.recorded(in: world)
        results.runs = [RunRecord(point: Fixtures.point(1), seed: 1, repetition: 0, optimizer: .exact,
                                  metrics: RunMetrics(Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0, 1) })))]
        let lines = ResultsFiles.csv(results).components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        #expect(Array(header.suffix(recorded.count)) == recorded.map(\.name))
        #expect(header.count == 4 + recorded.count, "the point's key, seed, repetition, optimizer, then the world's metrics")
        #expect(!lines[1].contains(",,"), "every metric column is filled")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(results.runs[0].metrics)) as? [String: Any]
        #expect(try #require(object).keys.sorted() == Metric.allCases.map(\.name).sorted())
    }

    @Test("the front page lists every scenario with its headline findings")
    func index() throws {
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        var other = Fixtures.results(title: "Another <b>one</b>")
        other.slug = "another"
        other.findings = []
        let writer = ReportWriter()
        try writer.write(Fixtures.results(), to: reports)
        try writer.write(other, to: reports)
        try writer.writeIndex(ReportWriter.storedResults(in: reports), to: reports)
        let html = try String(contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
        let markdown = try String(contentsOf: reports.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(html.contains("<a href=\"diversity/index.html\">Diversity selects for search</a>"))
        #expect(html.contains("<a href=\"another/index.html\">Another &lt;b&gt;one&lt;/b&gt;</a>"))
        #expect(html.contains("<li>Search was selected in at least half of the runs from N ≈ 4 (95% interval 2–8) on.</li>"))
        #expect(html.range(of: "another/index.html")!.lowerBound < html.range(of: "diversity/index.html")!.lowerBound)
        #expect(markdown.contains("## [Diversity selects for search](diversity/report.md)"))
        #expect(markdown.contains("## [Another \\<b\\>one\\</b\\>](another/report.md)"))
    }

    @Test("the front page's table at a glance: one row per prediction, the scenario named once, text escaped")
    func glanceTable() throws {
        var results = Fixtures.results(title: "Pipes | and <tags>")
        results.slug = "pipes"
        results.findings = [Verdict.holds, .notShown].enumerated().map { index, verdict in
            Finding(kind: .expectation, metric: "mesa_optimizer", axis: "environment.instances", value: nil,
                    sentence: "s\(index)", verdict: verdict, claim: "share \(index) | rises", effect: "+0.\(index) (a_b)")
        }
        let entry = IndexEntry(results: results)
        #expect(ReportWriter.glanceTable([entry], linkPrefix: "reports/") == """
            | scenario | prediction | verdict | what the runs show |
            |---|---|---|---|
            | [Pipes \\| and \\<tags\\>](reports/pipes/report.md) | Share 0 \\| rises | **Holds** | +0.0 (a\\_b) |
            |  | Share 1 \\| rises | **Not shown** | +0.1 (a\\_b) |

            """)
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        try ReportWriter().writeIndex([results], to: reports)
        let markdown = try String(contentsOf: reports.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(markdown.contains("## At a glance\n\n" + ReportWriter.glanceTable([entry])))
    }

    @Test("the front page follows the scenario files' order, then the slug")
    func indexOrder() throws {
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        var first = Fixtures.results(title: "Zebra first")
        first.slug = "zebra"
        first.sourceFile = "01-zebra.mesa"
        var second = Fixtures.results(title: "Aardvark second")
        second.slug = "aardvark"
        second.sourceFile = "02-aardvark.mesa"
        try ReportWriter().writeIndex([second, first], to: reports)
        let html = try String(contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.range(of: "zebra/index.html")!.lowerBound < html.range(of: "aardvark/index.html")!.lowerBound)
    }

    @Test("variants sit labelled under their scenario and are left out of the counts (issue 21, item 5)")
    func variantsOnTheFrontPage() throws {
        func judged(_ verdicts: [Verdict]) -> [Finding] {
            verdicts.map { Finding(kind: .expectation, metric: "mesa_optimizer", axis: "environment.instances", value: nil,
                                   sentence: "s", verdict: $0, claim: "a claim", effect: nil) }
        }
        var base = Fixtures.results(title: "Budget")
        base.slug = "budget"
        base.sourceFile = "02-budget.mesa"
        base.findings = judged([.holds, .doesNotHold])
        var quick = base
        quick.slug = "budget-quick"
        quick.quick = true
        quick.variantOf = "budget"
        quick.findings = judged([.doesNotHold, .doesNotHold])
        var set = base
        set.slug = "budget-set-parameters-1024"
        set.overrides = ["model.parameters=1024"]
        set.variantOf = "budget"
        set.findings = judged([.notShown])
        var other = Fixtures.results(title: "Aardvark")
        other.slug = "aardvark"
        other.sourceFile = "01-aardvark.mesa"
        other.findings = judged([.holds])
        let reports = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        try ReportWriter().writeIndex([set, quick, other, base], to: reports)
        let html = try String(contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<strong>Predictions: 2 hold, 1 does not hold.</strong>"), "only the scenarios as written count")
        #expect(html.contains("2 scenarios and 2 variants (--quick or --set runs, left out of the counts)."))
        #expect(html.contains("<p class=\"variant-label\"><strong>Variant: --set model.parameters=1024</strong></p>"))
        #expect(html.contains("<p class=\"variant-label\"><strong>Quick run: not to be cited (at most 2 seeds, a tenth of the steps)</strong></p>"))
        #expect(html.contains("<section class=\"scenario-card variant\" id=\"scenario-budget-quick\">"))
        let order = ["scenario-aardvark\"", "scenario-budget\"", "scenario-budget-quick\"", "scenario-budget-set-parameters-1024\""]
            .map { html.range(of: $0)!.lowerBound }
        #expect(order == order.sorted(), "each variant right after its scenario")
        let markdown = try String(contentsOf: reports.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(markdown.contains("Predictions over every scenario: 2 hold, 1 does not hold (2 variants run with --quick or --set left out)."))
        #expect(!markdown.contains("budget-quick/report.md) | A claim"), "variants are not in the glance table")
    }

    @Test("headlines put the claim check and crossovers before trends, keeping order within a rank")
    func headlineRanking() {
        func finding(_ kind: FindingKind, _ sentence: String) -> Finding {
            Finding(kind: kind, metric: "mesa_optimizer", axis: "environment.instances", value: nil, sentence: sentence)
        }
        let findings = [finding(.trend, "T1"), finding(.selection, "S1"), finding(.crossover, "C1"),
                        finding(.trend, "T2"), finding(.claim, "K1"), finding(.crossover, "C2")]
        #expect(IndexEntry.headlines(findings) == ["K1", "C1", "C2"])
        #expect(IndexEntry.headlines(Array(findings.prefix(2))) == ["S1", "T1"])
        // The scenario's own checked predictions, counted by verdict, come before everything else.
        var predictions = [Verdict.holds, .doesNotHold, .notShown, .holds].map { verdict in
            Finding(kind: .expectation, metric: "m", axis: "", value: nil, sentence: verdict.rawValue, verdict: verdict)
        }
        #expect(IndexEntry.headlines(findings + predictions)
            == ["Of its 4 predictions, 2 hold, 1 does not hold and 1 is not shown by the runs.", "K1", "C1"])
        #expect(IndexEntry.predictionTally(Array(predictions.prefix(2))) == "Of its 2 predictions, 1 holds and 1 does not hold.")
        #expect(IndexEntry.predictionTally([predictions[0], predictions[3]]) == "Both its predictions hold.")
        #expect(IndexEntry.predictionTally([predictions[2], predictions[2], predictions[2]])
            == "None of its 3 predictions is shown or contradicted by the runs: the intervals cannot tell.")
        predictions = [predictions[1]]
        #expect(IndexEntry.headlines(predictions + findings) == ["Its one prediction does not hold.", "K1", "C1"])
    }

    @Test("a templates directory overrides the built-in templates file by file")
    func customTemplates() throws {
        let reports = try Fixtures.temporaryDirectory()
        let templates = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: reports)
            try? FileManager.default.removeItem(at: templates)
        }
        try Data("body { color: rebeccapurple; }".utf8).write(to: templates.appendingPathComponent("style.css"))
        let folder = try ReportWriter(templatesDirectory: templates).write(Fixtures.results(), to: reports)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("body { color: rebeccapurple; }"))
        #expect(html.contains("<nav class=\"toc\""), "the page template is still the built-in one")
    }

    @Test("the built-in templates equal the files in templates/")
    func embeddedDefaultsMatchFiles() throws {
        let directory = Fixtures.packageRoot.appendingPathComponent("templates")
        let files = try TemplateSet.load(from: directory)
        #expect(files == TemplateSet.builtIn, "run templates/embed-defaults.sh after editing templates/")
        #expect(try String(contentsOf: directory.appendingPathComponent("style.css"), encoding: .utf8) == TemplateSet.builtIn.stylesheet)
    }
}
