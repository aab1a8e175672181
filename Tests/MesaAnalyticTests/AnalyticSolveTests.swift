import Foundation
import MesaResults
import MesaScenario
import Testing

@testable import MesaAnalytic

@Suite("Analytic grid and findings")
struct AnalyticSolveTests {
    @Test("quadratic c = 1, P = 100: onset, crossover above 2√(cP/3) ≈ 11.55, saturation at 2√(cP) = 20")
    func quadraticCurve() {
        let spec = AnalyticSpec(powers: [100], costs: [Costs.quadratic(1)], maxBits: [20],
                                instances: [1, 2, 4, 8, 11.5, 11.6, 16, 19.9, 20, 32, 64, 128])
        let (rows, findings) = AnalyticModel.solve(spec)
        #expect(rows.count == 12)
        #expect(rows.map(\.instances) == spec.instances)
        #expect(findings.onset == 1)
        #expect(findings.crossover == 11.6)
        #expect(findings.saturation == 20)
        #expect(findings.curves.count == 1)
        let atTen = AnalyticModel.solve(AnalyticSpec(powers: [100], costs: [Costs.quadratic(1)], maxBits: [20], instances: [10]))
        #expect(close(atTen.rows[0].xStar, 5))
        #expect(close(atTen.rows[0].jStar, 12.5))
        #expect(close(atTen.rows[0].tuningShare, 7.5))
        #expect(atTen.rows[0].mesaShare == atTen.rows[0].xStar)
        #expect(atTen.rows[0].cost == "1 * x^2")
    }

    @Test("rows run P × cost × x_max × N; the top-level findings are the first curve's")
    func gridOrder() {
        let spec = AnalyticSpec(powers: [100, 400], costs: [Costs.linear(4), Costs.quadratic(1)], maxBits: [5, 50],
                                instances: [1, 2, 8, 64])
        let (rows, findings) = AnalyticModel.solve(spec)
        #expect(rows.count == 2 * 2 * 2 * 4)
        #expect(rows[0].power == 100 && rows[0].cost == "4 * x" && rows[0].maxBits == 5 && rows[0].instances == 1)
        #expect(rows[4].maxBits == 50)
        #expect(rows[8].cost == "1 * x^2")
        #expect(rows[16].power == 400)
        #expect(findings.curves.count == 8)
        // Linear c = 4: no search below N = 4, x* = min(P/c, x_max) = 5 above: onset at N = 8,
        // saturated there too; the tuning share (100 − 20)/N falls below 5 only at N = 64.
        #expect(findings.onset == 8 && findings.saturation == 8 && findings.crossover == 64)
        #expect(findings.curves[0] == AnalyticCurveFindings(power: 100, cost: "4 * x", maxBits: 5, onset: 8,
                                                            crossover: 64, saturation: 8))
    }

    @Test("no onset in the swept range gives nil findings")
    func noOnset() {
        let spec = AnalyticSpec(powers: [100], costs: [Costs.linear(64)], maxBits: [10], instances: [1, 2, 4, 8])
        let findings = AnalyticModel.solve(spec).findings
        #expect(findings.onset == nil && findings.crossover == nil && findings.saturation == nil)
    }
}
