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
    /// Symmetric data give N* at the centre exactly: reflecting log N about the centre and
    /// swapping 0 and 1 leaves the Firth-penalised likelihood unchanged, so x* = −β₀/β₁ is the centre.
    @Test("means that cross one half once where the fit puts N* beyond the range get a sentence saying so, not silence")
    func crossingTheFitDoesNotPlace() throws {
        // 9/20, 9/20, 10/20: the last mean reaches one half, the fitted share only beyond N = 4.
        let runs = sweepRuns([1, 2, 4], searching: [9, 9, 10], of: 20)
        let findings = RunFixtures.findings(runs: runs, axes: [instancesAxis([1, 2, 4], geometric: true)])
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(crossing.value == nil)
        #expect(crossing.sentence == "The share of runs selecting search crosses one half once along N, between N = 2 and 4 (means 0.45 and 0.5), but the Firth logistic fit over 60 runs gives no crossing with an interval inside the swept range, so no N* is stated.")
    }

    @Test("shares 1/8, 4/8, 7/8 at N = 4, 16, 64 cross at N* = 16 (log-symmetric), with a bootstrap interval around it")
    func symmetricCrossing() throws {
        let runs = sweepRuns([4, 16, 64], searching: [1, 4, 7], of: 8)
        let axes = [instancesAxis([4, 16, 64], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(abs(try #require(crossing.value) - 16) < 1e-6)
        let lo = try #require(crossing.lo), hi = try #require(crossing.hi)
        #expect(lo < 16 && 16 < hi && lo >= 4 && hi <= 64)
        #expect(crossing.metric == "mesa_optimizer" && crossing.axis == "environment.instances" && crossing.slice == nil)
        #expect(crossing.sentence.hasPrefix("Search was selected in at least half of the runs from N* ≈ 16 on (95% bootstrap interval "))
        // 4,000 draws; those whose curve crosses downwards give no N* and are counted (issue 22 item 4).
        #expect(crossing.sentence.contains("; the fitted share crosses one half there, in a Firth logistic fit on log₂ N over 24 runs; "))
        #expect(crossing.sentence.hasSuffix(" of 4000 draws give no crossing and widen both ends)."))
        // The same runs give the same interval: the bootstrap is seeded.
        #expect(RunFixtures.findings(runs: runs, axes: axes).first { $0.kind == .crossover } == crossing)
    }

    @Test("N* is where the fitted curve of the trend model crosses one half, on the chart's scale")
    func matchesTheFit() throws {
        let values: [Double] = [1, 4, 16, 64]
        let runs = sweepRuns(values, searching: [0, 2, 5, 8], of: 8)
        let findings = RunFixtures.findings(runs: runs, axes: [instancesAxis(values, geometric: true)])
        let crossing = try #require(findings.first { $0.kind == .crossover })
        let observations = runs.map { TrendObservation(x: log2($0.point["environment.instances"]!.number!), y: $0.metrics[.mesaOptimizer]!) }
        let fit = try #require(TrendModel.fit(observations, binary: true))
        let x = -fit.coefficients[0] / fit.coefficients[1]
        #expect(abs(try #require(crossing.value) - exp2(x)) < 1e-9)
        // The same values written as a list (not a `times` range) are spaced geometrically, so they
        // are fitted on log₂ N too (issue 21 item 2): the same N*.
        let listed = RunFixtures.findings(runs: runs, axes: [instancesAxis(values, geometric: false)])
        #expect(listed.first { $0.kind == .crossover }?.value == crossing.value)
        // On an arithmetic axis, x is N itself.
        let arithmetic: [Double] = [1, 2, 3, 4]
        let linearRuns = sweepRuns(arithmetic, searching: [0, 2, 5, 8], of: 8)
        let linear = RunFixtures.findings(runs: linearRuns, axes: [instancesAxis(arithmetic, geometric: false)])
        let linearFit = try #require(TrendModel.fit(linearRuns.map {
            TrendObservation(x: $0.point["environment.instances"]!.number!, y: $0.metrics[.mesaOptimizer]!)
        }, binary: true))
        let linearCrossing = try #require(linear.first { $0.kind == .crossover })
        #expect(abs(try #require(linearCrossing.value) + linearFit.coefficients[0] / linearFit.coefficients[1]) < 1e-9)
    }

    @Test("no crossing of one half by the means, no finding")
    func noCrossover() {
        let runs = sweepRuns([1, 2, 4, 8], searching: [0, 0, 1, 1], of: 4)
        let axes = [instancesAxis([1, 2, 4, 8], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        #expect(!findings.contains { $0.kind == .crossover })
        #expect(!findings.contains { $0.kind == .bimodality })
    }

    @Test("issue 22 item 4: a falling search share has no N* (a downward crossing is not one); a sentence says why")
    func falling() throws {
        let runs = sweepRuns([1, 2, 4], searching: [7, 4, 1], of: 8)
        let axes = [instancesAxis([1, 2, 4], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(crossing.value == nil)
        #expect(crossing.sentence.hasPrefix("The share of runs selecting search crosses one half once along N, between N = 2 and 4 (means 0.5 and 0.13), but in the Firth logistic fit over 24 runs the share falls along N (slope −"))
        #expect(crossing.sentence.hasSuffix("so the crossing is no N* of a share that rises, and none is stated."))
    }

    @Test("issue 22 item 4: a share that rises then falls fails the deviance test: no N*, a sentence")
    func notMonotone() throws {
        // The capacity scenario's hill-climbing shares (36, 47, 44, 35, 33, 24, 23 of 48): deviance
        // 22.9 on 5 df in the statistician's fit; the means cross one half once (at the end).
        let values: [Double] = [1, 2, 4, 8, 16, 32, 64]
        let runs = sweepRuns(values, searching: [36, 47, 44, 35, 33, 23, 22], of: 48)
        let findings = RunFixtures.findings(runs: runs, axes: [instancesAxis(values, geometric: true)])
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(crossing.value == nil, "\(crossing.sentence)")
        #expect(crossing.sentence.contains("falls along N") || crossing.sentence.contains("is not monotone along N"))
        // The rising mirror image is not monotone either: the deviance test rejects it.
        let rising = sweepRuns(values, searching: [12, 1, 4, 13, 15, 25, 26], of: 48)
        let mirrored = RunFixtures.findings(runs: rising, axes: [instancesAxis(values, geometric: true)])
        let misfit = try #require(mirrored.first { $0.kind == .crossover })
        #expect(misfit.value == nil, "\(misfit.sentence)")
        #expect(misfit.sentence.contains("but the share is not monotone along N: the Firth logistic fit over 336 runs does not describe them (deviance "))
    }

    @Test("a monotone step the logistic curve cannot follow: no N*, and the sentence does not call it non-monotone")
    func step() throws {
        let values: [Double] = [1, 4, 16, 64]
        let runs = sweepRuns(values, searching: [0, 23, 23, 23], of: 24)
        let crossing = try #require(RunFixtures.findings(runs: runs, axes: [instancesAxis(values, geometric: true)])
            .first { $0.kind == .crossover })
        #expect(crossing.value == nil)
        #expect(crossing.sentence.contains("but the shares do not follow a logistic curve along N: the Firth logistic fit over 96 runs does not describe them (deviance "), "\(crossing.sentence)")
    }

    @Test("with two runs a point the interval reaches both ends of the sweep and says so")
    func openEnded() throws {
        let runs = sweepRuns([4, 8, 16], searching: [0, 1, 2], of: 2)
        let axes = [instancesAxis([4, 8, 16], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossing = try #require(findings.first { $0.kind == .crossover })
        #expect(abs(try #require(crossing.value) - 8) < 1e-6)
        #expect(crossing.lo == 4 && crossing.hi == 16)
        #expect(crossing.sentence.contains("(95% bootstrap interval from 4 or below to 16 or above: the whole swept range;"))
    }

    @Test("a two-axis sweep gets one crossover per slice, named by the other axis")
    func slices() throws {
        let small = sweepRuns([8, 32, 128], searching: [1, 4, 7], of: 8, extra: [("model.parameters", .number(256))])
        let large = sweepRuns([8, 32, 128], searching: [0, 1, 4], of: 8, extra: [("model.parameters", .number(1024))])
        let runs = small + large
        let axes = [instancesAxis([8, 32, 128], geometric: true),
                    AxisDescription(key: "model.parameters", values: [.number(256), .number(1024)], geometric: true)]
        let findings = RunFixtures.findings(runs: runs, axes: axes)
        let crossings = findings.filter { $0.kind == .crossover && $0.axis == "environment.instances" }
        #expect(crossings.count == 2)
        #expect(crossings[0].sentence.hasPrefix("At K = 256, search was selected in at least half of the runs from N* ≈ 32 "))
        #expect(try #require(crossings[1].value) > 32)
        #expect(crossings[1].slice == RunFixtures.point([("model.parameters", .number(1024))]))
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
