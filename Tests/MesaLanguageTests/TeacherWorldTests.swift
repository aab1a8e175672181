@testable import MesaLanguage
import MesaResults
import MesaScenario
import Testing

/// The teacher world's vocabulary: its keys mean its own things, and a key, block or optimizer of
/// another world is an error at its line (docs/scenario-language.md "The teacher world").
@Suite struct TeacherWorldTests {
    static func file(_ body: String) -> String { "scenario \"t\"\n" + body }

    @Test func aTeacherFileCompilesWithItsDefaults() throws {
        let scenario = try #require(compiled(Self.file("environment { world teacher }")))
        let spec = try #require(scenario.simulation)
        #expect(spec.world == .teacher && spec.training.optimizer == .adam && spec.deception == nil)
        let t = spec.teacher
        #expect(t.dimension == 16 && t.teacherWidth == 32 && t.tasks == 1 && t.evaluationInputs == 8192)
        #expect(t.learner == .mlp && t.layers == 1 && t.width == 64)
        #expect(t.trigger == .region && t.probability == 0.1 && t.offset == 3)
        #expect(t.steps == 3000 && t.batch == 256 && t.learningRate == 0.001 && t.weightDecay == 0)
        #expect(t.phase2Steps == 6000 && t.phase2WeightDecay == 0.1)
        // K = D·H + H + H + 1 with D = d + N = 17 (no bit for the region trigger).
        #expect(t.parameterCount == 17 * 64 + 64 + 64 + 1)
    }

