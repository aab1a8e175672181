import Foundation
import MesaResults
import Testing

@testable import MesaAnalysis

@Suite("Findings sentences")
struct FindingRulesTests {
    @Test("numbers print deterministically with the stated significant digits")
    func numberText() {
        #expect(NumberText.format(22.6, significant: 2) == "23")
        #expect(NumberText.format(0.83333, significant: 3) == "0.833")
        #expect(NumberText.format(1234.5, significant: 3) == "1230")
        #expect(NumberText.format(15.999999999999998, significant: 2) == "16")
        #expect(NumberText.format(128, significant: 2) == "128")
        #expect(NumberText.format(0.05) == "0.05")
        #expect(NumberText.format(-0.25) == "-0.25")
        #expect(NumberText.format(0.000123456) == "0.000123")
        #expect(NumberText.format(0.995, significant: 2) == "1")
        #expect(NumberText.format(0) == "0")
        #expect(NumberText.range(0.2365931, 0.7634069) == "0.24–0.76")
    }

    @Test("an axis of offsets is named by its label, not as K, and negatives take a minus sign (issue 21, item 7)")
    func offsetAxisNamed() throws {
        let label = "K − (k_fit + detector_cost)"
        var runs: [RunRecord] = []
        for offset in [-4.0, 4] {
            for instances in [1.0, 64] {
                let searching = instances == 1 ? 0 : 4
                runs += RunFixtures.instancesRuns(instances, searching: searching, of: 4, extra: [("model.parameters", .number(offset))])
            }
        }
        let axes = [instancesAxis([1, 64], geometric: true),
                    AxisDescription(key: "model.parameters", values: [.number(-4), .number(4)], geometric: false, label: label)]
        let selections = RunFixtures.findings(runs: runs, axes: axes).filter { $0.kind == .selection && $0.axis == "environment.instances" }
        #expect(selections.map(\.sentence).contains(
            "At K − (k_fit + detector_cost) = −4, the table (no search) was selected in every run at N = 1; search in every run at N = 64."),
            "\(selections.map(\.sentence))")
        #expect(!selections.contains { $0.sentence.hasPrefix("At K = ") })
        #expect(NumberText.prose(-4) == "−4" && NumberText.prose(4) == "4")
    }

    @Test("which style was selected where, as stretches of the axis")
    func selection() throws {
        let values: [Double] = [1, 2, 4, 8, 16, 32, 64]
        let runs = sweepRuns(values, searching: [0, 0, 0, 1, 3, 4, 4], of: 4)
        let findings = RunFixtures.findings(runs: runs, axes: [instancesAxis(values, geometric: true)])
        let selection = try #require(findings.first { $0.kind == .selection })
        #expect(selection.sentence == "The table (no search) was selected in every run at N ≤ 4; mixed runs at N from 8 to 16; search in every run at N ≥ 32.")
        let all = sweepRuns([1, 2], searching: [0, 0], of: 3)
        let tableOnly = RunFixtures.findings(runs: all, axes: [instancesAxis([1, 2], geometric: true)])
        #expect(tableOnly.first { $0.kind == .selection }?.sentence == "The table (no search) was selected in every run at every N swept (from 1 to 2).")
    }

    @Test("a trend is claimed only when the fit over all runs excludes no change; otherwise the sentence hedges")
    func trends() throws {
        let apart = sweepRuns([1, 4, 16], searching: [0, 4, 8], of: 8)
        let axes = [instancesAxis([1, 4, 16], geometric: true)]
        let rising = RunFixtures.findings(runs: apart, axes: axes)
        let share = try #require(rising.first { $0.kind == .trend && $0.metric == "mesa_optimizer" })
        let observations = apart.map { TrendObservation(x: log2($0.point["environment.instances"]!.number!), y: $0.metrics[.mesaOptimizer]!) }
        let effect = try #require(TrendModel.analyze(observations, binary: true, level: 0.95)).effect
        #expect(share.sentence.hasPrefix("The share of runs selecting search rises from 0 at N = 1 to 1 at N = 16: fitted change +0.93 (95% interval "))
        #expect(share.sentence.hasSuffix("; Firth logistic fit on log₂ N over 24 runs)."))
        #expect(share.value == effect.estimate && share.lo == effect.interval.lower && share.hi == effect.interval.upper)
        // Training score: 0.5 for table runs and 0.9 for search runs, so it rises too (least squares).
        let train = try #require(rising.first { $0.kind == .trend && $0.metric == "train_score" })
        #expect(train.sentence.hasPrefix("The training score rises from 0.5 at N = 1 to 0.9 at N = 16: fitted change +0.4 (95% interval +0."))
        #expect(train.sentence.hasSuffix("least-squares fit on log₂ N over 24 runs)."))

        let close = sweepRuns([1, 4], searching: [1, 2], of: 4)
        let hedged = RunFixtures.findings(runs: close, axes: [instancesAxis([1, 4], geometric: true)])
        let flat = try #require(hedged.first { $0.kind == .trend && $0.metric == "mesa_optimizer" })
        #expect(flat.sentence.hasPrefix("The share of runs selecting search shows no clear change from N = 1 to N = 4: fitted change +0.2 (95% interval −"))
        #expect(!flat.sentence.contains("rises"))
    }

    @Test("one run per point: too few to fit, so no direction is claimed")
    func singleRun() throws {
        let runs = sweepRuns([1, 4], searching: [0, 1], of: 1)
        let findings = RunFixtures.findings(runs: runs, axes: [instancesAxis([1, 4], geometric: true)])
        let train = try #require(findings.first { $0.kind == .trend && $0.metric == "train_score" })
        #expect(train.sentence == "The training score goes from 0.5 at N = 1 to 0.9 at N = 4; with 2 runs there is no interval to judge the change by.")
    }

    @Test("exact against hill climbing, point by point")
    func optimizerComparison() throws {
        func runs(_ instances: Double, optimizer: Optimizer, searching: Int) -> [RunRecord] {
            let at = RunFixtures.point([("environment.instances", .number(instances)), ("training.optimizer", .text(optimizer.rawValue))])
            return (0..<4).map { RunFixtures.run(at, repetition: $0, optimizer: optimizer,
                                                 RunFixtures.metrics(mesa: $0 < searching ? 1 : 0)) }
        }
        let all = runs(8, optimizer: .exact, searching: 4) + runs(8, optimizer: .hillClimb, searching: 0)
            + runs(64, optimizer: .exact, searching: 4) + runs(64, optimizer: .hillClimb, searching: 3)
        let axes = [instancesAxis([8, 64], geometric: true),
                    AxisDescription(key: "training.optimizer", values: [.text("exact"), .text("hill_climb")], geometric: false)]
        let findings = RunFixtures.findings(runs: all, axes: axes)
            .filter { $0.kind == .optimizerComparison }
        #expect(findings.count == 3)
        #expect(findings[0].sentence == "Across 2 points run under both optimizers, exact selection chose search more often than hill climbing at 2; the 95% intervals are apart at 1 of the 2 points, exact ahead at each.")
        #expect(OptimizerComparison.summarySentence(total: 6, ahead: 3, behind: 0, level: 3, apartAhead: 0, apartBehind: 0)
            == "Across 6 points run under both optimizers, exact selection chose search more often than hill climbing at 3 and as often at 3; the 95% intervals overlap at every point.")
        #expect(OptimizerComparison.summarySentence(total: 4, ahead: 2, behind: 1, level: 1, apartAhead: 1, apartBehind: 1)
            == "Across 4 points run under both optimizers, exact selection chose search more often than hill climbing at 2, less often at 1 and as often at 1; the 95% intervals are apart at 2 of the 4 points, exact ahead at 1, hill climbing at 1.")
        #expect(findings[1].sentence == "At N = 8, search was selected in 4 of 4 runs under exact selection (95% interval 0.51–1) and in 0 of 4 under hill climbing (accept neutral) (0–0.49); the intervals do not overlap.")
        #expect(findings[2].value == 0.25)
    }

    @Test("not reached or selected against: hill-climbing runs without search split by the exact optimum")
    func reachability() throws {
        let at = RunFixtures.point([("environment.instances", .number(16))])
        func run(_ repetition: Int, mesa: Int, agrees: Int, gap: Double) -> RunRecord {
            var metrics = RunFixtures.metrics(mesa: mesa)
            metrics[.optimalityGap] = gap
            metrics[.exactAgrees] = Double(agrees)
            return RunRecord(point: at, seed: UInt64(repetition), repetition: repetition, optimizer: .hillClimb,
                             acceptance: "strict", metrics: metrics)
        }
        // 6 runs: 1 with search at the optimum; 2 missed search (gaps 0.1 and 0.3); 2 selected
        // against it (the optimum uses no search); 1 tied (at the optimum, against the majority).
        let runs = [run(0, mesa: 1, agrees: 1, gap: 0), run(1, mesa: 0, agrees: 0, gap: 0.1),
                    run(2, mesa: 0, agrees: 0, gap: 0.3), run(3, mesa: 0, agrees: 1, gap: 0),
                    run(4, mesa: 0, agrees: 1, gap: 0.05), run(5, mesa: 0, agrees: 0, gap: 0)]
        let findings = RunFixtures.findings(rule: ReachabilityFinder(), runs: runs)
        #expect(findings.map(\.sentence) == [
            "Over the hill-climbing runs with a known optimum, 3 of 6 reached the class's minimum loss; of the 5 runs that ended without search, 2 did not reach search (the minimum-loss models use it; mean optimality gap 0.2), 2 selected against it (the minimum-loss models use no search either) and 1 tied (at the minimum loss without search, though most minimum-loss models use it).",
            "At N = 16, hill climbing (accept strict) reached the class's minimum loss in 3 of 6 runs; of the 5 runs that ended without search, 2 did not reach search (the minimum-loss models use it; mean optimality gap 0.2), 2 selected against it (the minimum-loss models use no search either) and 1 tied (at the minimum loss without search, though most minimum-loss models use it).",
        ])
        #expect(findings.allSatisfy { $0.kind == .reachability } && findings[0].value == 2)
        // Every run with search: one lead sentence and no per-point ones.
        let searching = RunFixtures.findings(rule: ReachabilityFinder(), runs: [run(0, mesa: 1, agrees: 1, gap: 0.2)])
        #expect(searching.map(\.sentence) == ["Every hill-climbing run with a known optimum selected search; 0 of 1 reached the class's minimum loss."])
        // Exact runs, runs without a known optimum and classes with a detector are not judged.
        var detector = run(1, mesa: 0, agrees: 0, gap: 0.1)
        detector.metrics[.detectorCost] = 3
        var exact = run(2, mesa: 0, agrees: 0, gap: 0.1)
        exact.optimizer = .exact
        #expect(RunFixtures.findings(rule: ReachabilityFinder(), runs: [detector, exact]).isEmpty)
        // Runs whose solve `optimality_gap auto` skipped are counted and their points named.
        let skipped = (0..<3).map { i -> RunRecord in
            var metrics = RunFixtures.metrics()
            metrics[.optimalityGapSkipped] = 1
            let at = RunFixtures.point([("environment.instances", .number(i < 2 ? 64 : 128))])
            return RunRecord(point: at, seed: 1, repetition: i, optimizer: .hillClimb, metrics: metrics)
        }
        #expect(RunFixtures.findings(rule: ReachabilityFinder(), runs: skipped).map(\.sentence) == [
            "The optimality gap was not computed for 3 hill-climbing runs (at N = 64; N = 128): their class is solved exactly, but `optimality_gap auto` skipped the solve as too costly against the run (docs/model.md); `training { optimality_gap always }` computes it.",
        ])
    }

    @Test("analytic sentences, and the analytic crossover beside the simulated one")
    func analytic() throws {
        let analytic = AnalyticFindings(onset: 1, crossover: 16, saturation: 32, curves: [
            AnalyticCurveFindings(power: 100, cost: "x^2", maxBits: 20, onset: 1, crossover: 16, saturation: 32),
            AnalyticCurveFindings(power: 100, cost: "64 * x", maxBits: 20, onset: nil, crossover: nil, saturation: nil),
        ])
        let sentences = AnalyticSentences.findings(analytic)
        #expect(sentences.map(\.sentence) == [
            "For P = 100, f(x) = x^2 and x_max = 20, learned search first pays (x* > 0) at N = 1; the mesa share x* first exceeds the tuning share (P − f(x*))/N at N = 16; x* first reaches its bound (x_max or the budget f(x) = P) at N = 32.",
            "For P = 100, f(x) = 64 * x and x_max = 20, x* stays 0 at every N swept: no onset in the swept range.",
        ])
        #expect(sentences[0].kind == .analytic && sentences[0].value == 16)

        let runs = sweepRuns([8, 32, 128], searching: [0, 8, 8], of: 8)
        let findings = RunFixtures.findings(runs: runs, axes: [instancesAxis([8, 32, 128], geometric: true)], analytic: analytic)
        #expect(Array(findings.prefix(2)) == sentences)
        let comparison = try #require(findings.first { $0.kind == .analyticVsSimulated })
        #expect(comparison.sentence == "The analytic model's crossover (the first swept N where the mesa share exceeds the tuning share) is N = 16; the simulated crossover (search selected in at least half of the runs) is N ≈ 16; the analytic value lies inside the simulated 95% interval.")
        let far = AnalyticFindings(onset: 1, crossover: 100, saturation: nil, curves: [])
        let outside = RunFixtures.findings(runs: runs, axes: [instancesAxis([8, 32, 128], geometric: true)], analytic: far)
        let outsideSentence = try #require(outside.first { $0.kind == .analyticVsSimulated }).sentence
        #expect(outsideSentence.contains("the analytic value lies outside the simulated 95% interval ("), "\(outsideSentence)")
    }

    @Test("the same inputs give the same findings, byte for byte")
    func determinism() throws {
        let runs = sweepRuns([1, 2, 4, 8, 16], searching: [0, 1, 2, 6, 8], of: 8, extra: [("bias.speed", .number(0))])
            + sweepRuns([1, 2, 4, 8, 16], searching: [0, 0, 1, 3, 7], of: 8, extra: [("bias.speed", .number(0.5))])
        let axes = [instancesAxis([1, 2, 4, 8, 16], geometric: true),
                    AxisDescription(key: "bias.speed", values: [.number(0), .number(0.5)], geometric: false)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var outputs: Set<Data> = []
        for _ in 0..<5 {
            let findings = RunFixtures.findings(runs: runs, axes: axes)
            outputs.insert(try encoder.encode(findings))
        }
        #expect(outputs.count == 1)
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        #expect(findings.filter { $0.kind == .crossover }.map(\.sentence).first?.hasPrefix("At μ_T = 0, search was selected") == true)
    }
}

@Suite("Word-axis comparison")
struct CategoryComparisonTests {
    @Test("the search share per value of a swept word axis, in the axis's order")
    func teacher() throws {
        func runs(_ teacher: String, searching: Int) -> [RunRecord] {
            let at = RunFixtures.point([("environment.teacher", .text(teacher))])
            return (0..<8).map { RunFixtures.run(at, repetition: $0, RunFixtures.metrics(mesa: $0 < searching ? 1 : 0)) }
        }
        let all = runs("scripted", searching: 0) + runs("planner", searching: 8)
        let axes = [AxisDescription(key: "environment.teacher", values: [.text("planner"), .text("scripted")], geometric: false)]
        let findings = RunFixtures.findings(runs: all, axes: axes)
        #expect(findings.map(\.kind) == [.comparison])
        #expect(findings[0].sentence == "With teacher = planner, search was selected in 8 of 8 runs (95% interval 0.68–1); with teacher = scripted, in 0 of 8 (0–0.32); the intervals of the highest and lowest share do not overlap.")
        #expect(findings[0].value == 1)
    }
}
