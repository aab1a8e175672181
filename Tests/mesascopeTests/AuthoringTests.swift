import Foundation
import Testing

/// `new` and `check --format json`: the authoring loop's entry points.
@Suite(.serialized)
struct AuthoringTests {
    @Test("`new NAME` writes a commented starter that checks clean, into scenarios/ when present, never over a file")
    func starter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let runner = CommandRunner(directory: folder.url)
        let made = try runner.run(["new", "my-first"])
        #expect(made.status == 0)
        #expect(made.stdout.contains("Wrote my-first.mesa"))
        #expect(made.stdout.contains("mesascope preview my-first.mesa"))
        let text = String(decoding: try folder.read("my-first.mesa"), as: UTF8.self)
        #expect(text.contains("scenario \"My first\""))
        #expect(text.contains("# "), "commented")
        let checked = try runner.run(["check", "my-first.mesa"])
        #expect(checked.status == 0 && checked.stderr.isEmpty, "\(checked.stderr)")

        let again = try runner.run(["new", "my-first"])
        #expect(again.status == 64)
        #expect(again.stderr.contains("my-first.mesa already exists"))
        #expect(String(decoding: try folder.read("my-first.mesa"), as: UTF8.self) == text)

        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        #expect(try runner.run(["new", "second_one"]).stdout.contains("Wrote scenarios/second_one.mesa"))
        for bad in ["../escape", "a/b", "", "-flag", "with space"] {
            #expect(try runner.run(["new", bad]).status != 0, "\(bad)")
        }
    }

    @Test("`check --format json` prints every diagnostic with file, line, column, severity, message and notes")
    func json() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.mesa", """
            scenario "Bad"
            environment {
              instnces 4
            }
            model { parameters -3 }

            """)
        try folder.write("good.mesa", "scenario \"Good\"\nenvironment { instances 2 }\n")
        let runner = CommandRunner(directory: folder.url)
        let outcome = try runner.run(["check", "--format", "json", "good.mesa", "bad.mesa", "--set", "bias.speed=-1"])
        #expect(outcome.status == 65)
        struct Item: Decodable {
            struct Note: Decodable { var file: String; var line: Int; var column: Int; var message: String }
            var file: String, line: Int, column: Int, endLine: Int, endColumn: Int, severity: String, message: String
            var notes: [Note]
        }
        let items = try JSONDecoder().decode([Item].self, from: Data(outcome.stdout.utf8))
        let typo = try #require(items.first { $0.message == "unknown key 'instnces' in block 'environment'" })
        #expect(typo.file == "bad.mesa" && typo.line == 3 && typo.column == 3 && typo.endColumn == 11)
        #expect(typo.severity == "error")
        #expect(typo.notes.first?.message == "did you mean 'instances'?")
        #expect(items.contains { $0.file == "bad.mesa" && $0.line == 5 })
        #expect(items.contains { $0.file == "--set bias.speed=-1" }, "an override's diagnostics name the override")
        #expect(!outcome.stdout.contains("ok —"))

        let clean = try runner.run(["check", "--format", "json", "good.mesa"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "[\n\n]\n" || clean.stdout == "[]\n", "\(clean.stdout)")
    }

    @Test("`plan` shows sequential seeds' looks, and the least and the most work")
    func planSequential() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.mesa", "scenario \"Looks\"\nenvironment { instances [1, 4, 16] }\ntraining { seeds 12 ... 192 }\n")
        let plan = try CommandRunner(directory: folder.url).run(["plan", "s.mesa"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("simulation: 3 points × seeds 12 ... 192 (looks at 12, 24, 48, 96, 192) = at least 36, at most 576 runs"))
        #expect(plan.stdout.contains("estimated time: at least "))
        #expect(plan.stdout.contains("(first look), at most "))
    }
}
