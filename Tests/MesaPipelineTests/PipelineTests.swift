import Foundation
import MesaLanguage
import MesaPipeline
import MesaResults
import MesaScenario
import Testing

/// The pipeline end to end on a tiny scenario: compile → sweep → analyse → write, and `render`
/// recomputing findings from the stored runs.
@Suite struct PipelineTests {
    static let source = """
        scenario "Tiny"
        environment { maze 3 x 3; instances [1, 4] }
        deployment { instances 4 }
        model { parameters 24; search_cost 4 * x; max_bits 3 }
        training { optimizer hill_climb; steps 200; seeds 4 }
        expect { mesa_optimizer rises along instances }
        """

    static func scenario() throws -> Scenario {
        switch ScenarioCompiler.compile(source: source, path: "tiny.mesa") {
        case .success(let compiled): return compiled.scenario
        case .failure(let list): throw PipelineTestError(message: list.rendered(path: "tiny.mesa", source: source))
        }
    }

    struct PipelineTestError: Error { var message: String }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mesapipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("results carry the predictions, summaries and findings; render rewrites nothing when nothing changed")
    func runThenRender() async throws {
        let reports = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        let results = try await ScenarioRunner(jobs: 2, toolVersion: "test").run(try Self.scenario())
        #expect(results.predictions.count == 1)
        #expect(results.summary.count == 2 && results.runs.count == 8)
        #expect(results.findings.first?.kind == .expectation)
        let folder = reports.appendingPathComponent(results.slug)
        try ReportRendering(templatesDirectory: nil).writeIndex(in: reports)
        let writer = ReportRendering(templatesDirectory: nil)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ResultsJSON.encode(results).write(to: folder.appendingPathComponent("results.json"))
        let rendered = try writer.render(reportFolder: folder)
        #expect(rendered == results, "findings recomputed from the same runs are the same findings")
    }

    @Test("editing a stored run's metric and rendering changes the finding: sentences come from the runs")
    func findingsAtRenderTime() async throws {
        let reports = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reports) }
        var results = try await ScenarioRunner(jobs: 2, toolVersion: "test").run(try Self.scenario())
        let folder = reports.appendingPathComponent(results.slug)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func rendered(searchAt n: Double) throws -> Finding {
            for index in results.runs.indices {
                let atN = results.runs[index].point["environment.instances"] == .number(n)
                results.runs[index].metrics[.mesaOptimizer] = atN ? 1 : 0
            }
            try ResultsJSON.encode(results).write(to: folder.appendingPathComponent("results.json"))
            let complete = try ReportRendering(templatesDirectory: nil).render(reportFolder: folder)
            return try #require(complete.findings.first { $0.kind == .expectation })
        }
        let rising = try rendered(searchAt: 4)
        #expect(rising.verdict == .holds)
        #expect(rising.sentence.contains("Holds: the fitted share changes by +0.8 across N from 1 to 4 (95% interval +0."))
        let falling = try rendered(searchAt: 1)
        #expect(falling.verdict == .doesNotHold)
        let page = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(page.contains(falling.sentence.replacingOccurrences(of: "_", with: "\\_")))
    }

    @Test("exact runs copied along a hill-climbing-only axis are stored once: 2 × 2 points, 3 sets of runs")
    func copiesAreStoredOnce() async throws {
        let source = """
            scenario "Copies"
            environment { maze 3 x 3; instances 2 }
            model { parameters 16; search_cost 8 * x; max_bits 2 }
            training { optimizer [exact, hill_climb]; accept [strict, neutral]; steps 50; seeds 2 }
            """
        guard case .success(let compiled) = ScenarioCompiler.compile(source: source, path: "copies.mesa") else {
            Issue.record("the scenario compiles")
            return
        }
        let results = try await ScenarioRunner(jobs: 2, toolVersion: "test").run(compiled.scenario)
        // exact × strict, hill_climb × strict, hill_climb × neutral: exact × neutral is a copy.
        #expect(results.runs.count == 3 * 2)
        #expect(results.runs.filter { $0.optimizer == .exact }.allSatisfy { $0.point["training.accept"] == .text("strict") })
        #expect(results.runs.filter { $0.optimizer == .hillClimb }.count == 4)
    }

    @Test("seeds until decided: the looks stop at the first where every prediction is decided; any jobs, the same results")
    func sequentialSeeds() async throws {
        let source = """
            scenario "Seq"
            environment { maze 4 x 4; instances [1, 16] }
            deployment { instances 4 }
            model { parameters 64; search_cost 8 * x; max_bits 3 }
            training { optimizer exact; seeds 4 ... 64 }
            bias { description_length 0.02 }
            expect { mesa_optimizer at_most 0.3 at instances 1 }
            """
        guard case .success(let compiled) = ScenarioCompiler.compile(source: source, path: "seq.mesa") else {
            Issue.record("the scenario compiles")
            return
        }
        let one = try await ScenarioRunner(jobs: 1, toolVersion: "test").run(compiled.scenario)
        let two = try await ScenarioRunner(jobs: 2, toolVersion: "test").run(compiled.scenario)
        #expect(try ResultsJSON.encode(one) == ResultsJSON.encode(two))
        // 99% Clopper–Pearson intervals (5 looks): 0 of n → upper 1 − 0.005^(1/n): 0.73 of 4, 0.48 of 8, 0.28 of
        // 16 < 0.3: decided at look 3.
        #expect(one.seedSchedule?.looks == [4, 8, 16, 32, 64])
        #expect(one.looksRun == 3)
        #expect(one.runs.count == 2 * 16)
        #expect(one.runs.map(\.repetition) == (0..<2).flatMap { _ in Array(0..<16) })
        let verdict = try #require(one.findings.first { $0.kind == .expectation })
        #expect(verdict.verdict == .holds)
        #expect(verdict.sentence.hasSuffix("N = 1: 0 of 16 runs (99% Clopper–Pearson interval 0 to 0.28)."))
        // The runs of a look are those of a fixed 16 seeds: a look adds repetitions, never redraws them.
        var fixed = compiled.scenario
        fixed.seedSchedule = .fixed(16)
        fixed.seeds = 16
        let plain = try await ScenarioRunner(jobs: 2, toolVersion: "test").run(fixed)
        #expect(plain.runs == one.runs)
    }
}
