import MesaResults
/// Where a fitted binary trend crosses a share of ½, relative to the swept range [x_min, x_max].
package enum CrossoverLocation: Sendable, Hashable {
    /// The crossing x* lies in [x_min, x_max].
    case inside(Double)
    /// x* < x_min: the whole swept range is on one side of ½, crossing before it.
    case belowRange
    /// x* > x_max: the crossing would come after the swept range.
    case aboveRange
    /// No crossing: the fitted curve is flat (β_x ≈ 0), the fit is not binary, or (in a
    /// bootstrap replicate) the refit failed. Named `undefined` rather than `none` so it never
    /// collides with `Optional.none`.
    case undefined

    /// x* for `.inside`, nil otherwise.
    package var value: Double? {
        if case let .inside(x) = self { return x }
        return nil
    }

    /// The location on the extended real line used by the bootstrap percentiles: x* inside,
    /// −∞ below, +∞ above, NaN when undefined.
    package var extendedValue: Double {
        switch self {
        case let .inside(x): return x
        case .belowRange: return -.infinity
        case .aboveRange: return .infinity
        case .undefined: return .nan
        }
    }
}
