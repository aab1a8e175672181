import Foundation
import MesaTestSupport
import Testing

/// `mesascope preview` end to end: a real server process, real edits, a real browser.
@Suite(.serialized)
struct PreviewTests {
    static let browser = HeadlessBrowser.find()
    static let browserRequired = ProcessInfo.processInfo.environment["MESASCOPE_REQUIRE_BROWSER"] == "1"
    /// The path the served pages poll (`PreviewPage.versionPath`).
    static let versionPath = "/__mesascope/version"

    static func scenario(_ prose: String, extra: String = "") -> String {
        """
        scenario "Previewed"

        \"\"\"
        \(prose)
        \"\"\"

        environment { maze 4 x 4; instances [1, 4]\(extra) }
        deployment { instances 4 }
        model { parameters 32; search_cost 8 * x; max_bits 3 }
        training { optimizer hill_climb; steps 200; seeds 2 }

        """
    }

    /// A running preview: the process and the port it printed.
    struct Server {
        var started: CommandRunner.Started
        var port: UInt16
        var host: String

        func stop() -> CommandRunner.Outcome {
            started.process.interrupt()
            return started.finish()
        }
    }

    static func start(in folder: TemporaryFolder) throws -> Server {
        let started = CommandRunner(directory: folder.url).start(["preview", "s.mesa", "--port", "0", "--interval", "0.1"])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let out = (try? String(contentsOf: started.stdoutURL, encoding: .utf8)) ?? ""
            if let range = out.range(of: #"http://([0-9.]+):([0-9]+)/"#, options: .regularExpression) {
                let address = out[range].dropFirst("http://".count).dropLast()
                let parts = address.split(separator: ":")
                return Server(started: started, port: UInt16(parts[1])!, host: String(parts[0]))
            }
            guard started.process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        started.process.terminate()
        let outcome = started.finish()
        throw POSIXError(.ETIMEDOUT, userInfo: ["stderr": outcome.stderr])
    }

