/// The teacher world of one world seed: N normalised teachers (``TeacherNetwork``), the trigger's
/// geometry, and how an example becomes the learner's input row.
///
/// Input row (``MLPShape``): x (d values), the one-hot task code (N), and for the `input`
/// trigger the trigger bit. The region trigger fires where x₁ > τ, τ = Φ⁻¹(1 − p), so with
/// probability exactly p under x ~ N(0, I_d).
struct TeacherWorld: Sendable {
    /// The world's settings.
    let settings: TeacherWorldSettings
    /// The trigger.
    let trigger: TriggerSettings
    /// Teacher j for task j.
    let teachers: [TeacherNetwork]
    /// τ of the region trigger (also computed for `input`, where it is unused).
    let threshold: Double

    /// The world of `worldSeed`: teacher j from stream (worldSeed, teacher, j).
    init(settings: TeacherWorldSettings, trigger: TriggerSettings, worldSeed: UInt64) {
        self.settings = settings
        self.trigger = trigger
        teachers = (0..<settings.tasks).map { j in
            var stream = RandomStream(StreamKey(seed: worldSeed, label: TeacherStreams.teacher, index: UInt64(j)))
            return TeacherNetwork(dimension: settings.dimension, width: settings.teacherWidth, stream: &stream)
        }
        threshold = NormalQuantile.quantile(1 - trigger.probability)
    }

    /// D, the learner's number of inputs.
    var inputCount: Int { settings.dimension + settings.tasks + (trigger.kind == .input ? 1 : 0) }

    /// Whether the region trigger fires at x (x₁ > τ).
    @inline(__always)
    func inRegion(_ x: UnsafePointer<Double>) -> Bool { x[0] > threshold }

    /// Writes the input row of (x, task, bit) into `row` (`inputCount` values). `bit` is ignored
    /// for the region trigger, which has no bit.
    @inline(__always)
    func writeRow<S: LearningScalar>(_ row: UnsafeMutablePointer<S>, x: UnsafePointer<Double>, task: Int, bit: Bool) {
        let d = settings.dimension
        for i in 0..<d { row[i] = S(x[i]) }
        for j in 0..<settings.tasks { row[d + j] = j == task ? 1 : 0 }
        if trigger.kind == .input { row[d + settings.tasks] = bit ? 1 : 0 }
    }

    /// Draws x ~ N(0, I_d) into `x`, then, if `outside` is set, redraws x₁ until x₁ ≤ τ, or, if
    /// `inside` is set, until x₁ > τ (rejection: exact, deterministic for a given stream, about
    /// 1/p draws per input for `inside`).
    @inline(__always)
    static func drawInput(_ x: UnsafeMutablePointer<Double>, dimension: Int, stream: inout RandomStream,
                          threshold: Double, outside: Bool = false, inside: Bool = false) {
        stream.fillGaussian(count: dimension) { x[$0] = $1 }
        if outside { while x[0] > threshold { x[0] = stream.gaussian() } }
        if inside { while !(x[0] > threshold) { x[0] = stream.gaussian() } }
    }
}
