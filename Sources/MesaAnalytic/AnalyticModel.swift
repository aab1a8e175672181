import MesaResults
import MesaScenario

/// The analytic model of *Risks from Learned Optimization* §2.1.
///
/// With N task instances, base-optimizer power P (bits), a learned algorithm doing x bits of
/// run-time search that costs f(x) of that power to build, and a compute ceiling x_max, the
/// base optimizer picks
///
///     x* = argmax_x J(x) = (P − f(x))/N + x   subject to f(x) ≤ P, 0 ≤ x ≤ x_max,
///
/// ties to the smaller x. The maximisation works for any cost expression (see
/// `ConstrainedMaximizer`): a 4096-interval grid over [0, x_max], the budget boundaries
/// f(x) = P located by bisection, golden-section refinement of the best local maxima, and a
/// comparison with the ends. When no x is feasible (f(x) > P, or f not finite, everywhere on
/// [0, x_max]) the optimum is reported as x* = 0 with J* = (P − f(0))/N and `isFeasible` false.
///
/// Closed forms it reproduces (tested to 1e-6 relative): linear f = c·x gives x* = 0 for N < c
/// and min(P/c, x_max) for N > c; quadratic f = c·x² gives x* = min(N/(2c), √(P/c), x_max);
/// exponential f = c·(2^x − 1) gives x* = log2(N/(c·ln 2)) for N > c·ln 2, capped at
/// log2(1 + P/c).
public enum AnalyticModel {
    /// The optimum at one grid point. Complexity: about 6000 evaluations of `cost`.
    public static func optimum(power: Double, instances: Double, cost: Expression, maxBits: Double) -> AnalyticOptimum {
        let n = instances
        func isFeasible(_ x: Double) -> Bool {
            let f = cost.evaluate(at: x)
            return f.isFinite && f <= power
        }
        // Maximise g(x) = x − f(x)/N, which is J(x) − P/N: dropping the constant P/N keeps the
        // refinement's resolution independent of how large P/N is.
        let maximizer = ConstrainedMaximizer(
            lower: 0, upper: Swift.max(0, maxBits),
            objective: { x in
                let spent = cost.evaluate(at: x) / n
                return (x - spent, abs(x) + abs(spent))
            },
            isFeasible: isFeasible
        )
        guard let best = maximizer.maximize() else {
            let tuning = (power - cost.evaluate(at: 0)) / n
            return AnalyticOptimum(x: 0, J: tuning, tuningShare: tuning, upperBound: 0, isFeasible: false)
        }
        // At the budget boundary f(x*) = P up to rounding: a leftover below one part in 10^12 of
        // P is rounding noise, and reporting it (1e-16 bits per instance) would mislead.
        let leftover = power - cost.evaluate(at: best.x)
        let tuning = abs(leftover) <= 1e-12 * max(1, abs(power)) ? 0 : leftover / n
        return AnalyticOptimum(x: best.x, J: tuning + best.x, tuningShare: tuning,
                               upperBound: best.largestFeasible, isFeasible: true)
    }

    /// Every grid point of the spec as a row (P slowest, then cost, then x_max, then N in the
    /// spec's order), and onset, crossover and saturation along N for each (P, cost, x_max)
    /// curve. `AnalyticFindings`' top-level fields are the first curve's.
    ///
    /// Along a curve, in the spec's order of N: the onset is the first N with x* > 0 (beyond
    /// 1e-9 · max(1, bound)); the crossover the first N where the mesa share x* exceeds the
    /// tuning share (P − f(x*))/N; the saturation the first N where x* > 0 sits within 1e-6
    /// relative of its bound (x_max, or the largest feasible x when f(x_max) > P).
    public static func solve(_ spec: AnalyticSpec) -> (rows: [AnalyticRow], findings: AnalyticFindings) {
        var rows: [AnalyticRow] = []
        var curves: [AnalyticCurveFindings] = []
        for power in spec.powers {
            for cost in spec.costs {
                let costText = cost.description
                for maxBits in spec.maxBits {
                    var curve = AnalyticCurveFindings(power: power, cost: costText, maxBits: maxBits,
                                                      onset: nil, crossover: nil, saturation: nil)
                    for n in spec.instances {
                        let best = optimum(power: power, instances: n, cost: cost, maxBits: maxBits)
                        rows.append(AnalyticRow(power: power, instances: n, cost: costText, maxBits: maxBits, xStar: best.x,
                                                jStar: best.J, tuningShare: best.tuningShare, mesaShare: best.mesaShare))
                        if curve.onset == nil, best.usesSearch { curve.onset = n }
                        if curve.crossover == nil, best.mesaExceedsTuning { curve.crossover = n }
                        if curve.saturation == nil, best.isSaturated { curve.saturation = n }
                    }
                    curves.append(curve)
                }
            }
        }
        let first = curves.first
        let findings = AnalyticFindings(onset: first?.onset, crossover: first?.crossover,
                                        saturation: first?.saturation, curves: curves)
        return (rows, findings)
    }
}
