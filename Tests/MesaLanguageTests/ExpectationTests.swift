@testable import MesaLanguage
import MesaScenario
import MesaResults
import Testing

/// The `expect` block: predictions typed against the sweep's axes, and every mistake located.
@Suite struct ExpectationTests {
    static let settings = """
        environment { instances [1, 4, 16]; goal [anywhere, region] }
        deployment { instances [10, 20] }
        model { parameters [64, 128]; encoding indirect [8, 32] }

        """

    @Test("each claim form compiles to its typed expectation, axes qualified, filters as written")
    func claims() throws {
        let scenario = try #require(compiled(scenarioFile(Self.settings + """
            expect {
              mesa_optimizer rises along instances
              deploy_score at_least 0.5 at parameters 128, goal region
              crossover instances falls along encoding at encoding indirect 8
            }
            """)))
        #expect(scenario.expectations == [
            Prediction(claim: .trend(metric: .mesaOptimizer, direction: .rises, axis: "environment.instances"),
                        filters: [], text: "mesa_optimizer rises along instances"),
            Prediction(claim: .level(metric: .deployScore, bound: .atLeast, value: 0.5),
                        filters: [.init(axis: "model.parameters", value: "128"), .init(axis: "environment.goal", value: "region")],
                        text: "deploy_score at_least 0.5 at parameters 128, goal region"),
            Prediction(claim: .crossover(axis: "environment.instances", direction: .falls, along: "model.encoding"),
                        filters: [.init(axis: "model.encoding", value: "indirect 8")],
                        text: "crossover instances falls along encoding at encoding indirect 8"),
        ])
    }

    @Test("a bound and a point's value may be constant arithmetic, evaluated as settings are")
    func constantArithmetic() throws {
        let scenario = try #require(compiled(scenarioFile(Self.settings + "expect { loss at_most 1/4 at parameters 2^7 }\n")))
        #expect(scenario.expectations.first?.claim == .level(metric: .loss, bound: .atMost, value: 0.25))
        #expect(scenario.expectations.first?.filters == [.init(axis: "model.parameters", value: "128")])
    }

    @Test("an expect block may come before the settings it names; without a simulation it names no axis")
    func order() throws {
        let early = try #require(compiled(scenarioFile("expect { loss falls along parameters }\n" + Self.settings)))
        #expect(early.expectations.count == 1)
        let analyticOnly = diagnostics(of: scenarioFile("analytic { power 10 }\nexpect { loss falls along parameters }\n"))
        #expect(analyticOnly.contains { $0.severity == .error && $0.message == "'parameters' is not a swept setting of this scenario" })
    }

    @Test("mistakes are reported where they are, with what would be accepted")
    func mistakes() {
        func expect(_ statement: String, column: Int, _ message: String, notes: [String]? = nil,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            expectError(scenarioFile(Self.settings + "expect {\n  \(statement)\n}\n"), line: 6, column: column, message,
                        notes: notes, sourceLocation: sourceLocation)
        }
        expect("mesa_optimiser rises along instances", column: 3, "unknown metric 'mesa_optimiser' in an expectation",
               notes: ["did you mean 'mesa_optimizer'?",
                       "an expectation names a metric (train_score, deploy_score, search_bits, mesa_optimizer, …) or 'crossover'"])
        expect("loss rises instances", column: 14, "expected 'along' after 'rises'")
        expect("loss goes along instances", column: 8, "expected 'rises', 'falls', 'at_most' or 'at_least' after 'loss'")
        expect("loss rises along maze", column: 20, "'maze' is not a swept setting of this scenario",
               notes: ["the swept settings are instances, goal, instances, parameters, encoding"])
        expect("loss at_most high", column: 16, "'at_most' expects a number, found 'high'")
        expect("loss at_most", column: 8, "expected a number after 'at_most'")
        expect("loss at_most 1 at parameters", column: 21, "expected one of the values of 'parameters' after it")
        expect("loss at_most 1 at instances 3", column: 31, "'instances' is not swept at 3", notes: ["its values are 1, 4, 16"])
        expect("loss at_most 1 at instances [1, 4]", column: 31, "an expectation takes single values, not a list or a range")
        expect("crossover goal rises along parameters", column: 13, "N* lies on a numeric axis; 'goal' takes words")
        expect("crossover instances rises along instances", column: 35,
               "a crossover is compared along a different axis than the one it lies on")
        expect("loss at_most 1, instances 4", column: 19, "a comma in an expectation separates the axes after 'at'")
        expect("loss at_most 1 near instances 4", column: 18, "expected 'at' after the claim")
    }
}
