@testable import MesaLanguage
import MesaScenario
import Testing

/// Each bad input gets exactly the diagnostic a user should see, at the right place.
@Suite struct InvalidInputTests {
    @Test func unknownKeyWithSuggestion() {
        expectError(scenarioFile("environment {\n  instnces 4\n}"), line: 3, column: 3,
                    "unknown key 'instnces' in block 'environment'", notes: ["did you mean 'instances'?"])
    }

    @Test func unknownKeyWithoutSuggestion() {
        expectError(scenarioFile("environment {\n  colour 4\n}"), line: 3, column: 3,
                    "unknown key 'colour' in block 'environment'", notes: [])
    }

    @Test func keyOfAnotherBlock() {
        expectError(scenarioFile("environment {\n  seeds 4\n}"), line: 3, column: 3,
                    "unknown key 'seeds' in block 'environment'", notes: ["'seeds' is a key of block 'training'"])
        expectError(scenarioFile("model {\n  maze 4 x 4\n}"), line: 3, column: 3,
                    "unknown key 'maze' in block 'model'", notes: ["'maze' is a key of blocks 'environment' and 'deployment'"])
    }

    @Test func unknownBlock() {
        expectError(scenarioFile("environmnt { maze 9 x 9 }"), line: 2, column: 1, "unknown block 'environmnt'",
                    notes: ["did you mean 'environment'?", "the blocks are analytic, environment, deployment, model, deception, training, bias, expect"])
    }

    @Test func duplicateKey() {
        let text = scenarioFile("environment {\n  maze 9 x 9\n  maze 5 x 5\n}")
        expectError(text, line: 4, column: 3, "duplicate key 'maze' in block 'environment'", notes: ["'maze' is first set here"])
        #expect(diagnostics(of: text).first?.notes.first?.range?.start.line == 3)
    }

    @Test func duplicateBlock() {
        expectError(scenarioFile("bias { speed 1 }\nenvironment { }\nbias { description_length 1 }"), line: 4, column: 1,
                    "duplicate block 'bias'", notes: ["first 'bias' block is here"])
    }

    @Test func wrongTypes() {
        expectError(scenarioFile("environment { instances many }"), line: 2, column: 25,
                    "'instances' expects a whole number, found 'many'")
        expectError(scenarioFile("environment { instances 2.5 }"), line: 2, column: 25,
                    "'instances' expects a whole number, got 2.5")
        expectError(scenarioFile("environment { maze 9 }"), line: 2, column: 20,
                    "'maze' expects a size such as '9 x 9', found 9")
        expectError(scenarioFile("environment { goal \"anywhere\" }"), line: 2, column: 20,
                    "'goal' expects one of 'anywhere', 'region', found a string")
        expectError(scenarioFile("environment { goal anywher }"), line: 2, column: 20,
                    "'goal' expects one of 'anywhere', 'region', found 'anywher'", notes: ["did you mean 'anywhere'?"])
        expectError(scenarioFile("environment { loops 0.1, 0.2 }"), line: 2, column: 21,
                    "'loops' takes one value, but commas separate values, so '0.1, 0.2' is 2")
        expectError(scenarioFile("model { encoding indirect }"), line: 2, column: 18,
                    "'indirect' needs the number of genes, such as 'indirect 64'")
        expectError(scenarioFile("environment { proxy top_right }"), line: 2, column: 21,
                    "'proxy' expects a corner and a side, such as 'top_right 3'")
        expectError(scenarioFile("model { styles heuristic, heuristic }"), line: 2, column: 16, "'styles' lists a style twice")
        expectError(scenarioFile("analytic { cost \"x\" }"), line: 2, column: 17,
                    "'cost' expects an expression in x such as '2 * x^2', found a string")
        expectError(scenarioFile("environment { instances x + 1 }"), line: 2, column: 25,
                    "'instances' expects a whole number, found an expression in x")
    }

    @Test func outOfRangeProbability() {
        expectError(scenarioFile("environment { loops 1.5 }"), line: 2, column: 21,
                    "'loops' must be from 0 to 1 (a probability), got 1.5")
        expectError(scenarioFile("deception { false_positive -0.1 }"), line: 2, column: 28,
                    "'false_positive' must be from 0 to 1 (a probability), got -0.1")
    }

    @Test func outOfRangeCounts() {
        expectError(scenarioFile("model { parameters 0 }"), line: 2, column: 20, "'parameters' must be from 1 to 10000000, got 0")
    }

