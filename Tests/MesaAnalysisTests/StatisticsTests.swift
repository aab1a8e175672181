import Foundation
import MesaResults
import Testing

@testable import MesaAnalysis

@Suite("Statistics")
struct StatisticsTests {
    @Test("Wilson interval: 0/10 → [0, 0.2775328], 5/10 → [0.2365931, 0.7634069], 10/10 mirrors 0/10")
    func wilsonKnownCases() throws {
        let none = try #require(WilsonInterval.estimate(successes: 0, trials: 10))
        #expect(none.mean == 0 && none.lo == 0)
        #expect(abs(none.hi - 0.2775328) < 5e-8)
        let half = try #require(WilsonInterval.estimate(successes: 5, trials: 10))
        #expect(half.mean == 0.5)
        #expect(abs(half.lo - 0.2365931) < 5e-8)
        #expect(abs(half.hi - 0.7634069) < 5e-8)
        let all = try #require(WilsonInterval.estimate(successes: 10, trials: 10))
        #expect(all.hi == 1)
        #expect(abs(all.lo - (1 - 0.2775328)) < 5e-8)
        #expect(WilsonInterval.estimate(successes: 0, trials: 0) == nil)
        // 0/4 stays below one half; 0/3 does not.
        #expect(try #require(WilsonInterval.estimate(successes: 0, trials: 4)).hi < 0.5)
        #expect(try #require(WilsonInterval.estimate(successes: 0, trials: 3)).hi > 0.5)
    }

    @Test("t quantiles match published values", arguments: [
        (1.0, 12.706204736), (2, 4.302652730), (3, 3.182446305), (4, 2.776445105), (5, 2.570581836),
        (10, 2.228138852), (30, 2.042272456), (100, 1.983971519), (Double.infinity, 1.959963985),
    ])
    func tQuantiles(nu: Double, expected: Double) {
        let t = StudentT.quantile(0.975, degreesOfFreedom: nu)
        #expect(abs(t - expected) < 1e-8, "ν = \(nu): \(t)")
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: nu) + expected) < 1e-8)
    }

    @Test("t CDF inverts the quantile over p and ν")
    func tRoundTrip() {
        for nu in [1.0, 2, 3, 7, 19, 250] {
            for p in [0.001, 0.05, 0.3, 0.5, 0.8, 0.99, 0.9995] {
                let t = StudentT.quantile(p, degreesOfFreedom: nu)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: nu) - p) < 1e-12, "ν \(nu) p \(p)")
            }
        }
        #expect(abs(StandardNormal.quantile(0.975) - 1.959963984540054) < 1e-12)
    }

    @Test("t interval: mean ± t(0.975, n − 1)·s/√n; n = 1 gives lo = hi = mean")
    func tInterval() throws {
        // 1, 2, 3, 4, 5: mean 3, s = √2.5, half = 2.776445105 · √0.5 = 1.963243161.
        let five = try #require(StudentTInterval.estimate([1, 2, 3, 4, 5]))
        #expect(five.mean == 3)
        #expect(abs(five.lo - (3 - 1.963243161)) < 1e-8)
        #expect(abs(five.hi - (3 + 1.963243161)) < 1e-8)
        // Two values 0 and 1: half = 12.706204736 · 0.5 = 6.353102368.
        let two = try #require(StudentTInterval.estimate([0, 1]))
        #expect(abs(two.hi - (0.5 + 6.353102368)) < 1e-8)
        #expect(StudentTInterval.estimate([0.7]) == Estimate(mean: 0.7, lo: 0.7, hi: 0.7))
        #expect(StudentTInterval.estimate([]) == nil)
        #expect(StudentTInterval.estimate([2, 2, 2]) == Estimate(mean: 2, lo: 2, hi: 2))
    }
}

@Suite("Summarizer")
struct SummarizerTests {
    @Test("groups by point in first-appearance order, Wilson for shares, t for the rest")
    func summarize() throws {
        let a = RunFixtures.point([("environment.instances", .number(8))])
        let b = RunFixtures.point([("environment.instances", .number(2))])
        let runs = [
            RunFixtures.run(a, repetition: 0, RunFixtures.metrics(mesa: 1, train: 0.8)),
            RunFixtures.run(b, repetition: 0, RunFixtures.metrics(mesa: 0, train: 0.4)),
            RunFixtures.run(a, repetition: 1, RunFixtures.metrics(mesa: 0, train: 0.6, kFit: 40)),
        ]
        let summary = Summarizer.summarize(runs)
        #expect(summary.map(\.point) == [a, b])
        #expect(summary.map(\.n) == [2, 1])
        let first = summary[0].metrics
        #expect(first[.mesaOptimizer] == WilsonInterval.estimate(successes: 1, trials: 2))
        let unclipped = try #require(StudentTInterval.estimate([0.8, 0.6]))
        #expect(first[.trainScore] == Estimate(mean: 0.7, lo: unclipped.lo, hi: 1))
        // One run: no spread, so the interval is the metric's resolution (1 for a count) about it.
        #expect(first[.kFit] == Estimate(mean: 40, lo: 39.5, hi: 40.5))
        #expect(first[.deceptivePosterior] == nil)
        #expect(summary[1].metrics[.kFit] == nil)
        #expect(summary[1].metrics[.trainScore] == Estimate(mean: 0.4, lo: 0.4 - 0.0005, hi: 0.4 + 0.0005))
        let required: [Metric] = [.trainScore, .deployScore, .searchBits, .mesaOptimizer, .deceptive, .defectionRate,
                                  .proxyPursuit, .expansionsPerEpisode, .loss, .paramsTable, .paramsSearch,
                                  .paramsDetector, .searchDecisionShare]
        for metric in required { #expect(summary[1].metrics[metric] != nil, "\(metric.name)") }
        #expect(Summarizer.summarize(runs) == summary)
    }

    @Test("t intervals are clipped to what the metric can take")
    func clipped() throws {
        let at = RunFixtures.point([])
        let runs = [RunFixtures.run(at, repetition: 0, RunFixtures.metrics(train: 1, bits: 0)),
                    RunFixtures.run(at, repetition: 1, RunFixtures.metrics(train: 0.9, bits: 1))]
        let metrics = try #require(Summarizer.summarize(runs).first).metrics
        // Unclipped: 0.5 ± 6.35 bits and 0.95 ± 0.635 for the score.
        let bits = try #require(metrics[.searchBits])
        #expect(bits.mean == 0.5 && bits.lo == 0)
        #expect(abs(bits.hi - (0.5 + 12.706204736174705 * 0.5)) < 1e-12)
        let train = try #require(metrics[.trainScore])
        #expect(train.hi == 1)
        #expect(abs(train.lo - (0.95 - 12.706204736174705 * 0.05)) < 1e-12)
        #expect(Metric.deployScore.definition.bounds.range == -Double.infinity...1)
        #expect(Metric.searchDecisionShare.definition.bounds.range == 0...1)
    }
}
