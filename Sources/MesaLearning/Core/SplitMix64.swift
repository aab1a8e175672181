/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): the seed expander
/// and stream-key hash of the learned worlds. Every output is integer arithmetic modulo 2⁶⁴, so
/// it is identical on every machine. Not cryptographic.
///
/// A copy of the project's `MesaResults.SplitMix64` (same algorithm, same outputs), kept here
/// so that `MesaLearning` depends on nothing; reproducible in Python:
///
///     state = (state + 0x9E3779B97F4A7C15) % 2**64
///     z = state
///     z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % 2**64
///     z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % 2**64
///     return z ^ (z >> 31)
struct SplitMix64: Sendable, Hashable {
    /// The generator's whole state.
    var state: UInt64

    /// Starts the stream at `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The finaliser alone: a bijection of `UInt64` with good avalanche.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }
}
