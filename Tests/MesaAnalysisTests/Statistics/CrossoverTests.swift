import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

/// The bootstrap fixture: SplitMix64 streams and two bootstrap cases reproduced in Python.
struct BootstrapFixture: Decodable {
    struct Case: Decodable {
        var observations: [ObservationRecord]
        var replicates: Int
        var level: Double
        var seed: UInt64
        var point: Double
        var values: [Double]
        var lower: Double
        var upper: Double
        var axis: Int?
        var first: String?
        var last: String?
        var covariates: [String]?
    }

    struct PercentileCheck: Decodable {
        var sample: [Double]
        var probabilities: [Double]
        var numpyInvertedCdf: [Double]
    }

    var splitmixSeed42First5: [String]
    var splitmixSeed2024Index7: [Int]
    var splitmixSeed99Uniform: [Double]
    var single: Case
    var difference: Case
    var percentileCheck: PercentileCheck
}

@Suite("Crossover points and the seeded bootstrap")
struct CrossoverTests {
    /// `trials` runs at each x = 0, 1, 2, … with `ones[x]` of them equal to 1.
    static func observations(ones: [Int], trials: Int) -> [TrendObservation] {
        ones.enumerated().flatMap { x, count in
            (0..<trials).map { TrendObservation(x: Double(x), y: $0 < count ? 1 : 0) }
        }
    }

    @Test func crossoverMatchesReference() throws {
        let fixture = try Fixture.load("logistic_a.json", as: TrendFixture.self)
        let fit = try #require(TrendModel.fit(fixture.trendObservations, binary: true))
        var deviation = Deviation()
        for reference in fixture.crossovers {
            let location = try #require(fit.crossover(covariates: reference.covariates))
            #expect(reference.kind == "inside")
            deviation.check(try #require(location.value), reference.x, relative: 1e-9, "x*")
        }
        print("logistic_a crossovers: \(deviation)")
        #expect(fit.crossover(covariates: ["unknown"]) == nil)
    }

    @Test func crossoverClassification() throws {
        // Share rises from 0.6 to 0.9 over [0, 2]: x* lies below the range.
        let high = Self.observations(ones: [6, 7, 9], trials: 10)
        let fit = try #require(TrendModel.fit(high, binary: true))
        #expect(fit.crossover(covariates: []) == .belowRange)
        // Rising from 0.1 to 0.4: the crossing would come after the range.
        let low = Self.observations(ones: [1, 2, 4], trials: 10)
        #expect(TrendModel.fit(low, binary: true)?.crossover(covariates: []) == .aboveRange)
        // Falling from 0.4 to 0.1: share < ½ throughout, so N* (from which search is selected in
        // at least half the runs) lies above the range, whichever way the curve slopes; the callers
        // state no N* where the full-data slope falls.
        let falling = Self.observations(ones: [4, 2, 1], trials: 10)
        #expect(TrendModel.fit(falling, binary: true)?.crossover(covariates: []) == .aboveRange)
        // Falling from 0.9 to 0.6: above ½ throughout.
        let fallingHigh = Self.observations(ones: [9, 7, 6], trials: 10)
        #expect(TrendModel.fit(fallingHigh, binary: true)?.crossover(covariates: []) == .belowRange)
        // Issue 22 item 4: a downward crossing is no N* of a rising share (it used to be read as one);
        // read as a falling share's, it is.
        let down = Self.observations(ones: [9, 5, 1], trials: 10)
        #expect(TrendModel.fit(down, binary: true)?.crossover(covariates: []) == .undefined)
        #expect(TrendModel.fit(down, binary: true)?.crossover(covariates: [], rising: false)?.value != nil)
        // Flat at exactly ½ (β_x = 0 by symmetry): no side of ½ to be on.
        let flat = Self.observations(ones: [2, 2, 2], trials: 4)
        #expect(TrendModel.fit(flat, binary: true)?.crossover(covariates: []) == .undefined)
        // Flat below ½: above the range.
        let flatLow = Self.observations(ones: [0, 0, 0], trials: 6)
        #expect(TrendModel.fit(flatLow, binary: true)?.crossover(covariates: []) == .aboveRange)
        #expect(CrossoverLocation.undefined.extendedValue.isNaN)
    }

    @Test func splitMix64MatchesPythonMirror() throws {
        let fixture = try Fixture.load("bootstrap.json", as: BootstrapFixture.self)
        var generator = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in String(generator.next()) } == fixture.splitmixSeed42First5)
        generator = SplitMix64(seed: 2024)
        #expect((0..<20).map { _ in generator.nextIndex(below: 7) } == fixture.splitmixSeed2024Index7)
        generator = SplitMix64(seed: 99)
        #expect(generator.nextUniform() == fixture.splitmixSeed99Uniform[0])
        // Vigna's reference output for seed 1234567 (splitmix64.c).
        generator = SplitMix64(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
    }

    @Test func percentileDefinitionMatchesNumpyInvertedCDF() throws {
        let check = try Fixture.load("bootstrap.json", as: BootstrapFixture.self).percentileCheck
        let sorted = check.sample.sorted()
        for (q, expected) in zip(check.probabilities, check.numpyInvertedCdf) {
            #expect(BootstrapPercentileInterval.invertedCDFQuantile(sorted: sorted, probability: q) == expected)
        }
    }

