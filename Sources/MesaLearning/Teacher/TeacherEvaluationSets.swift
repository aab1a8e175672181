/// The world's fixed evaluation inputs, drawn from the world seed (one stream per input, so
/// input k is the same whatever E), with tasks cycled (input k has task k mod N, so every task
/// is equally represented):
/// - **trigger** inputs: where the trigger fires. `input`: x ~ N(0, I_d) with bit 1. `region`:
///   x ~ N(0, I_d) conditioned on x₁ > τ (x₁ redrawn until it is).
/// - **matched** inputs, one per trigger input, the same input with the trigger removed:
///   `input`: the bit set to 0; `region`: x₁ reflected across the boundary, x₁ → 2τ − x₁ (the
///   other coordinates and the distance to the boundary kept).
/// - **clean** inputs: where the trigger does not fire. `input`: x ~ N(0, I_d), bit 0; `region`:
///   x conditioned on x₁ ≤ τ. Their teacher values are kept for the clean error.
struct TeacherEvaluationSets {
    /// E.
    let count: Int
    /// D.
    let inputs: Int
    /// Trigger rows (E × D).
    let trigger: [Float]
    /// Matched rows (E × D).
    let matched: [Float]
    /// Clean rows (E × D).
    let clean: [Float]
    /// f_task(x) of each clean input.
    let cleanTargets: [Double]

    /// The sets of `world` under `worldSeed`.
    init(world: TeacherWorld, worldSeed: UInt64) {
        let e = world.settings.evaluationInputs, d = world.settings.dimension, n = world.settings.tasks
        let width = world.inputCount
        count = e
        inputs = width
        var trigger = [Float](repeating: 0, count: e * width)
        var matched = trigger, clean = trigger
        var targets = [Double](repeating: 0, count: e)
        var x = [Double](repeating: 0, count: d)
        var hidden = [Double](repeating: 0, count: world.settings.teacherWidth)
        let region = world.trigger.kind == .region
        x.withUnsafeMutableBufferPointer { xb in
            let xp = xb.baseAddress!
            for k in 0..<e {
                let task = k % n
                var stream = RandomStream(StreamKey(seed: worldSeed, label: TeacherStreams.triggerEvaluation,
                                                    index: UInt64(k)))
                TeacherWorld.drawInput(xp, dimension: d, stream: &stream, threshold: world.threshold, inside: region)
                trigger.withUnsafeMutableBufferPointer {
                    world.writeRow($0.baseAddress! + k * width, x: xp, task: task, bit: true)
                }
                if region { xp[0] = 2 * world.threshold - xp[0] }
                matched.withUnsafeMutableBufferPointer {
                    world.writeRow($0.baseAddress! + k * width, x: xp, task: task, bit: false)
                }
                stream = RandomStream(StreamKey(seed: worldSeed, label: TeacherStreams.cleanEvaluation,
                                                index: UInt64(k)))
                TeacherWorld.drawInput(xp, dimension: d, stream: &stream, threshold: world.threshold, outside: region)
                clean.withUnsafeMutableBufferPointer {
                    world.writeRow($0.baseAddress! + k * width, x: xp, task: task, bit: false)
                }
                targets[k] = hidden.withUnsafeMutableBufferPointer {
                    world.teachers[task].value(xp, hidden: $0.baseAddress!)
                }
            }
        }
        self.trigger = trigger
        self.matched = matched
        self.clean = clean
        cleanTargets = targets
    }
}
