import Foundation
import MesaResults
import Testing

@testable import MesaAnalysis

/// An axis over `environment.instances`.
func instancesAxis(_ values: [Double], geometric: Bool) -> AxisDescription {
    AxisDescription(key: "environment.instances", values: values.map { .number($0) }, geometric: geometric)
}

/// Runs with `searching[i]` of `n` runs selecting search at `values[i]`.
func sweepRuns(_ values: [Double], searching: [Int], of n: Int, extra: [(String, PointValue)] = []) -> [RunRecord] {
    zip(values, searching).flatMap { RunFixtures.instancesRuns($0, searching: $1, of: n, extra: extra) }
}

@Suite("Crossover finder")
struct CrossoverFinderTests {
    @Test("shares 0 at N = 8 and 1 at N = 32 on a geometric axis cross at N = 16, Wilson ends interpolated in log N")
    func geometricInterpolation() throws {
        let runs = sweepRuns([8, 32, 128], searching: [0, 8, 8], of: 8)
        let axes = [instancesAxis([8, 32, 128], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(abs(try #require(crossing.value) - 16) < 1e-9)
        // Independent: Wilson upper bound at 0/8 rises to 1 at 8/8; lower bound 0 rises to the 8/8 one.
        let none = try #require(WilsonInterval.estimate(successes: 0, trials: 8))
        let all = try #require(WilsonInterval.estimate(successes: 8, trials: 8))
        let low = exp(log(8) + (0.5 - none.hi) / (1 - none.hi) * log(4))
        let high = exp(log(8) + 0.5 / all.lo * log(4))
        #expect(abs(try #require(crossing.lo) - low) < 1e-9)
        #expect(abs(try #require(crossing.hi) - high) < 1e-9)
        #expect(crossing.metric == "mesa_optimizer" && crossing.axis == "environment.instances" && crossing.slice == nil)
        #expect(crossing.sentence == "Search was selected in at least half of the runs from N ≈ 16 (95% interval 11–22) on.")
    }

    @Test("on an arithmetic axis the interpolation is linear: 1/4 at N = 10 and 3/4 at N = 20 cross at 15")
    func linearInterpolation() throws {
        let crossing = try #require(CrossoverFinder.crossover(
            xs: [10, 20], estimates: [Estimate(mean: 0.25, lo: 0.05, hi: 0.45), Estimate(mean: 0.75, lo: 0.55, hi: 0.95)],
            logarithmic: false))
        #expect(crossing.value == 15)
        #expect(crossing.isRising)
        // Upper bound 0.45 → 0.95 reaches 0.5 a tenth of the way; lower bound 0.05 → 0.55 nine tenths.
        #expect(abs(crossing.lo - 11) < 1e-12 && abs(crossing.hi - 19) < 1e-12)
        #expect(!crossing.loIsOpen && !crossing.hiIsOpen)
        // The same numbers on a log axis are interpolated in log x: √(10·20).
        let logCrossing = try #require(CrossoverFinder.crossover(
            xs: [10, 20], estimates: [Estimate(mean: 0.25, lo: 0.05, hi: 0.45), Estimate(mean: 0.75, lo: 0.55, hi: 0.95)],
            logarithmic: true))
        #expect(abs(logCrossing.value - 200.0.squareRoot()) < 1e-12)
    }

