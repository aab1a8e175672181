/// The engine's named tolerances for comparing floating-point losses and costs.
package enum Tolerance {
    /// Two loss contributions or losses closer than this are a tie (the same sum reached in a
    /// different order differs by far less; distinct behaviours by far more: 1/(N·W·H) ≥ 1e-7).
    package static let tie = 1e-12
    /// Structures whose loss is within this of the minimum count as minimum-loss.
    package static let minimumLoss = 1e-9
}
