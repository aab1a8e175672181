import MesaResults

/// The fixed sub-streams of a run. Each label is a constant, so a run's draws for (say) its
/// deployment mazes never depend on how many draws another part made.
package enum StreamLabel: UInt64, Sendable {
    case trainingInstances = 1
    case deploymentInstances = 2
    case demonstrations = 3
    case geneExpansion = 4
    case trainingDetector = 5
    case deploymentDetector = 6
    case optimizer = 7
    case posteriorDraw = 8
    case initialModel = 9
}

/// Seed derivation: a run's seed is a hash of (scenario seed, the point's resolved settings,
/// repetition) and every sub-stream's seed a hash of (run seed, label, index). Nothing else
/// enters — not the point's position in the sweep — so results are identical for any thread count
/// or scheduling, and adding a sweep value or a seed leaves every other run unchanged.
package enum StreamSeed {
    /// The seed of repetition `repetition` of the run whose resolved settings hash to `settings`
    /// (`SimulationSpec.settingsHash`), in a scenario seeded with `scenarioSeed`.
    package static func run(scenarioSeed: UInt64, settings: UInt64, repetition: Int) -> UInt64 {
        var h = SplitMix64.mix(scenarioSeed ^ 0x6D65_7361_7363_6F70)  // "mesascop"
        h = SplitMix64.mix(h ^ settings &* 0x9E37_79B9_7F4A_7C15)
        h = SplitMix64.mix(h ^ UInt64(truncatingIfNeeded: repetition) &* 0xC2B2_AE3D_27D4_EB4F)
        return h
    }

    /// The seed of the world of repetition `repetition` — its mazes, demonstrations, detector
    /// firing and gene expansion — shared by every point of the sweep. Points are then compared
    /// on the same mazes (common random numbers): instance i is the same maze at N = 4 and at
    /// N = 64, so a curve along N shows the effect of N, not a fresh draw of mazes at each point.
    package static func world(scenarioSeed: UInt64, repetition: Int) -> UInt64 {
        var h = SplitMix64.mix(scenarioSeed ^ 0x776F_726C_6473_6565)  // "worldsee"
        h = SplitMix64.mix(h ^ UInt64(truncatingIfNeeded: repetition) &* 0xC2B2_AE3D_27D4_EB4F)
        return h
    }

    /// The seed of sub-stream (`label`, `index`) of the run seeded `runSeed`.
    package static func derive(_ runSeed: UInt64, _ label: StreamLabel, _ index: Int = 0) -> UInt64 {
        var h = SplitMix64.mix(runSeed ^ label.rawValue &* 0xD6E8_FEB8_6659_FD93)
        h = SplitMix64.mix(h ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        return h
    }

    /// A generator for sub-stream (`label`, `index`).
    package static func generator(_ runSeed: UInt64, _ label: StreamLabel, _ index: Int = 0) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: derive(runSeed, label, index))
    }
}
