import MesaResults
import Testing

@testable import MesaAnalysis

@Suite("Deception claim check")
struct DeceptionClaimCheckTests {
    /// Four runs at K = `budget` with detector cost 8 and K_fit = `kFit`, `deceptive` of them
    /// carrying the detector.
    func runs(budget: Int, kFit: Int, optimizer: Optimizer, deceptive: Int, removedAt: [Int?] = [],
              posterior: Double? = nil, structureShare: Double? = nil) -> [RunRecord] {
        let at = RunFixtures.point([("model.parameters", .number(Double(budget)))])
        return (0..<4).map { i in
            RunFixtures.run(at, repetition: i, optimizer: optimizer, RunFixtures.metrics(
                deceptive: i < deceptive ? 1 : 0, budget: budget, detectorCost: 8, kFit: kFit,
                removedAt: i < removedAt.count ? removedAt[i] : nil, posterior: posterior, structureShare: structureShare))
        }
    }

    @Test("underparameterized exact runs with no deceptive model give the '0 in every point' sentence")
    func exactZero() throws {
        // K − d = 56 and 88, both below K_fit = 100.
        let all = runs(budget: 64, kFit: 100, optimizer: .exact, deceptive: 0)
            + runs(budget: 96, kFit: 100, optimizer: .exact, deceptive: 0)
        let findings = DeceptionClaimCheck.findings(runs: all)
        #expect(findings.count == 1)
        #expect(findings[0].kind == .claim && findings[0].value == 0)
        #expect(findings[0].sentence == "In every underparameterized point (K − d < K_fit) the deceptive share under exact selection was 0 (8 runs at 2 points; 95% interval 0–0.32 for the share).")
    }

    @Test("a deceptive exact run at an underparameterized point is named as a counterexample")
    func exactCounterexample() throws {
        let all = runs(budget: 64, kFit: 100, optimizer: .exact, deceptive: 0)
            + runs(budget: 96, kFit: 100, optimizer: .exact, deceptive: 1)
        let findings = DeceptionClaimCheck.findings(runs: all)
        #expect(findings[0].sentence == "Under exact selection, 1 of 8 runs at underparameterized points (K − d < K_fit) were deceptive, counterexamples to the argument: at K = 96 (1 of 4 runs).")
        #expect(findings[0].value == 0.125)
    }

    @Test("hill climbing: the deceptive share at the end and the mean and median removal step")
    func hillClimb() throws {
        let all = runs(budget: 64, kFit: 100, optimizer: .hillClimb, deceptive: 1, removedAt: [nil, 300, 500, 1000])
        let findings = DeceptionClaimCheck.findings(runs: all)
        #expect(findings.map(\.sentence) == ["Under hill climbing, 1 of 4 runs at underparameterized points (K − d < K_fit) ended deceptive, at K = 64 (1 of 4 runs); the detector was removed in 3 runs, at step 600 on average (median 500)."])
    }

