import MesaResults

/// The decision rules of SCIENCE.md §6 (docs/statistics.md), pure functions of an interval.
package enum VerdictRule {
    /// A direction verdict, and whether a holding effect is smaller than the margin.
    package struct Direction: Sendable, Hashable {
        package var verdict: Verdict
        /// With `.holds`: the whole interval also lies inside (−m, m): a real effect, smaller than
        /// the margin. Always false otherwise.
        package var smallerThanMargin: Bool = false
    }

    /// Direction rule with margin m > 0. For `.rises` (mirrored for `.falls`):
    /// - **holds** when lo > 0 (wholly on the predicted side of 0), with `smallerThanMargin` when
    ///   also −m < lo and hi < m;
    /// - **does not hold** when hi < 0 (wholly on the other side), or when lo ≤ 0 ≤ hi and
    ///   −m < lo, hi < m (no effect as large as the margin: equivalence);
    /// - **not shown** otherwise, and with a NaN end.
    package static func direction(_ interval: ConfidenceInterval, predicted: Prediction.Direction,
                                  margin: Double) -> Direction {
        let (lo, hi) = (interval.lower, interval.upper)
        guard !lo.isNaN, !hi.isNaN else { return Direction(verdict: .notShown) }
        let insideMargin = -margin < lo && hi < margin
        let predictedSide = predicted == .rises ? lo > 0 : hi < 0
        let otherSide = predicted == .rises ? hi < 0 : lo > 0
        if predictedSide { return Direction(verdict: .holds, smallerThanMargin: insideMargin) }
        if otherSide { return Direction(verdict: .doesNotHold) }
        if lo <= 0, 0 <= hi, insideMargin { return Direction(verdict: .doesNotHold) }
        return Direction(verdict: .notShown)
    }

    /// Level rule: `at_most v` holds when hi < v and does not hold when lo > v; `at_least v`
    /// holds when lo > v and does not hold when hi < v; otherwise (or with a NaN end) not shown.
    package static func level(_ interval: ConfidenceInterval, bound: Prediction.Bound, value v: Double) -> Verdict {
        let (lo, hi) = (interval.lower, interval.upper)
        guard !lo.isNaN, !hi.isNaN else { return .notShown }
        switch bound {
        case .atMost:
            if hi < v { return .holds }
            if lo > v { return .doesNotHold }
        case .atLeast:
            if lo > v { return .holds }
            if hi < v { return .doesNotHold }
        }
        return .notShown
    }
}
