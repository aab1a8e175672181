@testable import MesaLanguage
import MesaResults
import MesaScenario
import Testing

/// The regression world's vocabulary: its keys mean its own things, and a key, block or optimizer
/// of the other world is an error at its line (docs/scenario-language.md "The regression world").
@Suite struct RegressionWorldTests {
    static func file(_ body: String) -> String { "scenario \"r\"\n" + body }

    @Test func aRegressionFileCompilesWithItsDefaultsAndDerivedMemory() throws {
        let scenario = try #require(compiled(Self.file("""
            environment { world regression; dimension 4; context 8; noise 0.5; instances [1, 16, 256] }
            deployment { instances 100; context 12 }
            model { search_steps 3; parameters 100 }
            training { steps 300; batch 32; learning_rate 0.01; schedule cosine; seeds 2 }
            """)))
        let spec = try #require(scenario.simulation)
        #expect(spec.world == .regression)
        #expect(spec.training.optimizer == .adam)
        let r = spec.regression
        #expect(r.dimension == 4 && r.context == 8 && r.noise == 0.5 && r.tasks == 1)
        #expect(r.unseenTasks == 100 && r.evaluationContext == 12 && r.evaluationNoise == nil)
        // K = 100 with s = 3, d = 4: ⌊(100 − 3·16 − 2)/4⌋ = 12 slots, K used = 48 + 48 + 2 = 98.
        #expect(r.memorySlots == 12 && r.parameterCount == 98)
        #expect(r.steps == 300 && r.batch == 32 && r.learningRate == 0.01 && r.schedule == .cosine)
        #expect(scenario.points.map { $0.spec.regression.tasks } == [1, 16, 256])
    }

    @Test func infiniteIsAPoolOfNoTasks() throws {
        let scenario = try #require(compiled(Self.file("environment { world regression; instances [4, infinite] }")))
        #expect(scenario.points.map { $0.spec.regression.tasks } == [4, nil])
        expectError(Self.file("environment { world regression; instances [infinite, 4] }"), line: 2, column: 43,
                    "'infinite' can only be the last value of an 'instances' sweep (it is charted past the largest N and left out of fits)")
        expectError(Self.file("environment { instances infinite }"), line: 2, column: 25,
                    "'instances' expects a whole number, found 'infinite'")
    }

    @Test func keysOfTheOtherWorldAreRefusedAtTheirLine() {
        expectError(Self.file("environment { world regression\n  maze 5 x 5 }"), line: 3, column: 3,
                    "'maze' is a key of the maze world, not of the regression world",
                    notes: ["this file's world is regression, set here"])
        expectError(Self.file("environment { maze 5 x 5 }\nmodel { search_steps 2 }"), line: 3, column: 9,
                    "'search_steps' is a key of the regression world, not of the maze world",
                    notes: ["this file names no world, so it is the maze world; 'world regression' in 'environment' selects the regression world"])
    }

    @Test func blocksAndOptimizersOfTheOtherWorldAreRefused() {
        expectError(Self.file("environment { world regression }\nbias { speed 1 }"), line: 3, column: 1,
                    "block 'bias' belongs to the maze world, not to the regression world",
                    notes: ["this file's world is regression, set here"])
        expectError(Self.file("environment { world regression }\ntraining { optimizer hill_climb }"), line: 3, column: 22,
                    "'hill_climb' does not train the regression world's models; use 'adam'",
                    notes: ["this file's world is regression, set here"])
        expectError(Self.file("environment { maze 5 x 5 }\ntraining { optimizer adam }"), line: 3, column: 22,
                    "'adam' does not train the maze world's models; use 'exact' or 'hill_climb'",
                    notes: ["this file names no world, so it is the maze world; 'world regression' in 'environment' selects the regression world"])
    }

    @Test func aBudgetBesideMemoryOrTooSmallForTheSearchIsRefused() {
        expectError(Self.file("environment { world regression }\nmodel { memory 8; parameters 300 }"), line: 3, column: 19,
                    "give 'parameters' or 'memory', not both: with 'parameters' and 'search_steps', the memory is the most slots that fit, ⌊(K − s·d² − 2)/d⌋",
                    notes: ["'memory' is set here"])
        expectError(Self.file("environment { world regression }\nmodel { search_steps 2; parameters [200, 100] }"), line: 3, column: 36,
                    "a budget of 100 parameters does not hold the search circuit and the gate: s·d² + 2 = 130 with search_steps 2 and dimension 8",
                    notes: ["first at the sweep point model.parameters = 100"])
    }

    @Test func regressionSettingsKeyRunsApartFromMazeSettings() throws {
        let a = try #require(compiled(Self.file("environment { world regression; instances 16 }")))
        let b = try #require(compiled(Self.file("environment { world regression; instances 32 }")))
        let text = try #require(a.simulation).canonicalText
        #expect(text.hasPrefix("environment.world=regression\n"))
        #expect(text != b.simulation?.canonicalText)
        // The maze world's text is what it was before worlds existed: no world line.
        let maze = try #require(compiled(Self.file("environment { maze 5 x 5 }")))
        #expect(maze.simulation?.canonicalText.contains("world") == false)
    }

    @Test func workGrowsWithStepsBatchAndMemory() throws {
        var spec = RegressionSpec()
        let base = spec.work
        spec.steps *= 2
        // Doubling the steps adds one more training: steps × batch × 3 forward passes.
        let training = 2000.0 * 256 * 3 * spec.forwardWork(context: 16)
        #expect(abs(spec.work - base - training) <= 1e-9 * base)
        spec = RegressionSpec()
        spec.memory = 128
        #expect(spec.work > base)
        // One forward pass at d = 8, n = 16, s = 2, m = 64: 2·2·(256 + 64) + 2·64·16·8 + 2·64·8 + 4·64.
        #expect(RegressionSpec().forwardWork(context: 16) == 1280 + 16384 + 1024 + 256)
    }
}
