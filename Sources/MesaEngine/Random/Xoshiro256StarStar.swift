import MesaResults

/// xoshiro256** (Blackman & Vigna 2018): 256 bits of state, period 2^256 − 1, a few
/// nanoseconds per draw. Every random choice of the engine comes from one of these, seeded
/// through `StreamSeed`, never from the system generator.
package struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// State expanded from `seed` by SplitMix64 (never all zero).
    package init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    @inline(__always)
    package mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256StarStar.rotate(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (bound ≥ 1) by Lemire's multiply-shift; the bias is at
    /// most bound / 2^64, far below anything the experiments can detect.
    @inline(__always)
    package mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    package mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    @inline(__always)
    package mutating func chance(_ p: Double) -> Bool { unit() < p }
}
