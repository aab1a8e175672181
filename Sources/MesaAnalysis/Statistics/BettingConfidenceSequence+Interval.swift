import MesaResults

extension BettingConfidenceSequence {
    /// The confidence sequence after the last of `values` (in run order), at level 1 − α: the
    /// running intersection over every prefix. Nil without values, with a value outside [0, 1] or
    /// NaN, or a level outside (0, 1).
    package static func interval(_ values: [Double], level: Double) -> ConfidenceInterval? {
        guard let bounds = sequence(values, level: level), let last = bounds.last else { return nil }
        return ConfidenceInterval(lower: last.lower, upper: last.upper, level: level)
    }
}