    /// Polls `path` until its body contains `text` (or `seconds` pass).
    static func await(_ text: String, at path: String, port: UInt16, seconds: Double = 15) throws -> RawHTTP.Response? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let response = try? RawHTTP.get(path, port: port), response.body.contains(text) { return response }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    @Test("serves on 127.0.0.1, rebuilds on save, shows an invalid edit's diagnostics, refuses paths outside")
    func editLoop() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("First version of the prose."))
        let server = try Self.start(in: folder)
        defer { _ = server.stop() }
        #expect(server.host == "127.0.0.1")
        // The kernel's own table: the listening socket is bound to 127.0.0.1 (0100007F), not 0.0.0.0.
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let local = String(format: "0100007F:%04X", server.port)
        #expect(table.split(separator: "\n").contains { $0.contains(local) && $0.contains(" 0A ") })
        #expect(!table.contains(String(format: "00000000:%04X", server.port)))

        let first = try #require(try Self.await("First version of the prose.", at: "/previewed/", port: server.port))
        #expect(first.status == 200)
        #expect(first.headers.contains("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-"))
        #expect(first.body.contains("<script nonce=\""))
        let written = try String(decoding: folder.read("reports/previewed/index.html"), as: UTF8.self)
        #expect(!written.contains("<script"), "written reports stay script-free")

        let started = Date()
        try folder.write("s.mesa", Self.scenario("Second version, edited."))
        #expect(try Self.await("Second version, edited.", at: "/previewed/", port: server.port) != nil)
        #expect(Date().timeIntervalSince(started) < 10)

        try folder.write("s.mesa", Self.scenario("Second version, edited.", extra: "; instnces <b>3</b>"))
        let broken = try #require(try Self.await("preview-diagnostics", at: "/previewed/", port: server.port))
        #expect(broken.body.contains("unknown key &#39;instnces&#39;"))
        #expect(!broken.body.contains("<b>3</b>"), "the scenario's text is escaped")
        #expect(broken.body.contains("Second version, edited."), "the last good report stays below")
        #expect(server.started.process.isRunning)

        for path in ["/../s.mesa", "/previewed/../../s.mesa", "/%2e%2e/s.mesa", "/previewed%2f..%2f..%2fs.mesa", "//etc/passwd",
                     "/..", "/previewed/..", "/./index.html"] {
            let refused = try RawHTTP.get(path, port: server.port)
            #expect(refused.status == 404, "\(path)")
            #expect(!refused.body.contains("scenario \"Previewed\""))
        }
        try folder.write("s.mesa", Self.scenario("Third version, fixed again."))
        #expect(try Self.await("Third version, fixed again.", at: "/previewed/", port: server.port) != nil)
        let fixed = try RawHTTP.get("/previewed/", port: server.port)
        #expect(!fixed.body.contains("preview-diagnostics"))
    }

    @Test("a save during a build is built right after it, and the pages say stale meanwhile (issue 21)")
    func saveDuringBuild() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A first build of several seconds (16 hill-climbing runs of 3000 steps on 5 x 5 mazes).
        let slow = Self.scenario("First save.")
            .replacingOccurrences(of: "maze 4 x 4; instances [1, 4]", with: "maze 5 x 5; instances [1, 4, 16, 32]")
            .replacingOccurrences(of: "steps 200; seeds 2", with: "steps 3000; seeds 4")
        try folder.write("s.mesa", slow)
        let server = try Self.start(in: folder)
        defer { _ = server.stop() }
        let during = try RawHTTP.get(Self.versionPath, port: server.port)
        #expect(during.body == "0 rebuilding", "the first build is still running")
        try folder.write("s.mesa", slow.replacingOccurrences(of: "First save.", with: "Second save, during the build."))
        let stale = try #require(try Self.await("stale", at: Self.versionPath, port: server.port, seconds: 10))
        #expect(stale.body == "0 stale", "the save is seen while the first build runs")
        let page = try RawHTTP.get("/", port: server.port)
        #expect(page.body.contains("data-status=\"stale\""), "a page served now says it is stale")
        #expect(try Self.await("Second save, during the build.", at: "/previewed/", port: server.port, seconds: 90) != nil,
                "the last save is built")
        let settled = try #require(try Self.await("current", at: Self.versionPath, port: server.port, seconds: 10))
        #expect(settled.body == "2 current")
        let current = try RawHTTP.get("/previewed/", port: server.port)
        #expect(current.body.contains("data-status=\"current\" style=\"display:none\""))
    }

    @Test("a busy port is named at once, with --port 0 as the way out (issue 21, item 8)")
    func busyPort() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Busy port."))
        let server = try Self.start(in: folder)
        defer { _ = server.stop() }
        let started = Date()
        let second = try CommandRunner(directory: folder.url).run(["preview", "s.mesa", "--port", String(server.port)], timeout: 30)
        #expect(second.status == 64)
        #expect(second.stderr.contains("error: port \(server.port) is in use (another preview?); try --port 0, which picks a free port"),
                "\(second.stderr)")
        #expect(!second.stderr.contains("timeout("))
        #expect(Date().timeIntervalSince(started) < 3, "promptly, not after a 5 s timeout")
    }

    @Test("Chromium runs the preview page's script under its policy", .enabled(if: browser != nil || browserRequired))
    func browserLoadsPreview() throws {
        let browser = try #require(Self.browser, "chromium is not on PATH and MESASCOPE_REQUIRE_BROWSER=1")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Seen by a browser."))
        let server = try Self.start(in: folder)
        defer { _ = server.stop() }
        _ = try #require(try Self.await("Seen by a browser.", at: "/previewed/", port: server.port))
        let dom = try browser.run(["--dump-dom", "--virtual-time-budget=2000", "http://127.0.0.1:\(server.port)/previewed/"],
                                  profile: folder.url)
        #expect(dom.contains("Seen by a browser."))
        #expect(dom.contains("data-preview=\"live\""), "the nonce let the reload script run")
    }
}