    @Test func sizeBelowTwo() {
        expectError(scenarioFile("environment { maze 1 x 9 }"), line: 2, column: 20,
                    "each side of 'maze' must be a whole number from 2 to 64, got 1 x 9")
    }

    @Test func outOfRangeValueInASweep() {
        // Each bad list element is reported at its own position.
        let found = diagnostics(of: scenarioFile("environment { loops [0.5, 2, 3] }"))
        #expect(found.map(\.range.start.column) == [27, 30])
        // A range reports its first bad value once.
        expectError(scenarioFile("environment { loops 0 ... 3 step 1 }"), line: 2, column: 21,
                    "'loops' must be from 0 to 1 (a probability), got 2")
    }

    @Test func emptySweep() {
        expectError(scenarioFile("environment { instances [] }"), line: 2, column: 25,
                    "empty list: a sweep needs at least one value")
    }

    @Test func backwardsRange() {
        expectError(scenarioFile("environment { instances 10 ... 1 step 1 }"), line: 2, column: 25,
                    "backwards range: the first value 10 is greater than the last 1, so the sweep is empty")
    }

    @Test func badSteps() {
        expectError(scenarioFile("environment { instances 1 ... 10 step 0 }"), line: 2, column: 39,
                    "a range step must be greater than 0, got 0")
        expectError(scenarioFile("environment { instances 1 ... 10 times 1 }"), line: 2, column: 40,
                    "a range factor must be greater than 1, got 1")
        expectError(scenarioFile("environment { instances 1 ... 10 }"), line: 2, column: 34,
                    "expected 'step' or 'times' after the range's last value, found '}'",
                    notes: ["write 'a ... b step s' (a, a+s, a+2s, …) or 'a ... b times f' (a, a·f, a·f², …); 'a ... b' alone is for 'seeds' (sequential looks)"])
    }

    @Test func costUsingAnotherName() {
        expectError(scenarioFile("analytic { cost 2 * y }"), line: 2, column: 21,
                    "unknown name 'y' in the expression for 'cost'", notes: ["did you mean 'x'?"])
        expectError(scenarioFile("model { search_cost bits * 2 }"), line: 2, column: 21,
                    "unknown name 'bits' in the expression for 'search_cost'", notes: ["the only variable is x, the bits of search"])
    }

    @Test func costNotFiniteOnTheInterval() {
        expectError(scenarioFile("analytic { cost log2(x) }"), line: 2, column: 17, "'cost' is not finite at x = 0",
                    notes: ["a cost must be a finite number for every x in [0, 20], up to 'analytic.max_bits'"])
        expectError(scenarioFile("analytic {\n  cost 1 / (x - 1)\n  max_bits 4\n}"), line: 3, column: 8, "'cost' is not finite at x = 1",
                    notes: ["a cost must be a finite number for every x in [0, 4], up to 'analytic.max_bits'"])
        expectError(scenarioFile("model { search_cost exp(exp(x)) }"), line: 2, column: 21, "'search_cost' is not finite at x = 6.568",
                    notes: ["a cost must be a finite number for every x in [0, 8], up to 'model.max_bits'"])
        expectError(scenarioFile("analytic { cost x - 1 }"), line: 2, column: 17, "'cost' is negative at x = 0",
                    notes: ["a cost must be at least 0 for every x in [0, 20]"])
    }

    @Test func costCheckedAgainstEverySweptCost() {
        expectError(scenarioFile("analytic { cost [x, sqrt(x - 1)] }"), line: 2, column: 21, "'cost' is not finite at x = 0")
    }

    @Test func unclosedBlockPointsAtItsBrace() {
        let text = scenarioFile("environment {\n  maze 9 x 9\n")
        expectError(text, line: 4, column: 1, "expected '}' at the end of block 'environment'", notes: ["block 'environment' opened here"])
        #expect(diagnostics(of: text).first?.notes.first?.range?.start == SourcePosition(line: 2, column: 13, offset: 25))
    }

    @Test func unterminatedString() {
        expectError("scenario \"Diversity\nenvironment { }", line: 1, column: 10,
                    "unterminated string; close it with '\"' on the same line")
    }

    @Test func unterminatedProse() {
        expectError(scenarioFile("environment { }\n\"\"\"\nSome *prose*\n"), line: 3, column: 1,
                    "unterminated prose block; close it with '\"\"\"'")
    }