    @Test("no crossing, no finding")
    func noCrossover() {
        let runs = sweepRuns([1, 2, 4, 8], searching: [0, 0, 1, 1], of: 4)
        let axes = [instancesAxis([1, 2, 4, 8], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        #expect(!findings.contains { $0.kind == .crossover })
        #expect(!findings.contains { $0.kind == .bimodality })
        #expect(CrossoverFinder.crossover(xs: [1, 2], estimates: [Estimate(mean: 0.6, lo: 0.2, hi: 0.9),
                                                                  Estimate(mean: 0.9, lo: 0.6, hi: 1)], logarithmic: false) == nil)
    }

    @Test("a falling share is reported as falling below one half")
    func falling() throws {
        let runs = sweepRuns([1, 2, 4], searching: [8, 8, 0], of: 8)
        let axes = [instancesAxis([1, 2, 4], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(abs(try #require(crossing.value) - 2 * 2.0.squareRoot()) < 1e-9)
        #expect(crossing.sentence.hasPrefix("Search was selected in fewer than half of the runs from N ≈ 2.8 (95% interval "))
    }

    @Test("an interval that reaches the end of the sweep is called open-ended")
    func openEnded() throws {
        // Two runs a point: 0/2 has a Wilson upper bound 0.66 ≥ 0.5, 2/2 a lower bound 0.34 < 0.5.
        let runs = sweepRuns([4, 8, 16], searching: [0, 1, 2], of: 2)
        let axes = [instancesAxis([4, 8, 16], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(crossing.value == 8)
        #expect(crossing.lo == 4 && crossing.hi == 16)
        #expect(crossing.sentence == "Search was selected in at least half of the runs from N ≈ 8 (95% interval from 4 or below to 16 or above: the whole swept range) on.")
    }

    @Test("a two-axis sweep gets one crossover per slice, named by the other axis")
    func slices() throws {
        let small = sweepRuns([8, 32, 128], searching: [0, 8, 8], of: 8, extra: [("model.parameters", .number(256))])
        let large = sweepRuns([8, 32, 128], searching: [0, 0, 8], of: 8, extra: [("model.parameters", .number(1024))])
        let runs = small + large
        let axes = [instancesAxis([8, 32, 128], geometric: true),
                    AxisDescription(key: "model.parameters", values: [.number(256), .number(1024)], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossings = findings.filter { $0.kind == .crossover && $0.axis == "environment.instances" }
        #expect(crossings.count == 2)
        #expect(crossings[0].sentence.hasPrefix("At K = 256, search was selected in at least half of the runs from N ≈ 16 "))
        #expect(abs(try #require(crossings[1].value) - 64) < 1e-9)
        #expect(crossings[1].slice == RunFixtures.point([("model.parameters", .number(1024))]))
        // N = 16 is as far from 8 as from 32 in log N; the tie goes to the smaller N.
        let modes = findings.filter { $0.kind == .bimodality }
        #expect(modes.first?.sentence == "At N = 8 with K = 256, the swept point nearest the crossover, the runs did not split into two modes: in 8 of 8 search made under 20% of the training decisions and in 0 of 8 over 80%.")
        // Along K only two values are swept: no crossover is stated from two.
        #expect(!findings.contains { $0.kind == .crossover && $0.axis == "model.parameters" })
    }

    @Test("bimodality: at the point nearest the crossover, runs split at both ends are called split")
    func bimodality() throws {
        let runs = sweepRuns([4, 16, 64], searching: [0, 4, 8], of: 8)
        let axes = [instancesAxis([4, 16, 64], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let split = try #require(findings.first { $0.kind == .bimodality })
        #expect(split.sentence == "At N = 16, the swept point nearest the crossover, the runs split into two modes: in 4 of 8 search made under 20% of the training decisions and in 4 of 8 over 80%.")
        #expect(split.value == 1)
        // Runs all in between (decision share 0.5) are not split.
        let blended = runs.map { run -> RunRecord in
            var run = run
            if run.point["environment.instances"] == .number(16) { run.metrics[.searchDecisionShare] = 0.5 }
            return run
        }
        let other = RunFixtures.findings(runs: blended, axes: axes)
        #expect(try #require(other.first { $0.kind == .bimodality }).sentence.contains("did not split into two modes: in 0 of 8"))
    }
}

/// The honesty rule for crossovers (issue 17): never "from … on" for a share that falls back, and
/// no crossover or interval from fewer than three swept values.
@Suite struct CrossoverHonestyTests {
    @Test("shares 0, 0, 0.375, 0.75, 0.375 along K: above half only at K = 128, no 'from … on'")
    func nonMonotone() throws {
        let values: [Double] = [16, 32, 64, 128, 256]
        let runs = values.enumerated().flatMap { index, k in
            (0..<8).map { i in
                RunFixtures.run(RunFixtures.point([("model.parameters", .number(k))]), repetition: i,
                                RunFixtures.metrics(mesa: i < [0, 0, 3, 6, 3][index] ? 1 : 0))
            }
        }
        let axis = AxisDescription(key: "model.parameters", values: values.map(PointValue.number), geometric: true)
        let findings = RunFixtures.findings(runs: runs, axes: [axis]).filter { $0.kind == .crossover }
        #expect(findings.count == 1)
        #expect(findings[0].value == nil)
        #expect(findings[0].sentence == "Search was selected in at least half of the runs only at K = 128: the share goes up and down across one half (0, 0, 0.38, 0.75, 0.38 along K), so no crossover is stated.")
        #expect(!findings[0].sentence.contains("on."))
    }

    @Test("two swept values: no crossover and no interval")
    func twoValues() {
        let runs = RunFixtures.instancesRuns(0, searching: 0, of: 8).map { run -> RunRecord in
            var r = run
            r.point = RunFixtures.point([("bias.speed", .number(0))])
            return r
        } + RunFixtures.instancesRuns(0, searching: 8, of: 8).map { run -> RunRecord in
            var r = run
            r.point = RunFixtures.point([("bias.speed", .number(0.01))])
            return r
        }
        let axis = AxisDescription(key: "bias.speed", values: [.number(0), .number(0.01)], geometric: false)
        let findings = RunFixtures.findings(runs: runs, axes: [axis])
        #expect(!findings.contains { $0.kind == .crossover })
        #expect(!findings.contains { $0.sentence.contains("95% interval 0.0") })
    }

    @Test("the classification itself", arguments: [
        ([0.0, 1], ShareCrossings.tooFewValues), ([0, 0, 1], .single(rising: true)), ([1, 0.5, 0.2], .single(rising: false)),
        ([0.6, 0.7, 0.9], .alwaysAbove), ([0, 0.1, 0.2], .alwaysBelow), ([0, 0.6, 0.2, 0.8], .nonMonotone(above: [1...1, 3...3])),
    ])
    func classification(shares: [Double], expected: ShareCrossings) {
        #expect(ShareCrossings(shares) == expected)
    }
}
