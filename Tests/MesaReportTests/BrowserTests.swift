import Foundation
import MesaResults
import Testing
@testable import MesaReport

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

/// A headless Chromium run with a timeout.
struct HeadlessBrowser {
    let executable: URL

    /// `chromium` (or `chromium-browser`, `google-chrome`) from PATH.
    static func find() -> HeadlessBrowser? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessBrowser(executable: candidate) }
            }
        }
        return nil
    }

    struct Timeout: Error, CustomStringConvertible {
        let seconds: Double
        var description: String { "chromium did not finish within \(seconds) s" }
    }

    /// Runs the browser headless with `arguments` and a private profile under `profile`; returns stdout.
    func run(_ arguments: [String], profile: URL, timeout: Double = 60) throws -> String {
        let process = Process()
        process.executableURL = executable
        let userData = profile.appendingPathComponent(".chromium-profile-\(UUID().uuidString)")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--user-data-dir=\(userData.path)"] + arguments
        // Files, not pipes: a large DOM would fill a pipe and block the browser.
        let output = profile.appendingPathComponent(".chromium-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer {
            try? handle.close()
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: userData)
        }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                Thread.sleep(forTimeInterval: 1)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                throw Timeout(seconds: timeout)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