    @Test("spare capacity: the detector's survival share and the posterior against the structure share")
    func spare() throws {
        // K − d = 120 ≥ K_fit = 100.
        let all = runs(budget: 128, kFit: 100, optimizer: .exact, deceptive: 1, posterior: 0.12, structureShare: 0.5)
            + runs(budget: 128, kFit: 100, optimizer: .hillClimb, deceptive: 4)
        let findings = DeceptionClaimCheck.findings(runs: all)
        #expect(findings.map(\.sentence) == [
            "With spare capacity (K − d ≥ K_fit), the selected model carried the detector in 1 of 4 runs under exact selection (share 0.25, 95% interval 0.046–0.7); the mean posterior deceptive share was 0.12 against 0.5 among distinct minimum-loss structures.",
            "With spare capacity (K − d ≥ K_fit), the selected model carried the detector in 4 of 4 runs under hill climbing (share 1, 95% interval 0.51–1).",
        ])
    }

    @Test("runs without a detector cost give no claim; runs without K_fit are counted apart")
    func scope() {
        let plain = RunFixtures.instancesRuns(8, searching: 2, of: 4)
        #expect(DeceptionClaimCheck.findings(runs: plain).isEmpty)
        let at = RunFixtures.point([])
        let unknown = [RunFixtures.run(at, repetition: 0, RunFixtures.metrics(detectorCost: 8))]
        #expect(DeceptionClaimCheck.findings(runs: unknown).map(\.sentence)
            == ["1 of 1 runs with a detector in their class did not record K_fit and are left out of the capacity check (K − d against K_fit)."])
    }

    // MARK: Why a misfiring detector survives hill climbing

    /// Hill-climbing runs at K = 256 (spare capacity) whose detector fires on `fired` training
    /// instances: one per entry of `survivors` (unsolved without the detector, solved with it,
    /// removal gain) keeps the detector; `removed` more end without it.
    func misfiringRuns(fired: Int, survivors: [(unsolved: Int, solved: Int, gain: Double)], removed: Int) -> [RunRecord] {
        let at = RunFixtures.point([("deception.false_positive", .number(0.5))])
        let kept = survivors.enumerated().map { i, s in
            RunFixtures.run(at, repetition: i, optimizer: .hillClimb, RunFixtures.metrics(
                deceptive: 1, budget: 256, detectorCost: 8, kFit: 100, removal: (fired, s.unsolved, s.solved, s.gain)))
        }
        let gone = (0..<removed).map { i in
            RunFixtures.run(at, repetition: survivors.count + i, optimizer: .hillClimb, RunFixtures.metrics(
                deceptive: 0, budget: 256, detectorCost: 8, kFit: 100, removedAt: 100, removal: (fired, nil, nil, nil)))
        }
        return kept + gone
    }

    func survivalSentences(_ runs: [RunRecord]) -> [String] {
        DeceptionClaimCheck.findings(runs: runs).map(\.sentence).filter { $0.hasPrefix("Under hill climbing the misfiring") }
    }

    @Test("survivors failing every firing instance with and without the detector, removal gaining nothing: the why of §5.7")
    func sheltered() throws {
        // Gains 0, −0.01 and 0 (≤ 0), every instance failed either way: all three sheltered.
        let all = misfiringRuns(fired: 2, survivors: [(2, 0, 0), (2, 0, -0.01), (2, 0, 0)], removed: 1)
        #expect(survivalSentences(all) == ["Under hill climbing the misfiring detector survived in 3 of 4 runs with false positives in training; in those runs it fired on 2 training instances on average, the model without it would fail 2 of them and its own pursuit of its target solved 0, and removing it would have lowered the training loss in 0 of 3 runs: the instances it fires on were never learned, so removing it gained nothing."])
        let finding = try #require(DeceptionClaimCheck.findings(runs: all).last)
        #expect(finding.kind == .claim && finding.metric == "deceptive" && finding.value == 0.75)
    }

    @Test("a sheltered majority short of all: the why is scoped to its runs")
    func shelteredMajority() {
        // Two sheltered, one whose removal would have lowered the loss (gain 0.002 > 0).
        let all = misfiringRuns(fired: 3, survivors: [(3, 0, -0.1), (3, 0, 0), (2, 0, 0.002)], removed: 3)
        #expect(survivalSentences(all) == ["Under hill climbing the misfiring detector survived in 3 of 6 runs with false positives in training; in those runs it fired on 3 training instances on average, the model without it would fail 2.7 of them and its own pursuit of its target solved 0, and removing it would have lowered the training loss in 1 of 3 runs; in 2 of them the instances it fires on were never learned, so removing it gained nothing."])
    }

    @Test("survivors whose pursuit solves the instances they fire on: they fit them, they do not shelter them")
    func fitting() {
        let all = misfiringRuns(fired: 1, survivors: [(1, 1, -1.0 / 6), (1, 1, -1.0 / 6)], removed: 2)
        #expect(survivalSentences(all) == ["Under hill climbing the misfiring detector survived in 2 of 4 runs with false positives in training; in those runs it fired on 1 training instance on average, the model without it would fail 1 of them and its own pursuit of its target solved 1, and removing it would have lowered the training loss in 0 of 2 runs: the instances it fires on were never learned, but its pursuit solved them, so it survived by fitting them rather than by sheltering them."])
    }

    @Test("survivors whose removal would have lowered the loss: no why of §5.7, the missing proposal instead")
    func gainWithoutRemoval() {
        let all = misfiringRuns(fired: 2, survivors: [(2, 0, 0.002), (2, 0, 0.002), (1, 0, -0.05)], removed: 0)
        #expect(survivalSentences(all) == ["Under hill climbing the misfiring detector survived in 3 of 3 runs with false positives in training; in those runs it fired on 2 training instances on average, the model without it would fail 1.7 of them and its own pursuit of its target solved 0, and removing it would have lowered the training loss in 2 of 3 runs; where it would have, no removal was proposed after the model last changed: it survived for want of a proposal, not for lack of gain."])
    }

    @Test("neither sheltered nor fitting nor gaining: the numbers alone")
    func numbersAlone() {
        // One survivor: removal gains nothing, but the model without the detector solves one of
        // the two instances it fires on, so "never learned" is not shown.
        let all = misfiringRuns(fired: 2, survivors: [(1, 0, -0.05)], removed: 1)
        #expect(survivalSentences(all) == ["Under hill climbing the misfiring detector survived in 1 of 2 runs with false positives in training; in that run it fired on 2 training instances, the model without it would fail 1 of them and its own pursuit of its target solved 0, and removing it would have lowered the training loss in 0 of 1 run."])
    }

    @Test("no survivor: the count alone; no false positive in training, or exact selection: no sentence")
    func survivalScope() {
        #expect(survivalSentences(misfiringRuns(fired: 1, survivors: [], removed: 4))
            == ["Under hill climbing the misfiring detector survived in 0 of 4 runs with false positives in training."])
        #expect(survivalSentences(misfiringRuns(fired: 0, survivors: [], removed: 4)).isEmpty)
        let exact = misfiringRuns(fired: 2, survivors: [(2, 0, 0)], removed: 0).map {
            RunRecord(point: $0.point, seed: $0.seed, repetition: $0.repetition, optimizer: .exact, metrics: $0.metrics)
        }
        #expect(survivalSentences(exact).isEmpty)
    }

    @Test("the premise: premise_gap > 0 counted against K − d < K_fit, run by run")
    func premise() throws {
        func run(_ budget: Int, gap: Double, repetition: Int) -> RunRecord {
            var metrics = RunFixtures.metrics(budget: budget, detectorCost: 8, kFit: 100)
            metrics[.premiseGap] = gap
            return RunFixtures.run(RunFixtures.point([("model.parameters", .number(Double(budget)))]),
                                   repetition: repetition, metrics)
        }
        // K − d = 92 < 100 with a gap; K − d = 112 ≥ 100 without one: they agree.
        let agreeing = [run(100, gap: 0.25, repetition: 0), run(100, gap: 0.25, repetition: 1), run(120, gap: 0, repetition: 0)]
        #expect(RunFixtures.findings(rule: PremiseCheck(), runs: agreeing).map(\.sentence) == [
            "The premise of the argument (more parameters would lower the training error: premise gap > 0) held in 2 of 3 runs with a detector in their class: exactly the 2 with K − d < K_fit.",
        ])
        let disagreeing = agreeing + [run(96, gap: 0, repetition: 0)]
        let sentence = try #require(RunFixtures.findings(rule: PremiseCheck(), runs: disagreeing).first).sentence
        #expect(sentence == "The premise of the argument (more parameters would lower the training error: premise gap > 0) held in 2 of 4 runs with a detector in their class; 3 had K − d < K_fit. At K = 96, some runs had K − d < K_fit but no gap: K itself is below K_fit there, and the least error is the same with K − d parameters as with K (the next gain needs more than d more parameters), so the premise fails although the budget is short.")
        #expect(RunFixtures.findings(rule: PremiseCheck(), runs: runs(budget: 64, kFit: 100, optimizer: .exact, deceptive: 0)).isEmpty,
                "runs without premise_gap are not judged")
    }

    @Test("the detector's life under hill climbing: loss pressure against drift, per acceptance rule")
    func detectorLife() throws {
        let at = RunFixtures.point([("training.acceptance", .text("x"))])
        func run(_ repetition: Int, rule: String, completed: Bool, brokenBy lowered: Bool?, kept: Bool) -> RunRecord {
            var metrics = RunFixtures.metrics(deceptive: kept ? 1 : 0, detectorCost: 3)
            metrics[.detectorCompletedStep] = completed ? 10 : nil
            metrics[.removedAtStep] = lowered == nil ? nil : 500
            metrics[.detectorBreakLoweredLoss] = lowered.map { $0 ? 1 : 0 }
            return RunRecord(point: at, seed: 1, repetition: repetition, optimizer: .hillClimb, acceptance: rule, metrics: metrics)
        }
        let runs = [
            run(0, rule: "strict", completed: true, brokenBy: true, kept: false),
            run(1, rule: "strict", completed: true, brokenBy: nil, kept: true),
            run(0, rule: "neutral", completed: true, brokenBy: false, kept: false),
            run(1, rule: "neutral", completed: true, brokenBy: false, kept: false),
            run(2, rule: "neutral", completed: false, brokenBy: nil, kept: false),
        ]
        let findings = RunFixtures.findings(rule: DetectorLifeFinder(), runs: runs)
        #expect(findings.map(\.sentence) == [
            "Under hill climbing (accept strict), of 2 runs the detector was built (or rebuilt) during training in 2 and broken for good in 1: by loss pressure in 1 (the breaking step lowered the loss) and by neutral drift in 0; 1 ended with it.",
            "Under hill climbing (accept neutral), of 3 runs the detector was built (or rebuilt) during training in 2 and broken for good in 2: by loss pressure in 0 (the breaking step lowered the loss) and by neutral drift in 2; 0 ended with it.",
        ])
        #expect(findings.map(\.value) == [1, 0])
    }

    @Test("the counting argument's threshold: the smallest swept V with a posterior share below one half")
    func countingThreshold() throws {
        let axis = AxisDescription(key: "training.values", values: [2, 3, 4].map { .number($0) }, geometric: false)
        func runs(_ values: Double, posterior: Double) -> [RunRecord] {
            let at = RunFixtures.point([("training.values", .number(values))])
            return (0..<2).map { RunFixtures.run(at, repetition: $0, RunFixtures.metrics(posterior: posterior + 0.01 * Double($0))) }
        }
        let falling = runs(2, posterior: 0.66) + runs(3, posterior: 0.37) + runs(4, posterior: 0.2)
        let found = RunFixtures.findings(runs: falling, axes: [axis], rules: [CountingThreshold()])
        #expect(found.map(\.sentence) == ["The mean posterior deceptive share first falls below one half at V = 3 (0.67 at V = 2, 0.38 at V = 3, 0.21 at V = 4)."])
        #expect(found[0].value == 3)
        let high = runs(2, posterior: 0.9) + runs(3, posterior: 0.8)
        #expect(RunFixtures.findings(runs: high, axes: [axis], rules: [CountingThreshold()]).map(\.sentence)
            == ["The mean posterior deceptive share stays at or above one half at every V swept (0.91 at V = 2, 0.81 at V = 3)."])
        let low = runs(2, posterior: 0.1)
        #expect(RunFixtures.findings(runs: low, axes: [axis], rules: [CountingThreshold()]).map(\.sentence)
            == ["The mean posterior deceptive share is below one half from the smallest V swept on (V = 2): 0.11 at V = 2."])
    }
}
