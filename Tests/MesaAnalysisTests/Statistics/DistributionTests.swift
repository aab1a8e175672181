@testable import MesaAnalysis
import MesaResults
import Testing

struct DistributionFixture: Decodable {
    struct Wilson: Decodable {
        var successes: Int
        var trials: Int
        var level: Double
        var lower: Double
        var upper: Double
    }

    struct StudentQuantile: Decodable {
        var p: Double
        var df: Double
        var quantile: Double
    }

    struct NormalQuantile: Decodable {
        var p: Double
        var quantile: Double
    }

    var wilson: [Wilson]
    var studentT: [StudentQuantile]
    var normal: [NormalQuantile]
}

@Suite("Wilson interval and quantiles against statsmodels / scipy")
struct DistributionTests {
    @Test func wilsonMatchesStatsmodels() throws {
        let fixture = try Fixture.load("distributions.json", as: DistributionFixture.self)
        var deviation = Deviation()
        for reference in fixture.wilson {
            let interval = try #require(WilsonInterval.interval(
                successes: reference.successes, trials: reference.trials, level: reference.level))
            deviation.check(interval.lower, reference.lower, relative: 1e-12, absolute: 1e-15, "Wilson lower")
            deviation.check(interval.upper, reference.upper, relative: 1e-12, absolute: 1e-15, "Wilson upper")
        }
        print("Wilson vs statsmodels: \(deviation)")
        #expect(WilsonInterval.interval(successes: 1, trials: 0, level: 0.95) == nil)
        #expect(WilsonInterval.interval(successes: 5, trials: 4, level: 0.95) == nil)
    }

    @Test func quantilesMatchScipy() throws {
        let fixture = try Fixture.load("distributions.json", as: DistributionFixture.self)
        var deviation = Deviation()
        for reference in fixture.studentT {
            deviation.check(
                StudentT.quantile(reference.p, degreesOfFreedom: reference.df), reference.quantile,
                relative: 1e-10, "t quantile")
        }
        for reference in fixture.normal {
            deviation.check(StandardNormal.quantile(reference.p), reference.quantile, relative: 1e-12, "z")
        }
        print("quantiles vs scipy: \(deviation)")
    }
}
