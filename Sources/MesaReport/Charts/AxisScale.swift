import Foundation

/// Maps data values to pixel positions along one axis, and chooses the ticks.
package struct AxisScale: Sendable, Hashable {
    /// Linear or base-10 logarithmic spacing.
    package enum Kind: Sendable, Hashable {
        case linear
        case log10
    }

    package var kind: Kind
    /// The data interval the axis spans.
    package var lower: Double
    package var upper: Double
    /// Pixel positions of `lower` and `upper` (for a y axis `start` is the bottom).
    package var start: Double
    package var end: Double
    /// Values at which ticks and grid lines are drawn.
    package var ticks: [Double]

    /// A linear axis over `values`, widened to round tick values ("nice" steps of 1, 2, 5 × 10ᵏ).
    /// `fixed` replaces the data extent (e.g. `0...1` for shares).
    package static func linear(
        covering values: [Double], includingZero: Bool = false, fixed: ClosedRange<Double>? = nil,
        from start: Double, to end: Double
    ) -> AxisScale {
        let finite = values.filter(\.isFinite)
        var low = fixed?.lowerBound ?? finite.min() ?? 0
        var high = fixed?.upperBound ?? finite.max() ?? 1
        if includingZero { low = min(low, 0); high = max(high, 0) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = niceStep(for: (high - low) / 5)
        if fixed == nil {
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
        }
        var ticks: [Double] = []
        var index = (low / step).rounded(.up)
        while index * step <= high + step * 1e-9 {
            // Multiplying an integer index avoids the drift of repeated addition.
            let tick = index * step
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            index += 1
        }
        return AxisScale(kind: .linear, lower: low, upper: high, start: start, end: end, ticks: ticks)
    }

    /// A log₁₀ axis over the positive `values`, spanning exactly their extent; ticks at powers of
    /// ten, with 2× and 5× steps added when the span has fewer than three of them.
    package static func log10(covering values: [Double], from start: Double, to end: Double) -> AxisScale {
        let positive = values.filter { $0.isFinite && $0 > 0 }
        var low = positive.min() ?? 1
        var high = positive.max() ?? 10
        if low == high {
            low /= 10
            high *= 10
        }
        let firstExponent = Int(Foundation.log10(low).rounded(.down))
        let lastExponent = Int(Foundation.log10(high).rounded(.up))
        let decades = (firstExponent...lastExponent).map { exponent in pow(10, Double(exponent)) }
        let tolerance: Double = 1e-12
        let smallest: Double = low * (1 - tolerance)
        let largest: Double = high * (1 + tolerance)
        var ticks = decades.filter { (tick: Double) -> Bool in tick >= smallest && tick <= largest }
        if ticks.count < 3 {
            let steps: [Double] = decades.flatMap { (decade: Double) -> [Double] in [decade, 2 * decade, 5 * decade] }
            ticks = steps.filter { (tick: Double) -> Bool in tick >= smallest && tick <= largest }
        }
        return AxisScale(kind: .log10, lower: low, upper: high, start: start, end: end, ticks: ticks)
    }

    /// The pixel position of `value` (values outside the domain extrapolate).
    package func position(_ value: Double) -> Double {
        let fraction: Double
        switch kind {
        case .linear:
            fraction = (value - lower) / (upper - lower)
        case .log10:
            let logLower = Foundation.log10(lower)
            fraction = (Foundation.log10(value) - logLower) / (Foundation.log10(upper) - logLower)
        }
        return start + fraction * (end - start)
    }

    /// Whether `value` can be drawn on this axis (log axes cannot show zero or negatives).
    package func canPlot(_ value: Double) -> Bool {
        value.isFinite && (kind == .linear || value > 0)
    }

    /// The step among 1, 2, 5 × 10ᵏ closest above `rough`.
    private static func niceStep(for rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, Foundation.log10(rough).rounded(.down))
        let normalized = rough / magnitude
        let nice: Double = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10
        return nice * magnitude
    }
}
