/// The number type of a learned model: the same generic forward and backward code runs in
/// `Double` (finite-difference checks of the hand-written gradients, to 1e-6) and in `Float`
/// (training, twice the SIMD lanes). Generic code in this module is specialised for both in an
/// optimised build, so the abstraction costs nothing at run time.
///
/// Vectors are stored as `SIMD8` chunks (`Lanes`), padded with zeros to a multiple of 8 lanes.
/// Arithmetic is written as separate multiplies and adds, never `addingProduct`/`fma`: on the
/// default x86_64 target (no FMA instruction assumed) those become calls to the C library's
/// software `fma`, an order of magnitude slower, and results would differ from a build that
/// fuses (docs/performance.md, "Learned worlds").
protocol LearningScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable {
    /// e^x, `DeterministicMath.exp` (never the C library's, which differs by CPU).
    static func exponential(_ x: Self) -> Self
}

extension Float: LearningScalar {
    @inline(__always) static func exponential(_ x: Float) -> Float { DeterministicMath.exp(x) }
}

extension Double: LearningScalar {
    @inline(__always) static func exponential(_ x: Double) -> Double { DeterministicMath.exp(x) }
}

/// One SIMD chunk of a vector: 8 lanes.
typealias Lanes<S: LearningScalar> = SIMD8<S>

/// The lane width of `Lanes`.
let laneWidth = 8

/// The number of `Lanes` chunks that hold a vector of `count` scalars (zero-padded).
@inline(__always)
func laneChunks(_ count: Int) -> Int { (count + laneWidth - 1) / laneWidth }

/// Σ over chunks of a·b, lane by lane, then the 8 lanes summed in a fixed order
/// (((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7))) — written out, so the order does not depend on how the
/// standard library reduces a vector.
@inline(__always)
func laneSum<S: LearningScalar>(_ v: Lanes<S>) -> S {
    ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]))
}
