import Foundation
import Testing

/// What a new user hit (issue 17): lost reports, silent fallbacks, false follow-on errors, and the
/// command-line overrides.
@Suite(.serialized)
struct NewUserTests {
    static func scenario(_ title: String, steps: Int = 200, instances: String = "[1, 4]") -> String {
        """
        scenario "\(title)"
        environment { maze 4 x 4; instances \(instances) }
        deployment { instances 4 }
        model { parameters 32; search_cost 8 * x; max_bits 3 }
        training { optimizer hill_climb; steps \(steps); seeds 2 }

        """
    }

    @Test("two files of one run with one title: exit 65 naming both at their scenario lines; check refuses too")
    func duplicateTitles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.mesa", Self.scenario("Same"))
        try folder.write("b.mesa", "# a copy\n" + Self.scenario("Same"))
        let runner = CommandRunner(directory: folder.url)
        for command in ["check", "plan", "run"] {
            let outcome = try runner.run([command, "a.mesa", "b.mesa"])
            #expect(outcome.status == 65, "\(command)")
            #expect(outcome.stderr.contains("a.mesa:1:1: error: b.mesa:2 has the same title, so both would write the report folder 'same/'"))
            #expect(outcome.stderr.contains("b.mesa:2:1: error: a.mesa:1 has the same title"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("reports/same").path))
    }

