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
        let early = try #require(compiled(scenarioFile("expect { loss falls along parameters by at_least 0.05 }\n" + Self.settings)))
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
        expect("removed_at_step at_most 100", column: 3,
               "'removed_at_step' is a metric, but an expectation cannot use it: it is kept for each run (`hill_climb` runs whose detector was removed), not summarised at each point, and an expectation tests a point's summary",
               notes: ["`mesascope metrics` says which metrics an expectation may name; results.csv has 'removed_at_step' for every run that records it"])
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

    @Test("`by at_least V` sets a trend's or a crossover's margin; unbounded metrics must set one; a level takes none")
    func margins() throws {
        let scenario = try #require(compiled(scenarioFile(Self.settings + """
            expect {
              loss falls along parameters by at_least 0.05
              mesa_optimizer rises along instances by at_least 0.3 at goal region
              crossover instances rises along parameters by at_least 1
            }
            """)))
        #expect(scenario.expectations.map(\.margin) == [0.05, 0.3, 1])
        #expect(scenario.expectations[1].filters == [.init(axis: "environment.goal", value: "region")])
        let unbounded = diagnostics(of: scenarioFile(Self.settings + "expect { loss falls along parameters }\n"))
        #expect(unbounded.contains { $0.severity == .error && $0.message == "'loss' has no bounds, so a trend on it needs its margin: add 'by at_least …'" })
        let level = diagnostics(of: scenarioFile(Self.settings + "expect { mesa_optimizer at_most 0.2 by at_least 0.1 }\n"))
        #expect(level.contains { $0.message == "a level has no margin: 'by' belongs to 'rises' and 'falls'" })
        let negative = diagnostics(of: scenarioFile(Self.settings + "expect { mesa_optimizer rises along instances by at_least -1 }\n"))
        #expect(negative.contains { $0.message.hasPrefix("the margin must be positive") })
    }

    @Test("a bound at the very end of a share's range can never hold: an error that suggests what n runs can show")
    func unsatisfiableBound() {
        let text = scenarioFile(Self.settings + "training { seeds 20 }\nexpect { mesa_optimizer at_most 0 at instances 1 }\n")
        let errors = diagnostics(of: text).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message == "'at_most 0' can never hold: the interval of mesa_optimizer never lies wholly below 0")
        // 0 of 20 at 95%: the Clopper–Pearson upper end 1 − 0.025^(1/20) = 0.168, rounded up to 0.17.
        #expect(errors.first?.notes.first?.message == "write the largest share that still counts as none, e.g. 'at_most 0.17': with 20 runs at a point that is the tightest bound the runs can show")
        let all = diagnostics(of: scenarioFile(Self.settings + "expect { mesa_optimizer at_least 1 }\n"))
        #expect(all.contains { $0.message == "'at_least 1' can never hold: the interval of mesa_optimizer never lies wholly above 1" })
    }

    @Test("issue 21 item 10: a share level the planned seeds can never show is a warning with the seeds needed")
    func undecidableShareLevel() {
        // 0 of 8 at 95%: Clopper–Pearson upper end 1 − 0.025^(1/8) = 0.369 ≥ 0.3; n > log 0.025 / log 0.7 = 10.3.
        let text = scenarioFile(Self.settings + "training { seeds 8 }\nexpect { mesa_optimizer at_most 0.3 at instances 1 }\n")
        let warnings = diagnostics(of: text).filter { $0.severity == .warning }
        #expect(warnings.contains { $0.message == "'at_most 0.3' can never hold with 8 runs a point: even 0 of 8 gives a 95% Clopper–Pearson upper end 0.37" })
        #expect(warnings.contains { $0.notes.first?.message == "a point needs at least 11 seeds (e.g. 'seeds 11'), or a bound the runs can show" })
        #expect(diagnostics(of: text).allSatisfy { $0.severity != .error })
        let mirrored = diagnostics(of: scenarioFile(Self.settings + "training { seeds 8 }\nexpect { mesa_optimizer at_least 0.7 }\n"))
        #expect(mirrored.contains { $0.message.hasPrefix("'at_least 0.7' can never hold with 8 runs a point: even 8 of 8 gives a 95% Clopper–Pearson lower end 0.63") })
        // A metric in [0, 1] that is not a share: the betting sequence from all-zero runs (0 to 0.138
        // at 48, confseq's hedged_cs gives the same; it first falls below 0.05 at 146 runs).
        let fraction = diagnostics(of: scenarioFile(Self.settings + "training { seeds 48 }\nexpect { proxy_pursuit at_most 0.05 }\n"))
        #expect(fraction.contains { $0.severity == .warning && $0.message == "'at_most 0.05' can never hold with 48 runs a point: even all 48 at 0 gives a 95% betting confidence sequence with upper end 0.138" },
                "\(fraction.map(\.message))")
        #expect(fraction.contains { $0.notes.first?.message == "a point needs at least 146 seeds (e.g. 'seeds 146'), or a bound the runs can show" })
        // 12 seeds can show it (upper end 0.264): no warning.
        let enough = diagnostics(of: scenarioFile(Self.settings + "training { seeds 12 }\nexpect { mesa_optimizer at_most 0.3 }\n"))
        #expect(!enough.contains { $0.message.contains("can never hold") })
    }

    @Test("`seeds a ... b`: sequential looks doubling from a to b; other ranges need step or times")
    func seedSchedule() throws {
        let scenario = try #require(compiled(scenarioFile(Self.settings + "training { seeds 12 ... 192 }\n")))
        #expect(scenario.seedSchedule.looks == [12, 24, 48, 96, 192])
        #expect(scenario.seeds == 192 && scenario.minimumRunCount == scenario.pointCount * 12)
        expectError(scenarioFile("environment { instances 1 }\ntraining { seeds 12 ... 200 }"), line: 3, column: 25,
                    "the looks double from 12, so the cap must be 12 times a power of two; 200 is not",
                    notes: ["e.g. '12 ... 192' (looks at 12, 24, 48, 96, 192)"])
        expectError(scenarioFile("environment { instances 1 }\ntraining { seeds 4 ... 16 times 2 }"), line: 3, column: 18,
                    "'seeds' takes a number, or 'a ... b' for sequential seeds; not a 'times' range",
                    notes: ["'seeds 12 ... 192' runs every point to 12 seeds, then 24, 48, 96 and 192, stopping at the first look where every prediction is decided"])
        // At 99% (5 looks), 0 of 192 gives a Clopper–Pearson upper end of 1 − 0.005^(1/192) = 0.027: 0.03.
        let sequential = diagnostics(of: scenarioFile(Self.settings + "training { seeds 12 ... 192 }\nexpect { mesa_optimizer at_most 0 }\n"))
        #expect(sequential.contains { $0.notes.first?.message.contains("'at_most 0.03': with 192 runs") == true })
    }
}
