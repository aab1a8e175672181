import MesaResults

/// The shape of value a key accepts. The validator turns parsed values into `SettingValue`s of
/// this shape (or reports why it cannot); `SettingKey.apply` then trusts the shape.
public enum ValueKind: Sendable, Hashable {
    /// A whole number within the bounds.
    case integer(min: Int, max: Int)
    /// A real number within the bounds.
    case number(min: Double, max: Double)
    /// A grid size `W x H`, each side at least `min` and at most `max`.
    case size(min: Int, max: Int)
    /// One of the listed words.
    case word([String])
    /// An arithmetic expression in `x`.
    case expression
    /// `proxy CORNER SIDE`: a corner name and a side length ≥ 1.
    case proxy
    /// `direct` or `indirect G` with G ≥ 1 genes.
    case encoding
    /// `heuristic`, `search` or both, comma-separated.
    case styles
    /// A corner name or `any`.
    case target
    /// `strict`, `neutral`, `tolerance ε` or `anneal T` (ε, T ≥ 0).
    case acceptance
    /// A whole number within the bounds, or a budget relative to each run's world
    /// (`k_fit + detector_cost + [-4 ... 8]`).
    case budget(min: Int, max: Int)
    /// A whole number within the bounds, or `infinite` (a fresh task for every sequence).
    case countOrInfinite(min: Int, max: Int)
}

/// One key of the scenario vocabulary: where it lives, what it accepts, its default, and how
/// it sets a `SimulationSpec` or an `AnalyticSpec`.
public struct SettingKey: Sendable {
    public let block: String
    public let name: String
    public let kind: ValueKind
    public let isSweepable: Bool
    /// The default as the reference documents it.
    public let defaultText: String
    /// One sentence for the reference and for `did you mean` notes.
    public let summary: String
    package let target: Target
    /// The worlds whose files may set it (`environment { world … }`); a key of another world is a
    /// diagnostic at its line.
    public internal(set) var worlds: Set<World> = [.maze]

    package enum Target: Sendable {
        case simulation(@Sendable (inout SimulationSpec, SettingValue) -> Void)
        case analytic(@Sendable (inout AnalyticSpec, [SettingValue]) -> Void)
        /// Keys the validator handles itself (`training.seeds`).
        case scenario
    }

    /// `block.key`, the name used in sweep points and results.
    public var qualifiedName: String { "\(block).\(name)" }

    /// Sets this key to `value` in a simulation spec (a no-op for analytic keys).
    public func apply(_ value: SettingValue, to spec: inout SimulationSpec) {
        if case .simulation(let set) = target { set(&spec, value) }
    }

    /// Sets this key to `values` (one per grid point) in an analytic spec.
    public func apply(_ values: [SettingValue], to spec: inout AnalyticSpec) {
        if case .analytic(let set) = target { set(&spec, values) }
    }
}

extension ValueKind {
    /// Whether a statement of this kind takes a single value (not a tuple or a list of styles).
    public var isSingleValued: Bool {
        switch self {
        case .integer, .number, .size, .word, .expression, .target, .budget, .countOrInfinite: return true
        case .proxy, .encoding, .styles, .acceptance: return false
        }
    }
}
