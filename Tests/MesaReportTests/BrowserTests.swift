import Foundation
import MesaResults
import Testing
@testable import MesaReport
import MesaTestSupport

/// Opens a written report in headless Chromium: the real check that the page renders offline
/// with its figures, tables and table of contents. Skipped when `chromium` is not installed,
/// unless `MESASCOPE_REQUIRE_BROWSER=1`, in which case a missing browser fails the test.
@Suite("Report in a real browser")
struct BrowserTests {
    static let browser = HeadlessBrowser.find()
    static let required = ProcessInfo.processInfo.environment["MESASCOPE_REQUIRE_BROWSER"] == "1"

    @Test("Chromium renders the report with figures, tables and contents", .enabled(if: browser != nil || required))
    func renderedDOM() throws {
        let browser = try #require(Self.browser, "chromium is not on PATH and MESASCOPE_REQUIRE_BROWSER=1")
        // Kept after the test (beside the screenshots) so a person can open it too.
        // One folder per test process, so parallel runs on a shared machine do not collide.
        let shots = FileManager.default.temporaryDirectory
            .appendingPathComponent("mesascope-browser-check-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        let reports = shots.appendingPathComponent("reports", isDirectory: true)
        try? FileManager.default.removeItem(at: reports)
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let writer = ReportWriter()
        let folder = try writer.write(Fixtures.results(), to: reports)
        try writer.writeIndex([Fixtures.results()], to: reports)
        let page = folder.appendingPathComponent("index.html")

        let dom = try browser.run(["--dump-dom", page.absoluteString], profile: reports)
        let figures = ReportBuilder(results: Fixtures.results()).build().figures.count
        #expect(dom.components(separatedBy: "<svg ").count - 1 == figures, "every figure is inline SVG")
        #expect(dom.components(separatedBy: "<table>").count - 1 >= figures + 3, "setup tables and one data table per figure")
        #expect(dom.contains("<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">"))
        #expect(dom.contains("<a href=\"#analytic-model\">Analytic model</a>"))
        #expect(dom.contains("<a href=\"#scenario-source\">Scenario source</a>"))
        #expect(dom.contains("<h2 id=\"analytic-model\">Analytic model</h2>"))
        #expect(dom.contains("<title id=\"svg-analytic-1-title\">"))

        let index = try browser.run(["--dump-dom", reports.appendingPathComponent("index.html").absoluteString], profile: reports)
        #expect(index.contains("<a href=\"diversity/index.html\">Diversity selects for search</a>"))

        print("report: \(page.path)")
        for (name, extra) in [("report-light.png", [String]()), ("report-dark.png", ["--force-dark-mode"])] {
            let shot = shots.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: shot)
            _ = try browser.run(extra + ["--screenshot=\(shot.path)", "--window-size=1200,2000", page.absoluteString], profile: reports)
            #expect(FileManager.default.fileExists(atPath: shot.path), "screenshot \(name) written")
            print("screenshot: \(shot.path)")
        }
    }

    @Test("Chromium builds a <title> into every chart point (hover), and the front page shows every verdict badge",
          .enabled(if: browser != nil || required))
    func hoverAndBadges() throws {
        let browser = try #require(Self.browser, "chromium is not on PATH and MESASCOPE_REQUIRE_BROWSER=1")
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("mesascope-browser-badges-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? FileManager.default.removeItem(at: root)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var results = Fixtures.results()
        results.findings = Verdict.allCases.map { verdict in
            Finding(kind: .expectation, metric: "mesa_optimizer", axis: "environment.instances", value: 0.5,
                    sentence: "Predicted: a claim. \(verdict.label): the numbers.", verdict: verdict,
                    claim: "claim judged \(verdict.rawValue)", effect: "change +0.5", mechanism: "a mechanism")
        } + results.findings
        let writer = ReportWriter()
        let folder = try writer.write(results, to: root)
        try writer.writeIndex([results], to: root)

        let report = try browser.run(["--dump-dom", folder.appendingPathComponent("index.html").absoluteString], profile: root)
        // Every plotted point of the line charts carries its own <title> inside the marker.
        let points = report.components(separatedBy: "class=\"ms-dot ").count - 1
        let titled = try NSRegularExpression(pattern: "class=\"ms-dot [^\"]*\"><title>[^<]+</title>")
            .numberOfMatches(in: report, range: NSRange(report.startIndex..., in: report))
        #expect(points > 0 && titled == points, "\(titled) of \(points) points have a title")
        #expect(report.contains("<a href=\"#point-0\">"), "points link to their summary row")
        #expect(report.contains("<tr id=\"point-0\">"))
        #expect(report.contains("id=\"runs-point-0\""))
        #expect(report.contains("<section class=\"answer\""))

        let front = try browser.run(["--dump-dom", root.appendingPathComponent("index.html").absoluteString], profile: root)
        for verdict in Verdict.allCases {
            #expect(front.contains("<span class=\"badge badge-\(verdict.rawValue)\">\(verdict.label)</span>"), "\(verdict)")
        }
        #expect(front.contains("Predictions: 1 holds, 1 does not hold, 1 not shown."))
        #expect(front.contains("<div class=\"key-chart\">"), "the key chart")
        #expect(!front.contains("id=\"svg-"), "thumbnail ids are prefixed, so several fit on one page")
    }
}
