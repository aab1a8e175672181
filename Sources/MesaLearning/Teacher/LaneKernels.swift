/// The few vector kernels of the teacher world's MLP, on `Lanes` (SIMD8) chunks of contiguous,
/// zero-padded rows. Lanes run across independent outputs (hidden units); every reduction over
/// inputs or examples is sequential, and the one reduction across lanes (`dot`) ends with the
/// fixed-order `laneSum`. Multiplies and adds are separate (never fused), so a result does not
/// depend on the CPU, the build, or the scalar-versus-vector path.
enum LaneKernels {
    /// The chunk at `p` (8 scalars, any alignment).
    @inline(__always)
    static func load<S: LearningScalar>(_ p: UnsafePointer<S>) -> Lanes<S> {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes<S>.self)
    }

    /// Stores `value` at `p`.
    @inline(__always)
    static func store<S: LearningScalar>(_ value: Lanes<S>, _ p: UnsafeMutablePointer<S>) {
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: Lanes<S>.self)
    }

    /// Σ_k a[k]·b[k] over `chunks` chunks: a lane-wise running sum, then `laneSum`.
    @inline(__always)
    static func dot<S: LearningScalar>(_ a: UnsafePointer<S>, _ b: UnsafePointer<S>, chunks: Int) -> S {
        var sum = Lanes<S>()
        for c in 0..<chunks {
            sum = sum + load(a + c * laneWidth) * load(b + c * laneWidth)
        }
        return laneSum(sum)
    }

    /// relu of `count` scalars: `into[j]` = z[j] where z[j] > 0, else +0. A plain loop of
    /// selects, which the optimiser vectorises (lane masks on a generic `SIMD8` do not: they
    /// compile to a loop over lanes through memory).
    @inline(__always)
    static func relu<S: LearningScalar>(_ z: UnsafePointer<S>, into: UnsafeMutablePointer<S>, count: Int) {
        for j in 0..<count { into[j] = z[j] > 0 ? z[j] : 0 }
    }

    /// The relu derivative applied in place: `values[j]` kept where z[j] > 0, else +0.
    @inline(__always)
    static func gate<S: LearningScalar>(_ values: UnsafeMutablePointer<S>, by z: UnsafePointer<S>, count: Int) {
        for j in 0..<count { values[j] = z[j] > 0 ? values[j] : 0 }
    }
}
