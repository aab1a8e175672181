import MesaResults
/// The design of the trend model: intercept + x + treatment (dummy) coding of each other axis.
///
/// For each covariate axis the levels are taken in order of first appearance and the first one
/// is the reference; every other level gets a 0/1 column. Columns are then screened in the
/// order intercept, x, axis 0's dummies, axis 1's dummies, …: a column that is constant or a
/// linear combination of the columns kept before it (an axis with a single level, or levels
/// aliased with another axis) is dropped, as R's `lm` does with pivoting, so the design is of
/// full rank. Dropping aliased columns does not change the fitted values, hence not the
/// effect. Because x is screened before the dummies, a dummy that is collinear with x and the
/// intercept (each level observed at a single x) is dropped and the variation is attributed
/// to x. Building costs O(points·k²) plus O(k⁴) for the screening, k the candidate columns.
package struct TrendDesign: Sendable, Equatable {
    /// One column of the design.
    package enum Column: Sendable, Hashable {
        case intercept
        case x
        /// 1 when covariate `axis` equals `level`, else 0.
        case indicator(axis: Int, level: String)
    }

    /// The kept columns; `columns[0] == .intercept`, `columns[1] == .x`.
    package let columns: [Column]
    /// Each axis's levels in order of first appearance (the first is the reference).
    package let axisLevels: [[String]]
    /// The distinct covariate combinations present, in order of first appearance.
    package let combinations: [[String]]
    /// The smallest and largest x in the data.
    package let xRange: ClosedRange<Double>

    /// Index of the slope β_x among the coefficients.
    package static let slopeIndex = 1

    /// Builds the design for the given distinct points. Nil when fewer than two distinct x
    /// values exist or x is aliased with the covariates (slope not estimable).
    init?(points: [TrendPoints.Key]) {
        guard let first = points.first else { return nil }
        let axisCount = first.covariates.count
        var levels = [[String]](repeating: [], count: axisCount)
        var combinations: [[String]] = []
        var seenCombinations: Set<[String]> = []
        for point in points {
            for (axis, label) in point.covariates.enumerated() where !levels[axis].contains(label) {
                levels[axis].append(label)
            }
            if seenCombinations.insert(point.covariates).inserted {
                combinations.append(point.covariates)
            }
        }
        let xs = points.map(\.x)
        guard let xMin = xs.min(), let xMax = xs.max(), xMin < xMax else { return nil }

        var candidates: [Column] = [.intercept, .x]
        for (axis, axisLevels) in levels.enumerated() {
            for level in axisLevels.dropFirst() { candidates.append(.indicator(axis: axis, level: level)) }
        }
        let values = points.map { point in candidates.map { Self.value(of: $0, x: point.x, covariates: point.covariates) } }
        var kept: [Int] = []
        for c in candidates.indices {
            let trial = kept + [c]
            let gram = trial.map { i in trial.map { j in values.reduce(0) { $0 + $1[i] * $1[j] } } }
            if CholeskyFactorization(gram) != nil { kept.append(c) }
        }
        guard kept.starts(with: [0, 1]) else { return nil }

        self.columns = kept.map { candidates[$0] }
        self.axisLevels = levels
        self.combinations = combinations
        self.xRange = xMin...xMax
    }

    /// The design row z(x, covariates), or nil when a label is not a known level of its axis
    /// or the number of labels is wrong. O(k).
    package func row(x: Double, covariates: [String]) -> [Double]? {
        guard covariates.count == axisLevels.count else { return nil }
        for (axis, label) in covariates.enumerated() where !axisLevels[axis].contains(label) {
            return nil
        }
        return columns.map { Self.value(of: $0, x: x, covariates: covariates) }
    }

    private static func value(of column: Column, x: Double, covariates: [String]) -> Double {
        switch column {
        case .intercept: return 1
        case .x: return x
        case let .indicator(axis, level): return covariates[axis] == level ? 1 : 0
        }
    }
}
