import Foundation
import Testing

/// The command line as a user meets it: exit codes, diagnostics and reports on disk.
@Suite(.serialized)
struct CommandLineTests {
    static let tiny = """
        scenario "Tiny sweep"

        \"\"\"
        A small sweep for the command-line tests.
        \"\"\"

        analytic { power 100; cost x^2; instances [1, 10, 40] }
        environment { maze 5 x 5; instances [1, 4] }
        deployment { instances 4 }
        model { parameters 64; search_cost 8 * x; max_bits 4 }
        training { optimizer hill_climb; steps 300; seeds 2 }

        """

    @Test func checkAcceptsAValidFileAndRejectsAnInvalidOneWithItsPosition() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("good.mesa", Self.tiny)
        try folder.write("bad.mesa", "scenario \"Bad\"\nenvironment {\n  instnces 4\n}\n")
        let runner = CommandRunner(directory: folder.url)

        let good = try runner.run(["check", "good.mesa"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("good.mesa: ok"))

        let bad = try runner.run(["check", "good.mesa", "bad.mesa"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.mesa:3:3: error: unknown key 'instnces' in block 'environment'"))
        #expect(bad.stderr.contains("bad.mesa:3:3: note: did you mean 'instances'?"))
    }

    @Test func exitCodesFollowSysexits() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["check", "missing.mesa"]).status == 74)
        #expect(try runner.run(["no-such-command"]).status == 64)
        #expect(try runner.run(["run", "--jobs", "0", "x.mesa"]).status == 64)
        try folder.write("empty.mesa", "")
        #expect(try runner.run(["check", "empty.mesa"]).status == 65)
    }

    @Test func planReportsPointsSeedsAndSweptKeys() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("tiny.mesa", Self.tiny)
        let plan = try CommandRunner(directory: folder.url).run(["plan", "tiny.mesa"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("simulation: 2 points × 2 seeds = 4 runs"))
        #expect(plan.stdout.contains("swept: environment.instances (2 values; fitted on a linear scale): 1, 4"))
        #expect(plan.stdout.contains("analytic: 3 grid points"))
        #expect(plan.stdout.contains("estimated time: about "))
        // Issue 21 item 2: a list spaced geometrically is fitted on a log scale, as its `times`
        // range is, and plan says so.
        try folder.write("listed.mesa", Self.tiny.replacingOccurrences(of: "instances [1, 4] }", with: "instances [1, 2, 4, 8] }"))
        let listed = try CommandRunner(directory: folder.url).run(["plan", "listed.mesa"])
        #expect(listed.stdout.contains("swept: environment.instances (4 values; fitted on a log₂ scale): 1, 2, 4, 8"), "\(listed.stdout)")
        try folder.write("ranged.mesa", Self.tiny.replacingOccurrences(of: "instances [1, 4] }", with: "instances 1 ... 8 times 2 }"))
        let ranged = try CommandRunner(directory: folder.url).run(["plan", "ranged.mesa"])
        #expect(ranged.stdout.contains("swept: environment.instances (4 values, geometric; fitted on a log₂ scale): 1, 2, 4, 8"), "\(ranged.stdout)")
    }

    @Test("`plan` measures this machine once, keeps calibration.json in the cache folder, and plans for --jobs")
    func planCalibratesOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("tiny.mesa", Self.tiny)
        let runner = CommandRunner(directory: folder.url, sharesCalibration: false)
        let first = try runner.run(["plan", "tiny.mesa", "--jobs", "1"])
        #expect(first.status == 0)
        #expect(first.stderr.contains("measuring this machine's speed"))
        #expect(first.stdout.contains("with 1 job on this machine"))
        let stored = folder.url.appendingPathComponent(".mesascope-cache/calibration.json")
        #expect(FileManager.default.fileExists(atPath: stored.path))
        let second = try runner.run(["plan", "tiny.mesa", "--jobs", "2"])
        #expect(second.status == 0)
        #expect(!second.stderr.contains("measuring"))
        #expect(second.stdout.contains("with 2 jobs on this machine"))
        #expect(try runner.run(["plan", "tiny.mesa", "--jobs", "0"]).status == 64)
    }

    @Test func runWritesEveryReportFileAndIsIdenticalAcrossJobCounts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("tiny.mesa", Self.tiny)
        let runner = CommandRunner(directory: folder.url)

        let first = try runner.run(["run", "tiny.mesa", "--out", "one", "--jobs", "1"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try runner.run(["run", "tiny.mesa", "--out", "two", "--jobs", "2"])
        #expect(second.status == 0, "\(second.stderr)")

        for file in ["index.html", "report.md", "results.json", "results.csv"] {
            let a = try folder.read("one/tiny-sweep/\(file)")
            let b = try folder.read("two/tiny-sweep/\(file)")
            #expect(!a.isEmpty)
            #expect(a == b, "\(file) differs between --jobs 1 and --jobs 2")
        }
        #expect(try folder.read("one/index.html") == folder.read("two/index.html"))
        let json = try JSONSerialization.jsonObject(with: folder.read("one/tiny-sweep/results.json")) as? [String: Any]
        #expect((json?["runs"] as? [Any])?.count == 4)
        #expect((json?["analytic"] as? [Any])?.count == 3)
    }

    @Test func renderRebuildsAReportFromStoredResults() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("tiny.mesa", Self.tiny)
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "tiny.mesa", "--out", "out"]).status == 0)
        let original = try folder.read("out/tiny-sweep/index.html")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/tiny-sweep/index.html"))

        let render = try runner.run(["render", "out"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(try folder.read("out/tiny-sweep/index.html") == original)
    }

    @Test func anInvalidScenarioRunsNothingAndKeepsTheEarlierReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("tiny.mesa", Self.tiny)
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "tiny.mesa", "--out", "out"]).status == 0)
        let before = try folder.read("out/tiny-sweep/results.json")

        try folder.write("tiny.mesa", Self.tiny.replacingOccurrences(of: "steps 300", with: "steps -1"))
        let failed = try runner.run(["run", "tiny.mesa", "--out", "out"])
        #expect(failed.status == 65)
        #expect(try folder.read("out/tiny-sweep/results.json") == before)
    }

    @Test func anInterruptedRunLeavesTheEarlierReportWholeAndNoStagingFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("tiny.mesa", Self.tiny)
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "tiny.mesa", "--out", "out"]).status == 0)
        let before = try folder.read("out/tiny-sweep/index.html")

        // Same title, far more work: the run is interrupted long before it can finish.
        try folder.write("tiny.mesa", Self.tiny.replacingOccurrences(of: "steps 300; seeds 2", with: "steps 5000000; seeds 4"))
        let started = runner.start(["run", "tiny.mesa", "--out", "out", "--jobs", "1"])
        Thread.sleep(forTimeInterval: 1.5)
        kill(started.process.processIdentifier, SIGINT)
        let outcome = started.finish()

        #expect(outcome.status == 130, "\(outcome.stderr)")
        #expect(try folder.read("out/tiny-sweep/index.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out").path)
        #expect(leftovers.filter { $0.hasPrefix(".") }.isEmpty, "staging folders left: \(leftovers)")
    }
}
