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
}
