import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): a tiny, fast
/// pseudo-random generator whose output is identical on every machine. The statistics use it for
/// the seeded bootstrap and simulations; the engine to expand seeds into xoshiro256** state and,
/// through `mix`, to derive streams. Not cryptographic.
///
/// Algorithm (all arithmetic modulo 2⁶⁴), reproducible in a few lines of Python:
///
///     state = seed
///     def next():
///         state = (state + 0x9E3779B97F4A7C15) % 2**64
///         z = state
///         z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % 2**64
///         z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % 2**64
///         return z ^ (z >> 31)
///     def index(n): return (next() * n) >> 64          # uniform in 0..<n
///     def uniform(): return (next() >> 11) * 2.0**-53  # uniform in [0, 1)
///
/// `index(n)` is Lemire's multiply-shift without the rejection step: its bias is below
/// n / 2⁶⁴, far under anything a bootstrap can resolve, and it uses exactly one draw per call,
/// which keeps the stream easy to mirror. Each call is O(1).
package struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's whole state.
    package var state: UInt64

    /// Starts the stream at `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// The finaliser alone: a bijection of `UInt64` with good avalanche.
    @inlinable
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    @inlinable
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform index in 0..<n, ⌊next()·n / 2⁶⁴⌋ (one draw). Requires n > 0.
    package mutating func nextIndex(below n: Int) -> Int {
        precondition(n > 0, "empty range")
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform double in [0, 1): the top 53 bits of one draw times 2⁻⁵³.
    package mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal draw by Box–Muller from two uniforms u₁, u₂ (two draws, no caching, so
    /// the stream is easy to mirror): √(−2 ln(1 − u₁)) · cos(2π u₂).
    package mutating func nextNormal() -> Double {
        let u1 = nextUniform(), u2 = nextUniform()
        return (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
