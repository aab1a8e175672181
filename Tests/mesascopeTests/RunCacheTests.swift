import Foundation
import Testing

/// The run cache through the command line (docs/cache.md): reuse, incremental reruns, resume after
/// SIGKILL, corrupt entries, and concurrent writers.
@Suite(.serialized)
struct RunCacheTests {
    static func scenario(prose: String = "First words.", instances: String = "[1, 4]", seeds: Int = 2, steps: Int = 300) -> String {
        """
        scenario "Cached"

        \"\"\"
        \(prose)
        \"\"\"

        environment { maze 4 x 4; instances \(instances) }
        deployment { instances 4 }
        model { parameters 32; search_cost 8 * x; max_bits 3 }
        training { optimizer hill_climb; steps \(steps); seeds \(seeds) }

        """
    }

    /// Every file under a report folder, by relative path.
    static func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for case let name as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[name] = try Data(contentsOf: url)
            }
        }
        #expect(!result.isEmpty, "\(folder.path) holds files")
        return result
    }

    static func cachedEntries(_ cache: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "run" }
    }

    @Test("an unchanged rerun simulates nothing and writes the same bytes; a prose edit simulates nothing")
    func unchangedAndProse() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario())
        let runner = CommandRunner(directory: folder.url)
        let first = try runner.run(["run", "s.mesa"])
        #expect(first.status == 0)
        #expect(first.stderr.contains("cached: 4 runs →"), "no cache note on a cold run: \(first.stderr)")
        let report = folder.url.appendingPathComponent("reports/cached")
        let before = try Self.files(report)

        let second = try runner.run(["run", "s.mesa"])
        #expect(second.status == 0)
        #expect(second.stderr.contains("4 runs (all from the cache)"), "\(second.stderr)")
        #expect(try Self.files(report) == before)

        try folder.write("s.mesa", Self.scenario(prose: "Other words, same settings."))
        let edited = try runner.run(["run", "s.mesa"])
        #expect(edited.stderr.contains("4 runs (all from the cache)"), "\(edited.stderr)")
        let after = try Self.files(report)
        #expect(after["results.csv"] == before["results.csv"])
        #expect(after["index.html"] != before["index.html"], "the prose is new")

        // The same runs with a fresh cache give the same bytes as the cached ones.
        let fresh = try runner.run(["run", "s.mesa", "--out", "fresh", "--cache", "other-cache"])
        #expect(fresh.status == 0 && !fresh.stderr.contains("from the cache"))
        #expect(try Self.files(folder.url.appendingPathComponent("fresh/cached")) == after)
    }

    @Test("one added sweep value or seed runs exactly the new runs")
    func incremental() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario())
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "s.mesa"]).status == 0)
        try folder.write("s.mesa", Self.scenario(instances: "[1, 4, 16]"))
        let added = try runner.run(["run", "s.mesa"])
        #expect(added.stderr.contains("6 runs (4 from the cache)"), "\(added.stderr)")
        try folder.write("s.mesa", Self.scenario(instances: "[1, 4, 16]", seeds: 3))
        let seeded = try runner.run(["run", "s.mesa"])
        #expect(seeded.stderr.contains("9 runs (6 from the cache)"), "\(seeded.stderr)")
        #expect(Self.cachedEntries(folder.url.appendingPathComponent(".mesascope-cache")).count == 9)
    }

    @Test("killed with SIGKILL and rerun: the finished runs are reused and the bytes equal an uninterrupted run's")
    func resumeAfterKill() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario(instances: "[1, 4, 16, 64]", seeds: 4, steps: 4000))
        let runner = CommandRunner(directory: folder.url)
        let cache = folder.url.appendingPathComponent(".mesascope-cache")
        let started = runner.start(["run", "s.mesa", "--jobs", "1"])
        let deadline = Date().addingTimeInterval(120)
        while Self.cachedEntries(cache).count < 3, started.process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(started.process.isRunning, "the run must still be going when killed")
        kill(started.process.processIdentifier, SIGKILL)
        _ = started.finish()
        let kept = Self.cachedEntries(cache).count
        #expect(kept >= 3 && kept < 16)

        let resumed = try runner.run(["run", "s.mesa"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("16 runs (\(kept) from the cache)"), "\(resumed.stderr)")
        let whole = try runner.run(["run", "s.mesa", "--out", "whole", "--no-cache"])
        #expect(whole.status == 0)
        #expect(try Self.files(folder.url.appendingPathComponent("reports/cached"))
            == Self.files(folder.url.appendingPathComponent("whole/cached")))
    }

    @Test("a corrupt or torn cache entry is recomputed, never trusted")
    func corruptEntry() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario())
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "s.mesa"]).status == 0)
        let report = folder.url.appendingPathComponent("reports/cached")
        let before = try Self.files(report)
        let entries = Self.cachedEntries(folder.url.appendingPathComponent(".mesascope-cache")).sorted { $0.path < $1.path }
        #expect(entries.count == 4)
        // One entry with a changed digit in its body, one cut short.
        var bytes = try Data(contentsOf: entries[0])
        let digit = try #require(bytes.lastIndex { (0x30...0x38).contains($0) })
        bytes[digit] += 1
        try bytes.write(to: entries[0])
        let whole = try Data(contentsOf: entries[1])
        try whole.prefix(whole.count / 2).write(to: entries[1])

        let rerun = try runner.run(["run", "s.mesa"])
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("4 runs (2 from the cache)"), "\(rerun.stderr)")
        #expect(try Self.files(report) == before)
        #expect(try Data(contentsOf: entries[1]) == whole, "the torn entry is rewritten whole")
    }

    @Test("two runs sharing one cache at once both finish with the right reports")
    func concurrentWriters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario(instances: "[1, 4, 16]", seeds: 3))
        let runner = CommandRunner(directory: folder.url)
        let a = runner.start(["run", "s.mesa", "--out", "a", "--jobs", "1"])
        let b = runner.start(["run", "s.mesa", "--out", "b", "--jobs", "1"])
        let (first, second) = (a.finish(), b.finish())
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\n\(second.stderr)")
        let reference = try runner.run(["run", "s.mesa", "--out", "reference", "--no-cache"])
        #expect(reference.status == 0)
        let expected = try Self.files(folder.url.appendingPathComponent("reference/cached"))
        #expect(try Self.files(folder.url.appendingPathComponent("a/cached")) == expected)
        #expect(try Self.files(folder.url.appendingPathComponent("b/cached")) == expected)
        let cache = folder.url.appendingPathComponent(".mesascope-cache")
        #expect(Self.cachedEntries(cache).count == 9)
        let leftovers = (FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left behind")
    }

    @Test("`cache` shows the folder, its runs and size; `cache clear` empties it")
    func cacheCommand() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario())
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "s.mesa"]).status == 0)
        let shown = try runner.run(["cache"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains(".mesascope-cache: 4 runs, "), "\(shown.stdout)")
        let cleared = try runner.run(["cache", "clear"])
        #expect(cleared.stdout.contains("removed 4 runs"))
        #expect(try runner.run(["cache"]).stdout.contains(": 0 runs, 0 bytes"))
        let rerun = try runner.run(["run", "s.mesa"])
        #expect(!rerun.stderr.contains("from the cache"))
    }
}
