#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// xoshiro256** (Blackman & Vigna 2018) with uniform and Gaussian draws: every random number
/// of the learned worlds comes from one of these, addressed by a `StreamKey`, never from the
/// system generator.
///
/// Uniforms are integer arithmetic, identical everywhere. Gaussians use Box–Muller, whose
/// `log`, `sin` and `cos` come from the C library: identical on every x86_64 Linux with the same
/// glibc (the libm functions do not dispatch on CPU features for these double-precision
/// routines), which is the reproducibility the reports need.
struct RandomStream: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// State expanded from `seed` by SplitMix64 (never all zero).
    init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The stream at `key`.
    init(_ key: StreamKey) {
        self.init(seed: key.derivedSeed)
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Self.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotate(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (bound ≥ 1) by Lemire's multiply-shift, one draw; the
    /// bias is at most bound / 2⁶⁴.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform double in [0, 1): the top 53 bits of one draw times 2⁻⁵³.
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Two independent standard normal draws from two uniforms (Box–Muller):
    /// r = √(−2 ln(1 − u₁)), (r·cos 2πu₂, r·sin 2πu₂). `1 − u₁` lies in (0, 1], so the log is
    /// finite.
    @inline(__always)
    mutating func gaussianPair() -> (Double, Double) {
        let u1 = unit(), u2 = unit()
        let r = (-2 * log(1 - u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return (r * cos(angle), r * sin(angle))
    }

    /// One standard normal draw: the first of a pair (the second is dropped, so every call
    /// consumes exactly two uniforms and the stream is easy to mirror).
    mutating func gaussian() -> Double {
        gaussianPair().0
    }

    /// Fills `count` standard normal draws into `write(i, value)` in order, using both members
    /// of each Box–Muller pair (half the transcendental calls of `gaussian()`); an odd count
    /// drops the last pair's second member. The hot path of the data generators.
    @inline(__always)
    mutating func fillGaussian(count: Int, _ write: (Int, Double) -> Void) {
        var i = 0
        while i < count {
            let (a, b) = gaussianPair()
            write(i, a)
            if i + 1 < count { write(i + 1, b) }
            i += 2
        }
    }
}
