import Foundation
import Testing

/// What a new user hit, round 2 (issue 21): a replacement guarded by file name only, an output
/// folder refused only after the simulation, plan's estimates and limits, and messages.
@Suite(.serialized)
struct NewUserRound2Tests {
    static func scenario(_ title: String, steps: Int = 200, instances: String = "[1, 4]") -> String {
        NewUserTests.scenario(title, steps: steps, instances: instances)
    }

    @Test("a report folder belongs to its file's path, not its name: a/budget.mesa and b/budget.mesa (issue 21, item 3)")
    func ownershipByPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a/budget.mesa", Self.scenario("Budget"))
        try folder.write("b/budget.mesa", Self.scenario("Budget", steps: 100))
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "a/budget.mesa"]).status == 0)
        let before = try folder.read("reports/budget/results.json")
        #expect(String(decoding: before, as: UTF8.self).contains("\"source_path\": \"../a/budget.mesa\""))
        let refused = try runner.run(["run", "b/budget.mesa"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("b/budget.mesa:1:1: error: 'reports/budget/' holds the report of a/budget.mesa, another scenario with this title"))
        #expect(refused.stderr.contains("--replace"))
        #expect(try folder.read("reports/budget/results.json") == before, "the first report is kept")
        // The same file named another way is the same file.
        let absolute = folder.url.appendingPathComponent("a/budget.mesa").path
        #expect(try runner.run(["run", "./a/../a/budget.mesa"]).status == 0)
        #expect(try runner.run(["run", absolute]).status == 0)
        // Written elsewhere, the recorded path is relative to that folder.
        #expect(try runner.run(["run", "a/budget.mesa", "--out", "deep/out"]).status == 0)
        let deep = String(decoding: try folder.read("deep/out/budget/results.json"), as: UTF8.self)
        #expect(deep.contains("\"source_path\": \"../../a/budget.mesa\""))
        #expect(try runner.run(["run", "b/budget.mesa", "--replace"]).status == 0)
        let replaced = String(decoding: try folder.read("reports/budget/results.json"), as: UTF8.self)
        #expect(replaced.contains("\"source_path\": \"../b/budget.mesa\""))
    }

    @Test("an --out that cannot be created or written is refused before any run (issue 21, item 4)")
    func unwritableOut() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Unwritable"))
        try folder.write("blocker", "a file where a folder would go\n")
        let runner = CommandRunner(directory: folder.url)
        let cache = folder.url.appendingPathComponent(".mesascope-cache")
        let uncreatable = try runner.run(["run", "s.mesa", "--out", "blocker/reports"])
        #expect(uncreatable.status == 74)
        #expect(uncreatable.stderr.contains("blocker/reports: cannot create the reports folder (Not a directory); nothing was run"),
                "\(uncreatable.stderr)")
        #expect(!uncreatable.stderr.contains("elapsed"), "no run started (no progress line)")
        // /proc exists and not even root may create a file in it.
        let unwritable = try runner.run(["run", "s.mesa", "--out", "/proc"])
        #expect(unwritable.status == 74)
        #expect(unwritable.stderr.contains("/proc: cannot write in the reports folder"), "\(unwritable.stderr)")
        #expect(!unwritable.stderr.contains("elapsed"), "no run started (no progress line)")
        let stored = (try? FileManager.default.subpathsOfDirectory(atPath: cache.appendingPathComponent("runs").path)) ?? []
        #expect(stored.allSatisfy { !$0.contains(".") }, "nothing was simulated into the cache: \(stored)")
    }

    @Test("run refuses a sweep estimated above --max-time (default 30m) before it starts; --allow-large does not lift it (issue 21, item 9)")
    func maxTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 7 points × 48 seeds of 2,000,000 hill-climbing steps on 11 x 11 mazes: above an hour
        // with 2 jobs even on the reference machine (a debug build is 8 times slower).
        try folder.write("big.mesa", """
            scenario "Big"
            environment { maze 11 x 11; instances 1 ... 64 times 2 }
            model { parameters 512; search_cost 16 * x; max_bits 8 }
            training { optimizer hill_climb; steps 2000000; seeds 48 }

            """)
        try folder.write("small.mesa", Self.scenario("Small"))
        let runner = CommandRunner(directory: folder.url)
        for extra in [[], ["--allow-large"], ["--max-time", "1h"]] {
            let refused = try runner.run(["run", "big.mesa", "--jobs", "2"] + extra, timeout: 60)
            #expect(refused.status == 65, "\(extra)")
            #expect(refused.stderr.contains("error: the runs still to simulate are estimated at about "), "\(refused.stderr)")
            #expect(refused.stderr.contains("with 2 jobs on this machine, more than --max-time \(extra.last == "1h" ? "1h00m" : "30m00s"); nothing was run"))
            #expect(refused.stderr.contains("mesascope slurm big.mesa"))
            #expect(!refused.stderr.contains("elapsed"), "no run started (no progress line)")
            #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("reports/big").path))
        }
        let bad = try runner.run(["run", "small.mesa", "--max-time", "soon"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--max-time takes a duration such as 30m, 2h, 1h30m or 90s, or none; not 'soon'"))
        #expect(try runner.run(["run", "small.mesa", "--max-time", "1m"]).status == 0, "a small sweep runs")
        // The estimate counts only what the cache lacks: a cached rerun is never refused.
        #expect(try runner.run(["run", "small.mesa", "--max-time", "1s"]).status == 0)
    }

    @Test("a run cache that cannot be written is a warning in words, not a Swift value (issue 21, item 8)")
    func unwritableCacheWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Cache warning"))
        try folder.write("blocker", "a file where the cache folder would go\n")
        let outcome = try CommandRunner(directory: folder.url).run(["run", "s.mesa", "--cache", "blocker/cache"])
        #expect(outcome.status == 0, "the runs are unaffected")
        #expect(outcome.stderr.contains("warning: the run cache cannot be written ("), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(": Not a directory), so the runs of this command are not kept for reuse"))
        #expect(!outcome.stderr.contains("cache(path:"))
        #expect(!outcome.stderr.contains("reason:"))
        // Progress says runs first, points complete after (issue 21, item 7): never "point 0/2 done (1/8 runs".
        #expect(outcome.stderr.range(of: #"cache-warning: [0-9]/4 runs done, [0-2]/2 points complete \("#, options: .regularExpression) != nil,
                "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("point 0/2 done"))
    }
}
