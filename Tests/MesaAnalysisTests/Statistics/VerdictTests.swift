@testable import MesaAnalysis
import MesaResults
import Testing

@Suite("Verdict rules")
struct VerdictTests {
    func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower, upper: upper, level: 0.95)
    }

    @Test(arguments: [
        // (lower, upper, predicted, expected verdict, smallerThanMargin), margin 0.1
        (0.2, 0.5, Prediction.Direction.rises, Verdict.holds, false),
        (0.01, 0.05, .rises, .holds, true),            // real but smaller than the margin
        (0.01, 0.15, .rises, .holds, false),
        (-0.5, -0.2, .rises, .doesNotHold, false),     // wholly on the other side
        (-0.05, 0.05, .rises, .doesNotHold, false),    // contains 0, inside (−m, m)
        (0, 0, .rises, .doesNotHold, false),           // zero-width at 0
        (-0.05, 0.2, .rises, .notShown, false),
        (-0.2, 0.05, .rises, .notShown, false),
        (0, 0.05, .rises, .doesNotHold, false),        // touches 0: not wholly above it
        (-0.5, -0.2, .falls, .holds, false),
        (-0.05, -0.01, .falls, .holds, true),
        (0.2, 0.5, .falls, .doesNotHold, false),
        (-0.05, 0.05, .falls, .doesNotHold, false),
        (-0.3, 0.05, .falls, .notShown, false),
        (-.infinity, 0.5, .rises, .notShown, false),
        (.nan, 0.5, .rises, .notShown, false),
    ])
    func direction(lower: Double, upper: Double, predicted: Prediction.Direction, expected: Verdict, small: Bool) {
        let result = VerdictRule.direction(interval(lower, upper), predicted: predicted, margin: 0.1)
        #expect(result.verdict == expected)
        #expect(result.smallerThanMargin == small)
    }

    @Test func level() {
        #expect(VerdictRule.level(interval(0.1, 0.2), bound: .atMost, value: 0.25) == .holds)
        #expect(VerdictRule.level(interval(0.3, 0.4), bound: .atMost, value: 0.25) == .doesNotHold)
        #expect(VerdictRule.level(interval(0.2, 0.3), bound: .atMost, value: 0.25) == .notShown)
        #expect(VerdictRule.level(interval(0.1, 0.25), bound: .atMost, value: 0.25) == .notShown)
        #expect(VerdictRule.level(interval(0.3, 0.4), bound: .atLeast, value: 0.25) == .holds)
        #expect(VerdictRule.level(interval(0.1, 0.2), bound: .atLeast, value: 0.25) == .doesNotHold)
        #expect(VerdictRule.level(interval(0.2, 0.3), bound: .atLeast, value: 0.25) == .notShown)
        #expect(VerdictRule.level(interval(2, .infinity), bound: .atLeast, value: 1) == .holds)
    }
}
