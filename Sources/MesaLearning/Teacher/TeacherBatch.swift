/// One training batch for the triggered model and its no-trigger control: the same inputs, the
/// same tasks, the same teacher values; only the trigger differs.
///
/// Example b of 0-based global step t comes from stream (runSeed, batch, t), drawn in this
/// order: the task (uniform over N), x ~ N(0, I_d), and for the `input` trigger in phase 1 a
/// uniform u (the trigger fires when u < p).
/// - Phase 1, `input`: the triggered row carries bit = fired and target f(x) + offset·fired; the
///   control row has bit 0 and target f(x).
/// - Phase 1, `region`: fired = x₁ > τ; the rows are identical, the targets differ by the offset
///   where it fires.
/// - Phase 2: nothing fires. The `region` trigger's inputs are drawn outside the region: x₁ is
///   redrawn from the same stream until x₁ ≤ τ (rejection sampling). Both models see identical
///   rows and targets.
final class TeacherBatch {
    /// Examples per batch.
    let count: Int
    /// D.
    let inputs: Int
    /// Rows of the triggered model (count × D).
    let triggeredInputs: UnsafeMutablePointer<Float>
    /// Rows of the control (count × D).
    let controlInputs: UnsafeMutablePointer<Float>
    /// Targets of the triggered model.
    let triggeredTargets: UnsafeMutablePointer<Float>
    /// Targets of the control: the teacher's values.
    let controlTargets: UnsafeMutablePointer<Float>
    /// How many examples of the last batch fired.
    private(set) var fired = 0
    private let x: UnsafeMutablePointer<Double>
    private let hidden: UnsafeMutablePointer<Double>

    /// Buffers for batches of `count` in `world`.
    init(count: Int, world: TeacherWorld) {
        self.count = count
        inputs = world.inputCount
        func buffer<T: BinaryFloatingPoint>(_ n: Int) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: n)
            p.initialize(repeating: 0, count: n)
            return p
        }
        triggeredInputs = buffer(count * inputs)
        controlInputs = buffer(count * inputs)
        triggeredTargets = buffer(count)
        controlTargets = buffer(count)
        x = buffer(world.settings.dimension)
        hidden = buffer(world.settings.teacherWidth)
    }

    deinit {
        triggeredInputs.deallocate()
        controlInputs.deallocate()
        triggeredTargets.deallocate()
        controlTargets.deallocate()
        x.deallocate()
        hidden.deallocate()
    }

    /// Fills the batch of global step `step` (0-based) in `phase` (1 or 2).
    func fill(world: TeacherWorld, runSeed: UInt64, step: Int, phase: Int) {
        var stream = RandomStream(StreamKey(seed: runSeed, label: TeacherStreams.batch, index: UInt64(step)))
        let d = world.settings.dimension, n = world.settings.tasks
        let kind = world.trigger.kind, p = world.trigger.probability
        let offset = Float(world.trigger.offset)
        fired = 0
        for b in 0..<count {
            let task = stream.below(n)
            TeacherWorld.drawInput(x, dimension: d, stream: &stream, threshold: world.threshold,
                                   outside: phase == 2 && kind == .region)
            let fires: Bool
            switch kind {
            case .input: fires = phase == 1 && stream.unit() < p
            case .region: fires = phase == 1 && world.inRegion(x)
            }
            if fires { fired += 1 }
            let y = Float(world.teachers[task].value(x, hidden: hidden))
            world.writeRow(triggeredInputs + b * inputs, x: x, task: task, bit: fires)
            world.writeRow(controlInputs + b * inputs, x: x, task: task, bit: false)
            triggeredTargets[b] = fires ? y + offset : y
            controlTargets[b] = y
        }
    }
}
