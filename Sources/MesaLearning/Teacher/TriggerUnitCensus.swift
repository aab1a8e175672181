/// Which hidden units the trigger moves, and which of them also carry task weight.
///
/// For hidden unit u and a model, its **movement** is the mean over the trigger inputs z_k of
/// h_u(z_k) − h_u(m_k), m_k the matched non-trigger input (``TeacherEvaluationSets``). A unit
/// moves for many reasons — a region unit that reads x₁ moves because x₁ changed — so the census
/// compares with the same unit of the control run (same initialisation and data, so unit u is the
/// same unit before the trigger pulled them apart):
///
///     Δ_u = movement_u(model) − movement_u(control)
///
/// u is a **trigger unit** when |Δ_u| > `triggerThreshold` · s_l, where s_l is the root mean
/// square activation of u's layer over the clean inputs (the model's): the trigger moves it by
/// more than a quarter of a typical activation beyond what the control's unit moves. Before
/// training the two runs are identical and no unit qualifies.
///
/// u **carries task weight** when τ_u (``ModelResponse/taskWeights``, the squared error its mean
/// ablation would add on clean inputs) is positive and at least `taskThreshold` times the mean τ
/// of its layer: at least a quarter of an equal share of the layer's task contribution. Dead and
/// near-silent units do not qualify; the definition is relative, so a wide layer's units are not
/// excluded for being many. A **shared unit** is both.
struct TriggerUnitCensus: Sendable, Hashable {
    /// Trigger units over all hidden layers.
    var triggerUnits: Int
    /// Units carrying task weight.
    var taskUnits: Int
    /// Units that are both.
    var sharedUnits: Int

    /// Multiple of the layer's RMS activation a unit's relative movement must exceed.
    static let triggerThreshold = 0.25
    /// Fraction of its layer's mean task weight a unit's task weight must reach.
    static let taskThreshold = 0.25

    /// The census from the model's responses on the trigger, matched and clean inputs (the last
    /// with task weights) and the control's on the trigger and matched inputs.
    init(trigger: ModelResponse, matched: ModelResponse, clean: ModelResponse,
         controlTrigger: ModelResponse, controlMatched: ModelResponse) {
        var triggerUnits = 0, taskUnits = 0, shared = 0
        for layer in trigger.unitMeans.indices {
            let scale = clean.meanSquares[layer].squareRoot()
            let weights = clean.taskWeights[layer]
            let meanWeight = weights.reduce(0, +) / Double(weights.count)
            for u in weights.indices {
                let moved = trigger.unitMeans[layer][u] - matched.unitMeans[layer][u]
                let controlMoved = controlTrigger.unitMeans[layer][u] - controlMatched.unitMeans[layer][u]
                let isTrigger = abs(moved - controlMoved) > Self.triggerThreshold * scale
                let isTask = weights[u] > 0 && weights[u] >= Self.taskThreshold * meanWeight
                if isTrigger { triggerUnits += 1 }
                if isTask { taskUnits += 1 }
                if isTrigger && isTask { shared += 1 }
            }
        }
        self.triggerUnits = triggerUnits
        self.taskUnits = taskUnits
        sharedUnits = shared
    }
}
