/// How the learning rate moves over training after the warm-up.
public enum LearningRateSchedule: String, Sendable, Hashable, CaseIterable {
    /// The base rate at every step.
    case constant
    /// Cosine decay from the base rate to 0 over the steps after the warm-up:
    /// rate · ½(1 + cos(π · (t − warmup) / (steps − warmup))).
    case cosine

    /// The multiplier of the base rate at 0-based step `step` of `steps`, with a linear warm-up
    /// over the first `warmup` steps ((t + 1) / warmup, so the first step is not wasted at 0).
    public func factor(step: Int, steps: Int, warmup: Int) -> Double {
        if warmup > 0 && step < warmup { return Double(step + 1) / Double(warmup) }
        switch self {
        case .constant:
            return 1
        case .cosine:
            let span = max(1, steps - warmup)
            let progress = min(1, Double(step - warmup) / Double(span))
            return 0.5 * (1 + DeterministicMath.sinCosTwoPi(progress / 2).cos)
        }
    }
}
