import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

/// Monte-Carlo check of the sequential decision rule on synthetic Bernoulli data (no engine).
///
/// Design: x = 0, 0.25, 0.5, 0.75, 1, no covariates; looks at cumulative n per point =
/// 12, 24, 48, 96, 192. At each look the binary trend effect interval is computed at level
/// 1 − 0.05/5 (Bonferroni over the 5 looks) and the "rises" verdict with margin 0.2 is taken;
/// the experiment stops at the first look whose verdict is not `notShown`. Draws come from
/// SplitMix64 (per look, per x in order, the new runs: y = 1 when `nextUniform() < p(x)`), so
/// the rates below are exactly reproducible.
@Suite("Sequential rule simulation", .serialized)
struct SequentialRuleSimulationTests {
    static let points = [0, 0.25, 0.5, 0.75, 1.0]
    static let looks = [12, 24, 48, 96, 192]
    static let level = 1 - 0.05 / 5
    static let margin = 0.2
    /// 400 experiments per case in the default suite; 4,000 with `MESASCOPE_SIMULATIONS=1` (the
    /// rates in docs/statistics.md).
    static var repetitions: Int { ProcessInfo.processInfo.environment["MESASCOPE_SIMULATIONS"] == "1" ? 4000 : 400 }

    /// One sequential experiment; returns the final verdict and the number of looks used.
    static func experiment(
        probability: (Double) -> Double, generator: inout SplitMix64
    ) -> (verdict: Verdict, looks: Int) {
        var observations: [TrendObservation] = []
        var perPoint = 0
        for (index, look) in looks.enumerated() {
            for x in points {
                for _ in perPoint..<look {
                    observations.append(TrendObservation(x: x, y: generator.nextUniform() < probability(x) ? 1 : 0))
                }
            }
            perPoint = look
            guard let result = TrendModel.analyze(observations, binary: true, level: level) else {
                Issue.record("trend fit failed at look \(index + 1)")
                return (.notShown, index + 1)
            }
            let verdict = VerdictRule.direction(result.effect.interval, predicted: .rises, margin: margin).verdict
            if verdict != .notShown { return (verdict, index + 1) }
        }
        return (.notShown, looks.count)
    }

    /// Rates of each final verdict over `repetitions` seeded experiments.
    static func rates(
        probability: (Double) -> Double, seed: UInt64
    ) -> (holds: Double, doesNotHold: Double, notShown: Double, meanLooks: Double) {
        var generator = SplitMix64(seed: seed)
        var counts: [Verdict: Int] = [:]
        var looksUsed = 0
        for _ in 0..<repetitions {
            let (verdict, used) = experiment(probability: probability, generator: &generator)
            counts[verdict, default: 0] += 1
            looksUsed += used
        }
        let n = Double(repetitions)
        return (Double(counts[.holds, default: 0]) / n, Double(counts[.doesNotHold, default: 0]) / n,
                Double(counts[.notShown, default: 0]) / n, Double(looksUsed) / n)
    }

    static func report(_ label: String, _ r: (holds: Double, doesNotHold: Double, notShown: Double, meanLooks: Double), _ seconds: Double) {
        print(String(
            format: "%@: holds %.4f, doesNotHold %.4f, notShown %.4f, mean looks %.2f (%d reps, %.2f s)",
            label, r.holds, r.doesNotHold, r.notShown, r.meanLooks, repetitions, seconds))
    }

    @Test(arguments: [0.3, 0.5])
    func nullEffectRarelyHolds(share: Double) {
        let clock = ContinuousClock()
        var result = (holds: 0.0, doesNotHold: 0.0, notShown: 0.0, meanLooks: 0.0)
        let elapsed = clock.measure {
            result = Self.rates(probability: { _ in share }, seed: share == 0.3 ? 301 : 501)
        }
        Self.report("null p = \(share)", result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        #expect(result.holds <= 0.06)
        #expect(result.doesNotHold >= 0.5)
    }

    @Test func realEffectUsuallyHolds() {
        let clock = ContinuousClock()
        var result = (holds: 0.0, doesNotHold: 0.0, notShown: 0.0, meanLooks: 0.0)
        let elapsed = clock.measure {
            result = Self.rates(probability: { 0.2 + 0.6 * $0 }, seed: 801)
        }
        Self.report("effect p = 0.2 → 0.8", result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        #expect(result.holds >= 0.9)
    }
}
