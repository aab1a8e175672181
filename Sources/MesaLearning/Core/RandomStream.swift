/// xoshiro256** (Blackman & Vigna 2018) with uniform and Gaussian draws: every random number
/// of the learned worlds comes from one of these, addressed by a `StreamKey`, never from the
/// system generator.
///
/// Uniforms are integer arithmetic, identical everywhere. Gaussians use the ziggurat
/// (`Ziggurat`), whose tables and rare wedge and tail steps use `DeterministicMath` — not the C
/// library, which glibc picks by CPU (`__exp_fma` where the CPU has FMA) — so draws are
/// identical on every machine.
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

    /// Fills `count` standard normal draws (`gaussian()`, the ziggurat) into `write(i, value)`
    /// in order. The hot path of the data generators.
    @inline(__always)
    mutating func fillGaussian(count: Int, _ write: (Int, Double) -> Void) {
        for i in 0..<count { write(i, gaussian()) }
    }
}
