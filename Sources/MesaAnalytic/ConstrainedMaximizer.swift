/// Maximises a one-variable objective over the points of [lower, upper] that a feasibility
/// predicate accepts, for objectives and constraints of any shape (non-monotone, with gaps).
///
/// Method: evaluate a uniform grid of `gridIntervals + 1` points (both ends included); locate
/// every change of feasibility between neighbouring grid points by bisection to adjacent
/// doubles, keeping the feasible end; refine the best grid-local maxima (up to
/// `refinedMaxima` of them) by golden-section search on the bracket formed by their
/// neighbours (or the located boundaries), sharpened by bisection on the sign of the
/// central-difference slope; then compare the refined points with the interval's
/// ends and the boundaries. Ties within `1e-12` of the terms' magnitude go to the smaller x.
///
/// A feasible island narrower than one grid step with no feasible grid point in it can be
/// missed; every other maximum is found to about 1e-10 relative accuracy in x on a smooth
/// maximum (golden section alone stops near √ε ≈ 1e-8), to the last bit at a boundary.
///
/// Complexity: O(gridIntervals + refinedMaxima · log(1/ε)) objective evaluations (about
/// 4097 + 8 · 250).
struct ConstrainedMaximizer {
    /// The objective's value at x, and the magnitude of the terms it was computed from (used
    /// to decide when two values are equal up to rounding).
    typealias Objective = (Double) -> (value: Double, scale: Double)

    var lower: Double
    var upper: Double
    var gridIntervals = 4096
    var refinedMaxima = 8
    var objective: Objective
    var isFeasible: (Double) -> Bool

    /// The maximiser found.
    struct Result {
        var x: Double
        var value: Double
        /// The largest feasible x seen (an end, a grid point or a located boundary).
        var largestFeasible: Double
    }

    private struct Candidate {
        var x: Double
        var value: Double
        var scale: Double
    }

    /// The maximiser, or `nil` when no grid point or boundary is feasible.
    func maximize() -> Result? {
        let count = gridIntervals + 1
        let width = upper - lower
        let xs = (0..<count).map { i in i == gridIntervals ? upper : lower + width * Double(i) / Double(gridIntervals) }
        let feasible = xs.map(isFeasible)
        let evaluated = xs.enumerated().map { i, x in feasible[i] ? evaluate(x) : Candidate(x: x, value: -.infinity, scale: 0) }

        // Boundaries between neighbouring grid points of different feasibility, by segment.
        var boundaries: [Int: Double] = [:]
        for i in 0..<gridIntervals where feasible[i] != feasible[i + 1] {
            boundaries[i] = feasibleEnd(from: feasible[i] ? xs[i] : xs[i + 1], to: feasible[i] ? xs[i + 1] : xs[i])
        }

        var candidates: [Candidate] = []
        if feasible[0] { candidates.append(evaluated[0]) }
        if feasible[gridIntervals] { candidates.append(evaluated[gridIntervals]) }
        for i in boundaries.keys.sorted() { candidates.append(evaluate(boundaries[i]!)) }

        let largestFeasible = ([xs.indices.last { feasible[$0] }.map { xs[$0] }] + boundaries.values.map { Optional($0) })
            .compactMap { $0 }.max()
        guard let largestFeasible else { return nil }

        for i in localMaxima(evaluated, feasible: feasible) {
            let left = i == 0 ? xs[i] : (feasible[i - 1] ? xs[i - 1] : boundaries[i - 1] ?? xs[i])
            let right = i == gridIntervals ? xs[i] : (feasible[i + 1] ? xs[i + 1] : boundaries[i] ?? xs[i])
            candidates.append(polish(goldenSection(left, right, start: evaluated[i]), within: left, right))
        }

        var best: Candidate?
        for candidate in candidates.sorted(by: { $0.x < $1.x }) {
            guard let current = best else { best = candidate; continue }
            let tolerance = 1e-12 * Swift.max(current.scale, candidate.scale)
            // Equal values at different x tie to the smaller x; two readings of the same x
            // (a refined point a few ulps short of a boundary) keep the better one.
            let sameX = abs(candidate.x - current.x) <= 1e-9 * Swift.max(abs(candidate.x), abs(current.x))
            if candidate.value > current.value + tolerance || (sameX && candidate.value > current.value) {
                best = candidate
            }
        }
        return best.map { Result(x: $0.x, value: $0.value, largestFeasible: largestFeasible) }
    }