    @Test func singleCrossoverBootstrapMatchesPythonReproduction() throws {
        let reference = try Fixture.load("bootstrap.json", as: BootstrapFixture.self).single
        let estimate = try #require(CrossoverBootstrap.crossover(
            reference.observations.map(\.observation), covariates: [], level: reference.level,
            replicates: reference.replicates, seed: reference.seed))
        var deviation = Deviation()
        deviation.check(estimate.location.extendedValue, reference.point, relative: 1e-9, "x*")
        deviation.check(estimate.bootstrap.replicates, reference.values, relative: 1e-7, absolute: 1e-9, "replicates")
        deviation.check(estimate.bootstrap.interval.lower, reference.lower, relative: 1e-7, "lower")
        deviation.check(estimate.bootstrap.interval.upper, reference.upper, relative: 1e-7, "upper")
        #expect(estimate.bootstrap.aboveRangeCount == reference.values.filter { $0 == .infinity }.count)
        #expect(estimate.bootstrap.belowRangeCount == reference.values.filter { $0 == -.infinity }.count)
        print("bootstrap single crossover vs Python/firthmodels: \(deviation)")
    }

    @Test func crossoverDifferenceBootstrapMatchesPythonReproduction() throws {
        let reference = try Fixture.load("bootstrap.json", as: BootstrapFixture.self).difference
        let axis = try #require(reference.axis)
        let first = try #require(reference.first)
        let last = try #require(reference.last)
        let covariates = try #require(reference.covariates)
        let result = try #require(CrossoverBootstrap.crossoverDifference(
            reference.observations.map(\.observation), axis: axis, firstLevel: first, lastLevel: last,
            covariates: covariates, level: reference.level, replicates: reference.replicates,
            seed: reference.seed))
        var deviation = Deviation()
        deviation.check(result.difference, reference.point, relative: 1e-9, "difference")
        deviation.check(result.bootstrap.replicates, reference.values, relative: 1e-7, absolute: 1e-9, "replicates")
        deviation.check(result.bootstrap.interval.lower, reference.lower, relative: 1e-7, "lower")
        deviation.check(result.bootstrap.interval.upper, reference.upper, relative: 1e-7, "upper")
        print("bootstrap crossover difference vs Python/firthmodels: \(deviation)")
    }

    @Test func bootstrapIsDeterministicPerSeed() throws {
        let observations = try Fixture.load("logistic_a.json", as: TrendFixture.self).trendObservations
        let a = try #require(CrossoverBootstrap.crossover(observations, covariates: ["beam"], level: 0.95, replicates: 100, seed: 7))
        let b = try #require(CrossoverBootstrap.crossover(observations, covariates: ["beam"], level: 0.95, replicates: 100, seed: 7))
        let c = try #require(CrossoverBootstrap.crossover(observations, covariates: ["beam"], level: 0.95, replicates: 100, seed: 8))
        #expect(a.bootstrap.interval.lower.bitPattern == b.bootstrap.interval.lower.bitPattern)
        #expect(a.bootstrap.interval.upper.bitPattern == b.bootstrap.interval.upper.bitPattern)
        #expect(a.bootstrap.replicates.map(\.bitPattern) == b.bootstrap.replicates.map(\.bitPattern))
        #expect(a.bootstrap.replicates.map(\.bitPattern) != c.bootstrap.replicates.map(\.bitPattern))
        #expect(a.bootstrap.interval != c.bootstrap.interval)
    }

    @Test func percentileEndsOpenWhenTooManyReplicatesFallOutside() throws {
        // B = 100, level 0.9: the lower end is the 5th smallest value (undefined counted as
        // −∞), the upper end the 95th smallest (undefined counted as +∞).
        let inside = (0..<90).map { Double($0) / 100 }
        let below = [Double](repeating: -.infinity, count: 5)
        let lowerOpen = try #require(BootstrapPercentileInterval(
            replicates: inside + below + [Double](repeating: .nan, count: 5), level: 0.9))
        #expect(lowerOpen.lowerIsOpen)                 // 5 below + 5 undefined ≥ 5
        #expect(lowerOpen.interval.upper == 0.89)      // only 5 beyond the top: rank 95 is inside
        #expect(lowerOpen.belowRangeCount == 5 && lowerOpen.undefinedCount == 5)
        #expect(lowerOpen.aboveRangeCount == 0)

        let bothOpen = try #require(BootstrapPercentileInterval(
            replicates: Array(inside.dropLast()) + below + [Double](repeating: .nan, count: 6), level: 0.9))
        #expect(bothOpen.lowerIsOpen && bothOpen.upperIsOpen)

        let closed = try #require(BootstrapPercentileInterval(
            replicates: inside + [Double](repeating: -.infinity, count: 4) + [Double](repeating: 0.5, count: 6),
            level: 0.9))
        #expect(!closed.lowerIsOpen && !closed.upperIsOpen)
        #expect(closed.interval.lower == 0.0)
        #expect(BootstrapPercentileInterval(replicates: [], level: 0.9) == nil)
        #expect(BootstrapPercentileInterval(replicates: [1], level: 1) == nil)
    }
}