    @Test func theIssuesExampleCompilesAndSweeps() throws {
        let scenario = try #require(compiled(Self.file("""
            environment { world teacher; dimension 16; teacher_width 32; instances 1 }
            deployment { inputs 1024 }
            model { learner mlp; layers 2; width [4, 256] }
            deception { trigger [input, region]; probability 0.2; offset -3 }
            training { optimizer adam; steps 300; batch 64; learning_rate 0.002; phase2_steps 600; weight_decay 0.01; phase2_weight_decay 0.1; seeds 8 }
            """)))
        let spec = try #require(scenario.simulation)
        #expect(spec.teacher.layers == 2 && spec.teacher.probability == 0.2 && spec.teacher.offset == -3)
        #expect(spec.teacher.evaluationInputs == 1024 && spec.teacher.weightDecay == 0.01 && spec.training.seeds == 8)
        let points = scenario.points.map { ($0.spec.teacher.width, $0.spec.teacher.trigger) }
        #expect(points.map(\.0) == [4, 4, 256, 256] && points.map(\.1) == [.input, .region, .input, .region])
        // Two layers, the input trigger: D = 16 + 1 + 1 = 18, K = 18·4 + 4 + (16 + 4) + 4 + 1.
        #expect(scenario.points[0].spec.teacher.parameterCount == 72 + 4 + 20 + 4 + 1)
    }

    @Test func keysOfOtherWorldsAreRefusedAtTheirLine() {
        expectError(Self.file("environment { world teacher\n  teacher planner }"), line: 3, column: 3,
                    "'teacher' is a key of the maze world, not of the teacher world",
                    notes: ["this file's world is teacher, set here"])
        expectError(Self.file("environment { world teacher }\ndeception { detector_cost 4 }"), line: 3, column: 13,
                    "'detector_cost' is a key of the maze world, not of the teacher world",
                    notes: ["this file's world is teacher, set here"])
        expectError(Self.file("environment { world teacher }\ndeception { initial_share 1 }"), line: 3, column: 13,
                    "'initial_share' is a key of the maze world, not of the teacher world",
                    notes: ["this file's world is teacher, set here"])
        expectError(Self.file("environment { world teacher }\nmodel { search_steps 2 }"), line: 3, column: 9,
                    "'search_steps' is a key of the regression world, not of the teacher world",
                    notes: ["this file's world is teacher, set here"])
        expectError(Self.file("environment { maze 5 x 5 }\ndeception { trigger input }"), line: 3, column: 13,
                    "'trigger' is a key of the teacher world, not of the maze world",
                    notes: ["this file names no world, so it is the maze world; 'world regression' in 'environment' selects the regression world"])
        expectError(Self.file("environment { world regression }\ntraining { phase2_steps 10 }"), line: 3, column: 12,
                    "'phase2_steps' is a key of the teacher world, not of the regression world",
                    notes: ["this file's world is regression, set here"])
    }

    @Test func blocksAndOptimizersOfOtherWorldsAreRefused() {
        expectError(Self.file("environment { world teacher }\nbias { speed 1 }"), line: 3, column: 1,
                    "block 'bias' belongs to the maze world, not to the teacher world",
                    notes: ["this file's world is teacher, set here"])
        expectError(Self.file("environment { world teacher }\ntraining { optimizer exact }"), line: 3, column: 22,
                    "'exact' does not train the teacher world's models; use 'adam'",
                    notes: ["this file's world is teacher, set here"])
    }

    @Test func settingsTheTrainerCannotRunAreRefusedAtTheirValues() {
        expectError(Self.file("environment { world teacher }\ndeception { probability [0.1, 1] }"), line: 3, column: 25,
                    "'probability' must lie strictly between 0 and 1, got 1: the trigger must fire on some phase-1 inputs and not on others")
        expectError(Self.file("environment { world teacher }\ndeception { offset 0 }"), line: 3, column: 20,
                    "'offset' must not be 0: the behaviour adds the offset to the target, and defection is measured in units of it")
        expectError(Self.file("environment { world teacher }\ntraining { learning_rate 0 }"), line: 3, column: 26,
                    "'learning_rate' must be positive, got 0: Adam would not move")
        expectError(Self.file("environment { world teacher }\nmodel { layers 3 }"), line: 3, column: 16,
                    "'layers' must be from 1 to 2, got 3")
    }

    @Test func teacherSettingsKeyRunsApartFromOtherWorlds() throws {
        let a = try #require(compiled(Self.file("environment { world teacher }\nmodel { width 16 }")))
        let b = try #require(compiled(Self.file("environment { world teacher }\nmodel { width 32 }")))
        let text = try #require(a.simulation).canonicalText
        #expect(text.hasPrefix("environment.world=teacher\n"))
        #expect(text.contains("\nmodel.width=16\n") && text.contains("\ntraining.phase2_weight_decay=0.1\n"))
        #expect(text != b.simulation?.canonicalText)
        let maze = try #require(compiled(Self.file("environment { maze 5 x 5 }")))
        #expect(maze.simulation?.canonicalText.contains("world") == false)
        let regression = try #require(compiled(Self.file("environment { world regression }")))
        #expect(regression.simulation?.canonicalText.contains("teacher") == false)
    }

    @Test func quickDividesBothPhasesAndTheEvaluationInputs() throws {
        let scenario = try #require(compiled(Self.file("""
            environment { world teacher }
            deployment { inputs 1000 }
            training { steps 300; phase2_steps [0, 5, 600] }
            """)))
        let quick = scenario.quick()
        let t = try #require(quick.simulation).teacher
        #expect(t.steps == 30 && t.evaluationInputs == 100)
        #expect(quick.points.map { $0.spec.teacher.phase2Steps } == [0, 0, 60])
    }

    @Test func workCountsTheControlNetwork() {
        let spec = TeacherSpec()
        // One forward pass at D = 17, H = 64, one layer: 2·17·64 + 2·64.
        #expect(spec.forwardWork == 2176 + 128)
        // Two networks (model and control), 9000 steps of 256 examples, 3 passes each (forward and
        // backward), plus 12 measurements of 4 passes over E = 8192 inputs for both networks.
        let pass: Double = 2304
        let training: Double = 9000 * 256 * 3 * pass * 2
        let measuring: Double = 12 * 4 * 8192 * pass * 2
        #expect(spec.work == training + measuring)
        var longer = spec
        longer.phase2Steps *= 2
        let phase2: Double = 6000 * 256 * 3 * pass * 2
        #expect(longer.work - spec.work == phase2)
    }
}
