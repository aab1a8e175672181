@testable import MesaLanguage
import MesaScenario
import Testing

private func arithmetic(_ a: Double, _ b: Double, step: Double) -> [Double] {
    (try? RangeExpansion.arithmetic(first: a, last: b, step: step).get()) ?? []
}

private func geometric(_ a: Double, _ b: Double, factor: Double) -> [Double] {
    (try? RangeExpansion.geometric(first: a, last: b, factor: factor).get()) ?? []
}

@Suite struct RangeTests {
    @Test func tenthsEndExactlyAtOne() {
        let values = arithmetic(0, 1, step: 0.1)
        #expect(values.count == 11)
        #expect(values.last == 1)
        #expect(values[3] == 0.3)
        #expect(values == (0...10).map { Double($0) / 10 })
    }

    @Test func noDriftOverManySteps() {
        let values = arithmetic(0, 100, step: 0.01)
        #expect(values.count == 10_001)
        #expect(values == (0...10_000).map { Double($0) / 100 })
    }

    @Test func endIncludedOnlyWhenHit() {
        #expect(arithmetic(1, 10, step: 3) == [1, 4, 7, 10])
        #expect(arithmetic(1, 11, step: 3) == [1, 4, 7, 10])
        #expect(arithmetic(5, 5, step: 1) == [5])
        #expect(arithmetic(-1, 1, step: 0.5) == [-1, -0.5, 0, 0.5, 1])
    }

    @Test func nonDecimalStepStillEndsAtTheEnd() {
        let values = arithmetic(0, 1, step: 1.0 / 3)
        #expect(values.count == 4)
        #expect(values.last == 1)
    }

    @Test func powersOfTwo() {
        let values = geometric(1, 1024, factor: 2)
        #expect(values.count == 11)
        #expect(values == (0...10).map { Double(1 << $0) })
    }

    @Test func geometricEnds() {
        #expect(geometric(0.001, 1, factor: 10).count == 4)
        #expect(geometric(0.001, 1, factor: 10).last == 1)
        #expect(geometric(1, 1000, factor: 3) == [1, 3, 9, 27, 81, 243, 729])
    }

    @Test func emptyAndInvalidRanges() {
        #expect(RangeExpansion.arithmetic(first: 10, last: 1, step: 1) == .failure(.backwards(10, 1)))
        #expect(RangeExpansion.arithmetic(first: 0, last: 1, step: 0) == .failure(.nonPositiveStep(0)))
        #expect(RangeExpansion.arithmetic(first: 0, last: 1, step: -1) == .failure(.nonPositiveStep(-1)))
        #expect(RangeExpansion.geometric(first: 1, last: 8, factor: 1) == .failure(.factorTooSmall(1)))
        #expect(RangeExpansion.geometric(first: 0, last: 8, factor: 2) == .failure(.nonPositiveStart(0)))
        #expect(RangeExpansion.geometric(first: 8, last: 1, factor: 2) == .failure(.backwards(8, 1)))
        guard case .failure(.tooMany) = RangeExpansion.arithmetic(first: 0, last: 1e9, step: 1) else {
            Issue.record("a billion values accepted"); return
        }
    }

    @Test func rangeInAScenarioBecomesAnAxis() {
        let scenario = compiled(scenarioFile("environment { loops 0 ... 1 step 0.25 }\nmodel { parameters 64 ... 512 times 2 }"))
        #expect(scenario?.axes.map(\.key) == ["environment.loops", "model.parameters"])
        #expect(scenario?.axes.first?.values == [0, 0.25, 0.5, 0.75, 1].map(SettingValue.number))
        #expect(scenario?.axes.map(\.isGeometric) == [false, true])
        #expect(scenario?.axes.last?.values == [64, 128, 256, 512].map(SettingValue.number))
        #expect(scenario?.pointCount == 20)
    }
}
