import MesaResults
import MesaScenario

/// What identifies a run's result (docs/cache.md): the engine version, the run's full resolved
/// settings (`SimulationSpec.canonicalText`) and its run and world seeds — never the scenario's
/// file name, title or prose. Equal keys give byte-identical records.
public struct RunKey: Hashable, Sendable, CustomStringConvertible {
    /// The SHA-256 of the identifying text, in lowercase hex.
    public let hex: String

    public init(spec: SimulationSpec, runSeed: UInt64, worldSeed: UInt64) {
        self.init(settings: SHA256.hex(Array(spec.canonicalText.utf8)), runSeed: runSeed, worldSeed: worldSeed)
    }

    /// The key from the SHA-256 (hex) of the settings' canonical text, which a sweep computes once
    /// per point.
    public init(settings digest: String, runSeed: UInt64, worldSeed: UInt64) {
        let text = "mesascope run\nengine=\(EngineVersion.current)\nrun_seed=\(runSeed)\nworld_seed=\(worldSeed)\nsettings=\(digest)\n"
        hex = SHA256.hex(Array(text.utf8))
    }

    /// A key from its hex form (as a store names its entries).
    public init?(hex: String) {
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.hex = hex
    }

    public var description: String { hex }
}
