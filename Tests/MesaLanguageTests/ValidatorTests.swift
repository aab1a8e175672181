@testable import MesaLanguage
import MesaScenario
import Testing

@Suite struct ValidatorTests {
    @Test func exampleCompilesToTheExpectedScenario() throws {
        let scenario = try #require(compiled(exampleSource))
        #expect(scenario.title == "Diversity pays for search")
        #expect(scenario.slug == "diversity-pays-for-search")
        #expect(scenario.source == exampleSource)
        #expect(scenario.seeds == 8)

        let analytic = try #require(scenario.analytic)
        #expect(analytic.powers == [100])
        #expect(analytic.costs.map(\.description) == ["2 * x^2"])
        #expect(analytic.maxBits == [20])
        #expect(analytic.instances == (0...10).map { Double(1 << $0) })
        #expect(analytic.instancesGeometric)

        let spec = try #require(scenario.simulation)
        #expect(spec.environment.width == 9 && spec.environment.height == 9)
        #expect(spec.environment.instances == 1)
        #expect(spec.environment.goal == .anywhere)
        #expect(spec.deployment.instances == 200)
        #expect(spec.deployment.width == 9)
        #expect(spec.model.parameters == 512)
        #expect(spec.model.searchCost == .binary(.multiply, .number(16), .variable))
        #expect(spec.model.maxBits == 8)
        #expect(spec.training.optimizer == .hillClimb)
        #expect(spec.training.steps == 20_000)
        #expect(spec.training.seeds == 8)
        #expect(spec.bias == BiasSpec())
        #expect(spec.deception == nil)

        #expect(scenario.axes.map(\.key) == ["environment.instances"])
        #expect(scenario.axes.first?.values == [1, 2, 4, 8, 16, 32, 64, 128].map(SettingValue.number))
        #expect(scenario.axes.first?.isGeometric == false)
        #expect(scenario.pointCount == 8)
        #expect(scenario.runCount == 64)
        let point = try #require(scenario.point(at: 3))
        #expect(point.coordinates.map(\.key) == ["environment.instances"])
        #expect(point.coordinates.map(\.value) == [.number(8)])
        #expect(point.spec.environment.instances == 8)
        #expect(point.spec.deployment.instances == 200)
        #expect(scenario.points.map(\.spec.environment.instances) == [1, 2, 4, 8, 16, 32, 64, 128])
    }