    @Test func sweptSeeds() {
        expectError(scenarioFile("environment { }\ntraining { seeds [1, 2] }"), line: 3, column: 18,
                    "'seeds' cannot be swept",
                    notes: ["every sweep point already runs 'seeds' times, each with its own random stream; give one number"])
    }

    @Test func missingHeader() {
        expectError("environment { maze 9 x 9 }", line: 1, column: 1,
                    "a scenario file starts with 'scenario \"Title\"', found 'environment'")
        expectError("scenario\nenvironment { }", line: 1, column: 9,
                    "expected the scenario's title as a string after 'scenario', found end of line")
    }

    @Test func unknownKeyIsReportedEvenWhenItsValueIsMalformed() {
        let found = diagnostics(of: scenarioFile("environment {\n  instnces [1, 2\n}"))
        #expect(found.map(\.message) == ["unknown key 'instnces' in block 'environment'", "expected ',' or ']' in the list, found '}'"])
    }

    @Test func headerTwiceOrLate() {
        expectError(scenarioFile("environment { }\nscenario \"Again\""), line: 3, column: 1,
                    "a file has one 'scenario' header", notes: ["the header is here"])
        let late = diagnostics(of: "environment { }\nscenario \"T\"").map(\.message)
        #expect(late == [#"a scenario file starts with 'scenario "Title"', found 'environment'"#,
                         "the 'scenario' header must come first in the file"])
    }

    @Test func settingOutsideABlock() {
        expectError(scenarioFile("environment { }\npower 100"), line: 3, column: 1,
                    "setting 'power' outside a block; write it inside a block such as 'model { … }'")
    }

    @Test func runCountLimit() {
        // Small runs (one maze, K swept), so only the count of runs is over a limit.
        let text = scenarioFile("environment { instances 1 }\nmodel { parameters 1 ... 3000 step 1 }")
        expectError(text, line: 1, column: 1, "the sweep has 3000 points × 4 seeds = 12000 runs, more than the limit of 10000",
                    notes: ["'model.parameters' sweeps 3000 values", "to run it anyway, pass --allow-large"])
        let allowed = ScenarioCompiler.compile(source: text, path: "t.mesa", options: .init(allowLarge: true))
        #expect((try? allowed.get())?.scenario.runCount == 12_000)
        let raised = ScenarioCompiler.compile(source: text, path: "t.mesa", options: .init(maxRuns: 12_000))
        #expect((try? raised.get()) != nil)
    }

    @Test func workLimit() {
        // 10,000 instances on 32 x 32 mazes, 10⁷ steps, 4 seeds: 4 · 10⁷ · (50 + 10⁴ · L · 2.5) hill-climbing
        // units with episodes of L = 2·√1024 = 64 steps, and (10⁴ + 10⁴) · 1024 · 64 measurement units a run.
        let text = scenarioFile("environment { maze 32 x 32; instances 10000; loops 0.1 }\ntraining { steps 10000000 }")
        let seconds = CostModel.reference.seconds(WorkUnits(hillClimb: 4e7 * (50 + 1e4 * 64 * 2.5), measurement: 4 * 2e4 * 1024 * 64,
                                                            runs: 4))
        #expect(seconds > 86_400 && CostModel.duration(seconds) == "4.3 days")
        let message = diagnostics(of: text).first { $0.severity == .error }?.message ?? ""
        #expect(message.hasPrefix("the sweep's estimated work is 4.3 days"), "\(message)")
        #expect(message.hasSuffix("of one core on the reference machine (1 point × 4 seeds), more than the limit of 24h00m"))
        let allowed = ScenarioCompiler.compile(source: text, path: "t.mesa", options: .init(allowLarge: true))
        #expect((try? allowed.get()) != nil)
    }

    @Test func everyProblemInOneRunSortedByPosition() {
        let text = scenarioFile("""
            model { parameters 0 }
            environmnt { }
            environment { loops 2; instnces 3 }
            """)
        let found = diagnostics(of: text)
        #expect(found.map(\.message) == [
            "'parameters' must be from 1 to 10000000, got 0", "unknown block 'environmnt'",
            "'loops' must be from 0 to 1 (a probability), got 2", "unknown key 'instnces' in block 'environment'",
        ])
        #expect(found.map(\.range.start.line) == [2, 3, 4, 4])
    }
}
