import MesaResults
import Testing

@testable import MesaAnalysis

@Suite("Deception claim check")
struct DeceptionClaimCheckTests {
    /// Four runs at K = `budget` with detector cost 8 and K_fit = `kFit`, `deceptive` of them
    /// carrying the detector.
    func runs(budget: Int, kFit: Int, optimizer: String, deceptive: Int, removedAt: [Int?] = [],
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
        let all = runs(budget: 64, kFit: 100, optimizer: "exact", deceptive: 0)
            + runs(budget: 96, kFit: 100, optimizer: "exact", deceptive: 0)
        let findings = DeceptionClaimCheck.findings(runs: all)
        #expect(findings.count == 1)
        #expect(findings[0].kind == "claim" && findings[0].value == 0)
        #expect(findings[0].sentence == "In every underparameterized point (K − d < K_fit) the deceptive share under exact selection was 0 (8 runs at 2 points; 95% interval 0–0.32 for the share).")
    }

    @Test("a deceptive exact run at an underparameterized point is named as a counterexample")
    func exactCounterexample() throws {
        let all = runs(budget: 64, kFit: 100, optimizer: "exact", deceptive: 0)
            + runs(budget: 96, kFit: 100, optimizer: "exact", deceptive: 1)
        let findings = DeceptionClaimCheck.findings(runs: all)
        #expect(findings[0].sentence == "Under exact selection, 1 of 8 runs at underparameterized points (K − d < K_fit) were deceptive, counterexamples to the argument: at K = 96 (1 of 4 runs).")
        #expect(findings[0].value == 0.125)
    }

    @Test("hill climbing: the deceptive share at the end and the mean and median removal step")
    func hillClimb() throws {
        let all = runs(budget: 64, kFit: 100, optimizer: "hill_climb", deceptive: 1, removedAt: [nil, 300, 500, 1000])
        let findings = DeceptionClaimCheck.findings(runs: all)
        #expect(findings.map(\.sentence) == ["Under hill climbing, 1 of 4 runs at underparameterized points (K − d < K_fit) ended deceptive, at K = 64 (1 of 4 runs); the detector was removed in 3 runs, at step 600 on average (median 500)."])
    }

    @Test("spare capacity: the detector's survival share and the posterior against the structure share")
    func spare() throws {
        // K − d = 120 ≥ K_fit = 100.
        let all = runs(budget: 128, kFit: 100, optimizer: "exact", deceptive: 1, posterior: 0.12, structureShare: 0.5)
            + runs(budget: 128, kFit: 100, optimizer: "hill_climb", deceptive: 4)
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
            == ["1 of 1 runs with a detector in their class did not record K_fit and are left out of the deception check."])
    }
}