    private func evaluate(_ x: Double) -> Candidate {
        guard isFeasible(x) else { return Candidate(x: x, value: -.infinity, scale: 0) }
        let (value, scale) = objective(x)
        return Candidate(x: x, value: value.isNaN ? -.infinity : value, scale: scale)
    }

    /// Bisection on the feasibility predicate between a feasible and an infeasible point, to
    /// adjacent doubles (at most 2000 halvings); returns the feasible end.
    private func feasibleEnd(from inside: Double, to outside: Double) -> Double {
        var inside = inside, outside = outside
        for _ in 0..<2000 {
            let middle = inside + (outside - inside) / 2
            if middle == inside || middle == outside { break }
            if isFeasible(middle) { inside = middle } else { outside = middle }
        }
        return inside
    }

    /// Indices of feasible grid points at least as high as their feasible neighbours, the
    /// highest `refinedMaxima` of them (ties to the smaller index).
    private func localMaxima(_ points: [Candidate], feasible: [Bool]) -> [Int] {
        let last = points.count - 1
        let maxima = points.indices.filter { i in
            feasible[i]
                && (i == 0 || !feasible[i - 1] || points[i].value >= points[i - 1].value)
                && (i == last || !feasible[i + 1] || points[i].value >= points[i + 1].value)
        }
        return Array(maxima.sorted { points[$0].value != points[$1].value ? points[$0].value > points[$1].value : $0 < $1 }
            .prefix(refinedMaxima))
    }

    /// Sharpens a smooth interior maximum past golden section's √ε limit: bisection on the
    /// sign of the central-difference slope (step ∛ε · scale, so its rounding error stays near
    /// ε^(2/3)) within 1e-6 · scale of `best`, inside [lower, upper]. Returns `best` unchanged
    /// when the slope does not change sign there, when a point is infeasible, or when the
    /// sharpened point is worse than `best` by more than rounding.
    private func polish(_ best: Candidate, within lower: Double, _ upper: Double) -> Candidate {
        let scale = Swift.max(abs(best.x), upper - lower)
        guard scale > 0 else { return best }
        let step = 6e-6 * scale
        func slope(_ x: Double) -> Double? {
            let right = evaluate(x + step).value, left = evaluate(x - step).value
            guard right.isFinite, left.isFinite else { return nil }
            return (right - left) / (2 * step)
        }
        var low = Swift.max(lower, best.x - 1e-6 * scale), high = Swift.min(upper, best.x + 1e-6 * scale)
        guard let lowSlope = slope(low), let highSlope = slope(high), lowSlope > 0, highSlope < 0 else { return best }
        for _ in 0..<200 {
            let middle = low + (high - low) / 2
            if middle == low || middle == high { break }
            guard let middleSlope = slope(middle) else { return best }
            if middleSlope > 0 { low = middle } else { high = middle }
        }
        let sharpened = evaluate(low + (high - low) / 2)
        return sharpened.value >= best.value - 1e-12 * Swift.max(best.scale, sharpened.scale) ? sharpened : best
    }

    /// Golden-section search for a maximum in [a, b], returning the best point evaluated
    /// (never worse than `start`).
    private func goldenSection(_ a: Double, _ b: Double, start: Candidate) -> Candidate {
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = a, b = b
        var best = start
        func consider(_ c: Candidate) { if c.value > best.value { best = c } }
        var c = evaluate(b - ratio * (b - a))
        var d = evaluate(a + ratio * (b - a))
        consider(c)
        consider(d)
        for _ in 0..<200 {
            if b - a <= 1e-15 * Swift.max(abs(a), abs(b)) + 1e-300 { break }
            if c.value >= d.value {
                b = d.x
                d = c
                c = evaluate(b - ratio * (b - a))
                consider(c)
            } else {
                a = c.x
                c = d
                d = evaluate(a + ratio * (b - a))
                consider(d)
            }
        }
        return best
    }
}