    @Test func exampleNotebookKeepsSourceOrderAndText() throws {
        let scenario = try #require(compiled(exampleSource))
        #expect(scenario.notebook.count == 7)
        guard case .prose(let prose) = scenario.notebook[0], case .block(let environment) = scenario.notebook[2] else {
            Issue.record("unexpected notebook shape"); return
        }
        #expect(prose.hasPrefix("Section 2.1 of *Risks from Learned Optimization* predicts"))
        #expect(prose.hasSuffix("searches at run time."))
        #expect(environment.name == "environment")
        #expect(environment.settings == [
            SettingOutline(key: "maze", text: "9 x 9", isSwept: false),
            SettingOutline(key: "instances", text: "[1, 2, 4, 8, 16, 32, 64, 128]", isSwept: true),
            SettingOutline(key: "goal", text: "anywhere", isSwept: false),
        ])
        guard case .block(let analytic) = scenario.notebook[1] else { return }
        #expect(analytic.settings.map(\.text) == ["100", "2 * x^2", "20", "1 ... 1024 times 2"])
        #expect(analytic.settings.map(\.isSwept) == [false, false, false, true])
    }

    @Test func tuplesAndWords() throws {
        let scenario = try #require(compiled(scenarioFile("""
            environment { proxy top_right 3; goal region }
            model { encoding indirect 64; styles heuristic, search }
            deception { target any }
            """)))
        let spec = try #require(scenario.simulation)
        #expect(spec.environment.proxyCorner == .top_right && spec.environment.proxySide == 3)
        #expect(spec.environment.goal == .region)
        #expect(spec.model.encoding == .indirect(genes: 64))
        #expect(spec.model.styles == [.heuristic, .search])
        #expect(spec.deception?.target == .any)
        #expect(scenario.axes.isEmpty)
        #expect(scenario.pointCount == 1)
    }

    @Test func sweptTuplesAndWords() throws {
        let scenario = try #require(compiled(scenarioFile("""
            environment { proxy [top_right, bottom_left] 3 }
            model { styles [heuristic, search]; encoding direct }
            training { optimizer [exact, hill_climb] }
            """)))
        #expect(scenario.axes.map(\.key) == ["environment.proxy", "model.styles", "training.optimizer"])
        #expect(scenario.axes[0].values == [.tuple([.word("top_right"), .number(3)]), .tuple([.word("bottom_left"), .number(3)])])
        #expect(scenario.axes[1].values == [.word("heuristic"), .word("search")])
        #expect(scenario.pointCount == 8)
        let last = try #require(scenario.point(at: 7))
        #expect(last.coordinates.map(\.value) == [.tuple([.word("bottom_left"), .number(3)]), .word("search"), .word("hill_climb")])
        #expect(last.spec.model.styles == [.search])
        #expect(last.spec.environment.proxyCorner == .bottom_left)
        #expect(scenario.simulation?.model.encoding == .direct)
        let first = try #require(scenario.point(at: 0))
        #expect(first.spec.training.optimizer == .exact)
        #expect(first.spec.model.styles == [.heuristic])
    }

    @Test func cartesianProductIsRowMajor() throws {
        let scenario = try #require(compiled(scenarioFile("environment { maze [5 x 5, 7 x 7]; instances [1, 2, 3] }")))
        #expect(scenario.pointCount == 6)
        let coordinates = scenario.points.map { $0.coordinates.map(\.value.text) }
        #expect(coordinates == [
            ["5 x 5", "1"], ["5 x 5", "2"], ["5 x 5", "3"], ["7 x 7", "1"], ["7 x 7", "2"], ["7 x 7", "3"],
        ])
        #expect(scenario.point(at: 4)?.spec.deployment.width == 7)
    }

    @Test func emptyDeceptionBlockStillAddsTheDetector() throws {
        let scenario = try #require(compiled(scenarioFile("environment { maze 5 x 5 }\ndeception { }")))
        #expect(scenario.simulation?.deception == DeceptionSpec())
        let without = try #require(compiled(scenarioFile("environment { maze 5 x 5 }")))
        #expect(without.simulation?.deception == nil)
    }

    @Test func deploymentOverridesWhateverTheOrder() throws {
        let scenario = try #require(compiled(scenarioFile("deployment { maze 5 x 5 }\nenvironment { maze 9 x 9; goal region }")))
        let spec = try #require(scenario.simulation)
        #expect(spec.environment.width == 9)
        #expect(spec.deployment.width == 5)
        #expect(spec.deployment.goal == .region)
    }

    @Test func analyticOnlyAndSimulationOnly() throws {
        let analytic = try #require(compiled(scenarioFile("analytic { power [10, 100]; cost 16 * log2(1 + x) }")))
        #expect(analytic.simulation == nil)
        #expect(analytic.pointCount == 0 && analytic.runCount == 0)
        #expect(analytic.analytic?.powers == [10, 100])
        #expect(analytic.analytic?.instancesGeometric == true)
        let simulation = try #require(compiled(scenarioFile("environment { instances 1 ... 64 times 2 }")))
        #expect(simulation.analytic == nil)
        #expect(simulation.seeds == 4)
        #expect(simulation.axes.first?.isGeometric == true)
    }

    @Test func analyticInstancesFromAListAreNotGeometric() throws {
        let scenario = try #require(compiled(scenarioFile("analytic { instances [1, 10, 100] }")))
        #expect(scenario.analytic?.instancesGeometric == false)
    }

    @Test func constantArithmeticIsANumber() throws {
        let scenario = try #require(compiled(scenarioFile("environment { instances 2^6 }\ntraining { steps 10 * 1000 }")))
        #expect(scenario.simulation?.environment.instances == 64)
        #expect(scenario.simulation?.training.steps == 10_000)
    }

    @Test func slugs() {
        #expect(Slug.make(from: "Diversity pays for search") == "diversity-pays-for-search")
        #expect(Slug.make(from: "  Hello, World!  ") == "hello-world")
        #expect(Slug.make(from: "Sélection à la carte") == "selection-a-la-carte")
        #expect(Slug.make(from: "!!!") == "scenario")
        #expect(Slug.make(from: "") == "scenario")
        #expect(Slug.make(from: String(repeating: "a", count: 200)).count == 80)
    }

    @Test func warningsOnAValidFile() throws {
        let result = ScenarioCompiler.compile(source: scenarioFile("analytic { cost 5 }\nmodel { parameters 8 }"), path: "t.mesa")
        let compiled = try result.get()
        #expect(compiled.warnings.diagnostics.map(\.message) == [
            "'cost' does not depend on x", "block 'model' has no effect without an 'environment' block",
        ])
        #expect(compiled.warnings.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(compiled.scenario.simulation == nil)
    }

    @Test func repeatedSweepValuesAreAWarning() throws {
        let result = ScenarioCompiler.compile(source: scenarioFile("environment { instances [4, 8, 4] }"), path: "t.mesa")
        let compiled = try result.get()
        #expect(compiled.warnings.diagnostics.map(\.message) == ["'instances' sweeps the same value more than once"])
        #expect(compiled.warnings.diagnostics.first?.range.start.column == 25)
        #expect(compiled.scenario.pointCount == 3)
    }

    @Test func inconsistentSettingsAreWarnings() throws {
        let threshold = try ScenarioCompiler.compile(
            source: scenarioFile("environment { }\nmodel { max_bits [4, 8]; search_threshold 6 }"), path: "t.mesa").get()
        #expect(threshold.warnings.diagnostics.map(\.message) == [
            "'search_threshold' 6 is above 'max_bits' 4, so the search never expands anything",
        ])
        #expect(threshold.warnings.diagnostics.first?.notes.map(\.message) == ["first at the sweep point model.max_bits = 4"])
        #expect(threshold.warnings.diagnostics.first?.range.start.line == 3)
        let proxy = try ScenarioCompiler.compile(
            source: scenarioFile("environment { maze [5 x 5, 3 x 3]; goal region; proxy top_left 4 }"), path: "t.mesa").get()
        #expect(proxy.warnings.diagnostics.map(\.message) == ["the proxy region (side 4) does not fit in the 3 x 3 maze"])
        #expect(proxy.warnings.diagnostics.first?.range.start.column == 55)
        let whole = try ScenarioCompiler.compile(
            source: scenarioFile("environment { maze 3 x 3; goal region; proxy top_left 3; goal_correlation 0.9 }"), path: "t.mesa").get()
        #expect(whole.warnings.diagnostics.map(\.message) == [
            "the proxy region (side 3) covers the whole 3 x 3 maze, so no goal can lie outside it",
        ])
        let always = try ScenarioCompiler.compile(
            source: scenarioFile("environment { maze 3 x 3; goal region; proxy top_left 3 }"), path: "t.mesa").get()
        #expect(always.warnings.diagnostics.isEmpty)
        let fine = try ScenarioCompiler.compile(
            source: scenarioFile("environment { maze 5 x 5; goal region; proxy top_left 2 }\nmodel { search_threshold 2 }"), path: "t.mesa").get()
        #expect(fine.warnings.diagnostics.isEmpty)
    }

    @Test func nothingToRunIsAWarning() {
        let found = diagnostics(of: scenarioFile("\"\"\"\nJust prose.\n\"\"\""))
        #expect(found.map(\.message) == ["the scenario has no 'analytic' or 'environment' block, so nothing will run"])
        #expect(found.first?.severity == .warning)
    }
}

/// What the engine would refuse, `check` refuses first, at the `optimizer` line.
@Suite struct EngineRefusalTests {
    @Test("exact selection with an indirect encoding is refused at the optimizer line")
    func exactIndirect() {
        expectError(scenarioFile("""
            environment { maze 4 x 4; instances 2 }
            model { encoding indirect 8 }
            training { optimizer exact }
            """), line: 4, column: 22,
            "the exact optimizer cannot run `encoding indirect`: an indirect gene sets decisions in many instances, so the table does not decompose per instance",
            notes: ["use `optimizer hill_climb`, or `encoding direct`"])
    }

    @Test("a class too large to enumerate is refused with its size, naming the sweep point")
    func classTooLarge() {
        let errors = diagnostics(of: scenarioFile("""
            environment { maze 20 x 20; instances [2, 500] }
            model { parameters 4000; max_bits 8 }
            training { optimizer exact; seeds 1 }
            """), options: .init(allowLarge: true)).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("the exact optimizer cannot enumerate this class:") == true)
        #expect(errors.first?.range.start.line == 4)
        #expect(errors.first?.notes.last?.message == "first at the sweep point environment.instances = 500")
    }

    @Test("machinery of ten million sizes is refused at once, not enumerated (it once took a minute)")
    func machineryTooLarge() {
        let text = scenarioFile("""
            environment { maze 5 x 5; instances 4 }
            model { parameters 10000000; search_cost 1000000 * x; max_bits 30 }
            training { optimizer exact }
            """)
        let clock = ContinuousClock()
        let started = clock.now
        expectError(text, line: 4, column: 22,
                    "the exact optimizer cannot enumerate this class: its search machinery takes 1e7 sizes (0 parameters up to what reaches max_bits or the budget), above the limit of 100000",
                    notes: ["use a cheaper search_cost, a smaller max_bits or budget, or `optimizer hill_climb`"])
        #expect(clock.now - started < .seconds(5))
        // A relative budget's class is judged uncapped: a cost of 1e300 is more than any budget.
        let relative = diagnostics(of: scenarioFile("""
            environment { maze 5 x 5; instances 4 }
            model { parameters k_fit + [0, 2]; search_cost 1e300 * x; max_bits 30 }
            deception { detector_cost 4 }
            training { optimizer exact }
            """)).filter { $0.severity == .error }
        #expect(relative.map(\.message) == ["a budget relative to 'k_fit' needs each world's K_fit, which only the exact decomposition finds, and here the class is too large to enumerate"])
    }

    @Test("`pool` restricts the training mazes only: swept in `environment`, unknown in `deployment`")
    func poolIsTrainingOnly() throws {
        let compiled = try ScenarioCompiler.compile(source: scenarioFile("environment { instances 8; pool [1, 4] }"), path: "t.mesa").get()
        #expect(compiled.scenario.points.map { $0.spec.environment.pool } == [1, 4])
        #expect(compiled.scenario.points.map { $0.spec.deployment.pool } == [nil, nil])
        let deployment = diagnostics(of: scenarioFile("environment { }\ndeployment { pool 2 }")).filter { $0.severity == .error }
        #expect(deployment.map(\.message) == ["unknown key 'pool' in block 'deployment'"])
        #expect(deployment.first?.notes.map(\.message) == ["'pool' is a key of block 'environment'"])
        #expect(diagnostics(of: scenarioFile("environment { pool 0 }")).contains { $0.severity == .error })
    }

    @Test("hill climbing on the same class is accepted")
    func hillClimbAccepted() {
        #expect(diagnostics(of: scenarioFile("""
            environment { maze 4 x 4; instances 2 }
            model { encoding indirect 8 }
            training { optimizer hill_climb }
            """)).filter { $0.severity == .error }.isEmpty)
    }
}
