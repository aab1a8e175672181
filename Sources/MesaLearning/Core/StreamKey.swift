/// The address of one random stream: (seed, label, index). Streams with different keys are
/// statistically independent, and a stream depends on nothing else — not on how many draws
/// another stream made, not on the number of tasks or sequences around it. That is what makes
/// task i the same vector at every N, and sequence k of an evaluation set the same whatever the
/// set's size.
///
/// The seed of the key is `mix(mix(mix(seed ^ c) ^ label·φ) ^ index·c₂)` with SplitMix64's
/// finaliser `mix` (constants below); a `RandomStream` expands it into xoshiro256** state.
struct StreamKey: Sendable, Hashable {
    /// The world or run seed.
    var seed: UInt64
    /// Which kind of draws (tasks, batches, initialisation, …): one constant per use.
    var label: UInt64
    /// Which member of that kind (task i, step t, evaluation sequence k).
    var index: UInt64

    /// The key of member `index` of kind `label` under `seed`.
    init(seed: UInt64, label: UInt64, index: UInt64 = 0) {
        self.seed = seed
        self.label = label
        self.index = index
    }

    /// The 64-bit seed this key stands for.
    var derivedSeed: UInt64 {
        var h = SplitMix64.mix(seed ^ 0x6C65_6172_6E69_6E67)  // "learning"
        h = SplitMix64.mix(h ^ label &* 0x9E37_79B9_7F4A_7C15)
        h = SplitMix64.mix(h ^ index &* 0xC2B2_AE3D_27D4_EB4F)
        return h
    }
}
