import Foundation
import Testing

/// `run --shard I/N` and `merge` on one machine (docs/cluster.md): the merged report is the
/// single run's, byte for byte; what does not merge is named.
@Suite(.serialized)
struct ShardTests {
    static let scenario = """
        scenario "Sharded"
        environment { maze 4 x 4; instances [1, 4, 16] }
        deployment { instances 4 }
        model { parameters 48; search_cost 8 * x; max_bits 3 }
        training { optimizer [exact, hill_climb]; steps 200; seeds 3 }
        expect { mesa_optimizer rises along instances at optimizer exact }

        """

    static let looks = """
        scenario "Looks"
        environment { maze 4 x 4; instances [1, 16] }
        deployment { instances 4 }
        model { parameters 64; search_cost 8 * x; max_bits 3 }
        training { optimizer exact; seeds 4 ... 64 }
        bias { description_length 0.02 }
        expect { mesa_optimizer at_most 0.3 at instances 1 }

        """

    @Test("three shards and a merge equal one run byte for byte; a shard's runs are split by work")
    func shardsThenMerge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario)
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "s.mesa", "--out", "single", "--cache", "single-cache"]).status == 0)
        var stored = 0
        for index in 1...3 {
            let shard = try runner.run(["run", "s.mesa", "--shard", "\(index)/3", "--cache", "shared"])
            #expect(shard.status == 0, "\(shard.stderr)")
            let line = try #require(shard.stderr.split(separator: "\n").last { $0.contains("shard \(index)/3 of look 1: ") })
            let runs = try #require(Int(line.split(separator: ": ").last!.split(separator: " ").first!))
            stored += runs
        }
        #expect(stored == 18)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("reports").path), "shards write no report")
        let merged = try runner.run(["merge", "s.mesa", "--out", "merged", "--cache", "shared"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stderr.contains("18 runs (all from the cache)"))
        #expect(try RunCacheTests.files(folder.url.appendingPathComponent("single/sharded"))
            == RunCacheTests.files(folder.url.appendingPathComponent("merged/sharded")))
    }

    @Test("merge names a missing shard, a shard of another edit of the file, and one of another engine")
    func refusals() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario)
        let runner = CommandRunner(directory: folder.url)
        for index in [1, 3] {
            #expect(try runner.run(["run", "s.mesa", "--shard", "\(index)/3", "--cache", "shared"]).status == 0)
        }
        let missing = try runner.run(["merge", "s.mesa", "--cache", "shared"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("s.mesa: error: cannot merge: shard 2/3 of look 1 has not run"), "\(missing.stderr)")

        // Shard 2 run from another edit of the file (a comment changes its text, not its runs' keys).
        try folder.write("s.mesa", "# edited\n" + Self.scenario)
        #expect(try runner.run(["run", "s.mesa", "--shard", "2/3", "--cache", "shared"]).status == 0)
        try folder.write("s.mesa", Self.scenario)
        let mixed = try runner.run(["merge", "s.mesa", "--cache", "shared"])
        #expect(mixed.status == 0, "runs are keyed by their settings, so an edited comment still merges")

        // A manifest from another engine version is named even though its runs would be missing.
        let manifests = folder.url.appendingPathComponent("shared/shards/sharded")
        let first = manifests.appendingPathComponent("look-1-shard-1-of-3.json")
        let text = try String(contentsOf: first, encoding: .utf8)
        let version = try #require(text.range(of: #""engineVersion" : [0-9]+"#, options: .regularExpression))
        try text.replacingCharacters(in: version, with: "\"engineVersion\" : 1").write(to: first, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("shared/runs"))
        let stale = try runner.run(["merge", "s.mesa", "--cache", "shared"])
        #expect(stale.status == 65)
        #expect(stale.stderr.contains("shard 1/3 of look 1 was run by engine version 1"), "\(stale.stderr)")
    }

    @Test("sequential seeds: merge asks for the next look (exit 75) until the predictions are decided")
    func looks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("l.mesa", Self.looks)
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "l.mesa", "--out", "single", "--cache", "single-cache"]).status == 0)
        var look = 1
        while true {
            for index in 1...2 {
                let shard = try runner.run(["run", "l.mesa", "--shard", "\(index)/2", "--look", String(look), "--cache", "shared"])
                #expect(shard.status == 0, "\(shard.stderr)")
            }
            let merged = try runner.run(["merge", "l.mesa", "--out", "merged", "--cache", "shared"])
            if merged.status == 75 {
                #expect(merged.stderr.contains("look \(look + 1) of 5 is needed"), "\(merged.stderr)")
                look += 1
                try #require(look <= 5)
                continue
            }
            #expect(merged.status == 0, "\(merged.stderr)")
            break
        }
        #expect(look == 3, "0 of 16 at N = 1 decides at the third look (99% intervals)")
        #expect(try RunCacheTests.files(folder.url.appendingPathComponent("single/looks"))
            == RunCacheTests.files(folder.url.appendingPathComponent("merged/looks")))
        let wrong = try runner.run(["run", "l.mesa", "--shard", "1/2", "--look", "9", "--cache", "shared"])
        #expect(wrong.status == 64)
    }

    @Test("`slurm` writes an array of shards, a merge after it, and a submit script; options pass through")
    func slurmScripts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario)
        let runner = CommandRunner(directory: folder.url)
        let written = try runner.run(["slurm", "s.mesa", "--shards", "4", "--partition", "short", "--time", "00:30:00",
                                      "--cpus-per-task", "2", "--account", "lab", "--qos", "low", "--sbatch=--mem=2G",
                                      "--cache", "/shared/cache", "--set", "training.seed=7", "--mesascope", "/opt/bin/mesascope"])
        #expect(written.status == 0, "\(written.stderr)")
        let base = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("slurm").path).first)
        let dir = folder.url.appendingPathComponent("slurm/\(base)")
        let shards = try String(contentsOf: dir.appendingPathComponent("shards-look-1.sbatch"), encoding: .utf8)
        for line in ["#SBATCH --array=1-4", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=short", "#SBATCH --time=00:30:00",
                     "#SBATCH --account=lab", "#SBATCH --qos=low", "#SBATCH --mem=2G",
                     "exec '/opt/bin/mesascope' run ", "--shard \"${SLURM_ARRAY_TASK_ID}/4\"", "--cache '/shared/cache' --max-time none '--set' 'training.seed=7'"] {
            #expect(shards.contains(line), "\(line)")
        }
        let merge = try String(contentsOf: dir.appendingPathComponent("merge-look-1.sbatch"), encoding: .utf8)
        #expect(merge.contains("'/opt/bin/mesascope' merge "))
        #expect(!merge.contains("--look 2"), "one look: no next look to submit")
        let submit = try String(contentsOf: dir.appendingPathComponent("submit-look-1.sh"), encoding: .utf8)
        #expect(submit.contains("--dependency=afterok:\"$array\""))
        #expect(try runner.run(["slurm", "s.mesa", "--shards", "2000"]).status == 64, "above MaxArraySize − 1")
    }
}
