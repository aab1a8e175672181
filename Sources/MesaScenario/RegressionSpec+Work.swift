/// How much arithmetic a regression run does (`WorkUnits.gradient`, docs/performance.md "Learned
/// worlds"), so that `plan`, the ETA and shards treat these runs like any other.
///
/// With d the dimension, n the context, s search steps and m memory slots, one forward pass over a
/// sequence costs about 2·s·(2·n·d + d²) for the search circuit and 2·m·n·d + 2·m·d for the table
/// (residuals of every slot on every pair, then the read-out); backward costs about twice that.
/// A run trains `steps × batch` sequences forward and backward, and measures 11 times (ten
/// checkpoints and the end) on two evaluation sets with two ablations each (5 forward passes per
/// sequence). The dMMSE baseline costs N·(d² + 2d) per evaluation sequence, once per world, and
/// ridge d³/3 + n·d²; both are counted in every run (an upper bound: the sweep shares them).
extension RegressionSpec {
    /// Floating-point operations of one forward pass over one training sequence.
    public func forwardWork(context n: Int) -> Double {
        let d = Double(dimension), n = Double(n), s = Double(searchSteps), m = Double(memorySlots)
        return 2 * s * (2 * n * d + d * d) + 2 * m * n * d + 2 * m * d + 4 * m
    }

    /// Floating-point operations of one run: training, measurement and baselines.
    public var work: Double {
        let training = Double(steps) * Double(batch) * 3 * forwardWork(context: context)
        let evaluationContext = evaluationContext ?? context
        let sequences = Double(evaluationSequences) * 2
        let measuring = 11 * 5 * sequences * forwardWork(context: evaluationContext)
        let d = Double(dimension)
        let pool = Double(tasks ?? 0)
        let baselines = sequences * (pool * (d * d + 2 * d) + d * d * d / 3 + Double(evaluationContext) * d * d)
        return training + measuring + baselines
    }
}
