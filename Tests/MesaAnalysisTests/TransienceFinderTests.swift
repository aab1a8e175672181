@testable import MesaAnalysis
import MesaResults
import Testing

/// Transience: a metric that peaked during training and fell by its end, stated with the interval
/// of the runs' drops; none for a metric that keeps rising or falls by less than the margin.
@Suite struct TransienceFinderTests {
    /// A run whose search reliance follows `values` at steps 100, 200, ….
    static func run(_ values: [Double], repetition: Int) -> RunRecord {
        let checkpoints = values.enumerated().map { k, value in
            Checkpoint(step: 100 * (k + 1), metrics: RunMetrics([.searchReliance: value]))
        }
        return RunRecord(point: Point([.init(key: "environment.instances", value: .number(16))]), seed: UInt64(repetition),
                         repetition: repetition, optimizer: .adam, metrics: checkpoints.last!.metrics,
                         checkpoints: checkpoints)
    }

    @Test func aPeakThenAFallIsStatedWithTheDropsInterval() throws {
        // Drops from the peak (step 200) to the end: 0.5, 0.4, 0.6 → mean 0.5, s = 0.1,
        // t(0.975, 2) = 4.302653 → half-width 4.302653 · 0.1/√3 = 0.248414.
        let runs = [Self.run([0.2, 0.8, 0.5, 0.3], repetition: 0), Self.run([0.3, 0.7, 0.5, 0.3], repetition: 1),
                    Self.run([0.1, 0.9, 0.6, 0.3], repetition: 2)]
        let finding = try #require(TransienceFinder.finding(.searchReliance, point: runs[0].point, runs: runs))
        #expect(finding.kind == .transience)
        #expect(abs(finding.value! - 0.5) < 1e-12)
        #expect(abs(finding.lo! - (0.5 - 0.248414)) < 1e-6 && abs(finding.hi! - (0.5 + 0.248414)) < 1e-6)
        #expect(finding.sentence.hasPrefix("At N = 16, the reliance on the learned search peaked at step 200 (mean 0.8) and fell to 0.3 by step 400"))
    }

    @Test func noFindingWhenTheMetricRisesToTheEndOrFallsWithinTheMargin() {
        let rising = [Self.run([0.1, 0.4, 0.8], repetition: 0), Self.run([0.2, 0.5, 0.9], repetition: 1)]
        #expect(TransienceFinder.finding(.searchReliance, point: rising[0].point, runs: rising) == nil)
        let small = [Self.run([0.5, 0.58, 0.5], repetition: 0), Self.run([0.5, 0.56, 0.5], repetition: 1),
                     Self.run([0.5, 0.57, 0.5], repetition: 2)]
        #expect(TransienceFinder.finding(.searchReliance, point: small[0].point, runs: small) == nil,
                "a drop of 0.07 is inside the margin of 0.1")
    }
}
