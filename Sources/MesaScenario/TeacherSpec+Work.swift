/// How much arithmetic a teacher run does (`WorkUnits.gradient`, docs/performance.md "Learned
/// worlds"), so that `plan`, the ETA and shards treat these runs like any other.
///
/// One forward pass of the MLP over one input costs about 2·(D·H + [H²]) + 2·H (the layers' products
/// and the read-out); backward about twice that. A run trains **two** networks — the model and its
/// no-trigger control, in lockstep — for `steps + phase2_steps` steps of `batch` examples, and
/// measures both at most 12 times (ten checkpoints and the ends of the phases) on three evaluation
/// sets of E inputs, with the unit census about one more pass over them.
extension TeacherSpec {
    /// Floating-point operations of one forward pass over one input.
    public var forwardWork: Double {
        let d = Double(inputCount), h = Double(width)
        return 2 * (d * h + (layers == 2 ? h * h : 0)) + 2 * h
    }

    /// Floating-point operations of one run: training both networks and measuring them.
    public var work: Double {
        let training = Double(steps + phase2Steps) * Double(batch) * 3 * forwardWork * 2
        let measuring = 12 * 4 * Double(evaluationInputs) * forwardWork * 2
        return training + measuring
    }
}
