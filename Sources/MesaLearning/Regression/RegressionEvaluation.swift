/// A world's fixed evaluation: the pool, the set on unseen tasks, the set on pretraining
/// tasks, and the baselines' figures on them — computed once per (world settings, world seed)
/// and shared by every run of that world.
struct RegressionEvaluation: Sendable {
    /// The pretraining tasks, task-major (N·d); empty at `infinite`.
    let pool: [Double]
    /// The unseen-task set (shared by every N of a repetition: it does not depend on the pool,
    /// except its dMMSE column, which is in `unseenDmmse`).
    let unseen: EvaluationSequences
    /// dMMSE's predictions on the unseen set with this pool; nil at `infinite`.
    let unseenDmmse: [Double]?
    /// The set on pretraining tasks; nil at `infinite`.
    let seen: EvaluationSequences?

    /// Figures of the baselines that do not depend on the model.
    let mseRidge: Double, ridgeSquare: Double
    let mseDmmse: Double?, baselineGap: Double?, mseRidgeSeen: Double?, mseDmmseSeen: Double?

    init(pool: [Double], unseen: EvaluationSequences, unseenDmmse: [Double]?, seen: EvaluationSequences?) {
        self.pool = pool
        self.unseen = unseen
        self.unseenDmmse = unseenDmmse
        self.seen = seen
        mseRidge = EvaluationSequences.meanSquare(unseen.ridge, unseen.targets)
        ridgeSquare = EvaluationSequences.meanSquare(unseen.ridge, [Double](repeating: 0, count: unseen.count))
        mseDmmse = unseenDmmse.map { EvaluationSequences.meanSquare($0, unseen.targets) }
        baselineGap = unseenDmmse.map { EvaluationSequences.meanSquare($0, unseen.ridge) }
        mseRidgeSeen = seen.map { EvaluationSequences.meanSquare($0.ridge, $0.targets) }
        mseDmmseSeen = seen.flatMap { s in s.dmmse.map { EvaluationSequences.meanSquare($0, s.targets) } }
    }
}