    @Test("a folder written from another file is not replaced without --replace")
    func folderOwnership() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("original.mesa", Self.scenario("Shared title"))
        try folder.write("variant.mesa", Self.scenario("Shared title", steps: 100))
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "original.mesa"]).status == 0)
        let before = try folder.read("reports/shared-title/results.json")
        let refused = try runner.run(["run", "variant.mesa"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("variant.mesa:1:1: error: 'reports/shared-title/' holds the report of original.mesa, another scenario with this title"))
        #expect(try folder.read("reports/shared-title/results.json") == before)
        #expect(try runner.run(["run", "original.mesa"]).status == 0, "rerunning the owner is fine")
        #expect(try runner.run(["run", "variant.mesa", "--replace"]).status == 0)
        #expect(try folder.read("reports/shared-title/results.json") != before)
    }

    @Test("a missing --templates folder is a usage error; a broken template names file:line:col and exits 78")
    func templates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Templates"))
        let runner = CommandRunner(directory: folder.url)
        let missing = try runner.run(["run", "s.mesa", "--templates", "typo-dir"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no templates folder at typo-dir"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("reports").path), "nothing ran")
        #expect(try runner.run(["run", "s.mesa"]).status == 0)
        #expect(try runner.run(["render", "reports", "--templates", "nodir"]).status == 64)
        try folder.write("broken/report.html.mustache", "<html>\n<body>\n{{#x}}\n{{body}}\n</body>\n")
        let broken = try runner.run(["render", "reports", "--templates", "broken"])
        #expect(broken.status == 78)
        #expect(broken.stderr.contains("broken/report.html.mustache:6:1: error: expected the end of section 'x' ({{/x}})"))
        #expect(!broken.stderr.contains("ParserError"))
        let help = try runner.run(["--help"])
        #expect(help.stdout.contains("78 invalid template, 130 interrupted"))
    }

    @Test("one bad value gives one error, not follow-on errors in the expect block")
    func oneBadValue() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Bad value") + """
            bias { description_length [0, 0.02, 0.1, -0.05] }
            expect {
              mesa_optimizer rises along description_length
              mesa_optimizer at_most 0.5 at description_length 0
            }

            """)
        let outcome = try CommandRunner(directory: folder.url).run(["check", "s.mesa"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.components(separatedBy: ": error: ").count == 2, "exactly one error:\n\(outcome.stderr)")
        #expect(!outcome.stderr.contains("is not a swept setting"))
    }

    @Test("a comma inside a number is explained")
    func commaInNumber() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", "scenario \"C\"\nenvironment { maze 4 x 4 }\ntraining { steps 20,000 }\n")
        let outcome = try CommandRunner(directory: folder.url).run(["check", "s.mesa"])
        #expect(outcome.stderr.contains("s.mesa:3:18: error: 'steps' takes one value, but commas separate values, so '20,000' is 2: write 20000, without the comma"))
    }

    @Test("an interrupted two-file run leaves a front page listing the finished report")
    func interruptedRunKeepsTheFrontPage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("1-fast.mesa", Self.scenario("Fast"))
        try folder.write("2-slow.mesa", Self.scenario("Slow", steps: 50_000_000, instances: "[16, 32]"))
        let started = CommandRunner(directory: folder.url).start(["run", "1-fast.mesa", "2-slow.mesa", "--allow-large", "--max-time", "none"])
        let fast = folder.url.appendingPathComponent("reports/fast/index.html")
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: fast.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        kill(started.process.processIdentifier, SIGINT)
        let outcome = started.finish()
        #expect(outcome.status == 130)
        let index = try String(contentsOf: folder.url.appendingPathComponent("reports/index.html"), encoding: .utf8)
        #expect(index.contains("fast/index.html"))
        #expect(!index.contains("slow/index.html"))
    }

    @Test("--set overrides a setting with the file's syntax, in check, plan and run; its folder is its own")
    func overrides() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Overridden"))
        let runner = CommandRunner(directory: folder.url)
        let plan = try runner.run(["plan", "s.mesa", "--set", "environment.maze=5 x 5", "--set", "training.seeds=3",
                                   "--set", "bias.speed=[0, 0.1]", "--out", "elsewhere"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("simulation: 4 points × 3 seeds = 12 runs"))
        #expect(plan.stdout.contains("swept: bias.speed (2 values; fitted on a linear scale): 0, 0.1"))
        #expect(plan.stdout.contains("→ elsewhere/overridden-set-"))
        let bad = try runner.run(["check", "s.mesa", "--set", "bias.description_length=-1"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("--set bias.description_length=-1:1:20: error:"))
        #expect(try runner.run(["check", "s.mesa", "--set", "nodot=1"]).status == 64)
        let unknown = try runner.run(["check", "s.mesa", "--set", "bais.speed=1"])
        #expect(unknown.stderr.contains("unknown block 'bais' in --set"))
        let run = try runner.run(["run", "s.mesa", "--set", "training.seeds=1"])
        #expect(run.status == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("reports").path)
        let variant = try #require(folders.first { $0.hasPrefix("overridden-set-") })
        #expect(!folders.contains("overridden"), "the unmodified scenario's folder is not written")
        let markdown = String(decoding: try folder.read("reports/\(variant)/report.md"), as: UTF8.self)
        #expect(markdown.contains("run with `--set training.seeds=1`"))
        #expect(markdown.contains("| seeds | 1 | set by --set |"))
    }

    @Test("--quick runs 2 seeds and a tenth of the steps into its own folder and says so")
    func quick() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Quick one").replacingOccurrences(of: "seeds 2", with: "seeds 6"))
        let runner = CommandRunner(directory: folder.url)
        let plan = try runner.run(["plan", "s.mesa", "--quick"])
        #expect(plan.stdout.contains("2 points × 2 seeds = 4 runs"))
        #expect(plan.stdout.contains("→ reports/quick-one-quick/"))
        #expect(try runner.run(["run", "s.mesa", "--quick"]).status == 0)
        let markdown = String(decoding: try folder.read("reports/quick-one-quick/report.md"), as: UTF8.self)
        #expect(markdown.contains("**Quick run**"))
        let json = String(decoding: try folder.read("reports/quick-one-quick/results.json"), as: UTF8.self)
        #expect(json.contains("\"quick\": true"))
    }

    @Test("render on one report folder says what it did; plan follows --out")
    func smallerThings() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", Self.scenario("Small"))
        let runner = CommandRunner(directory: folder.url)
        #expect(try runner.run(["run", "s.mesa"]).status == 0)
        let render = try runner.run(["render", "reports/small"])
        #expect(render.status == 0 && render.stdout.contains("Rendered 1 report"))
        #expect(try runner.run(["plan", "s.mesa", "--out", "x/"]).stdout.contains("→ x/small/"))
        #expect(try runner.run(["bench", "--steps", "-5"]).stderr.contains("--steps must be at least 0, got -5"))
        #expect(try runner.run(["bench", "--maze", "100"]).status == 64)
    }
}
