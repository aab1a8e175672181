import Foundation
import MesaResults
import MesaScenario
import Testing

@testable import MesaAnalysis

@Suite("Analytic grid and findings")
struct AnalyticSolveTests {
    @Test("quadratic c = 1, P = 100: onset, crossover above 2√(cP/3) ≈ 11.55, saturation at 2√(cP) = 20")
    func quadraticCurve() {
        let spec = AnalyticSpec(powers: [100], costs: [Costs.quadratic(1)], maxBits: [20],
                                instances: [1, 2, 4, 8, 11.5, 11.6, 16, 19.9, 20, 32, 64, 128])
        let (rows, findings) = AnalyticModel.solve(spec)
        #expect(rows.count == 12)
        #expect(rows.map(\.N) == spec.instances)
        #expect(findings.onset_N == 1)
        #expect(findings.crossover_N == 11.6)
        #expect(findings.saturation_N == 20)
        #expect(findings.curves.count == 1)
        let atTen = AnalyticModel.solve(AnalyticSpec(powers: [100], costs: [Costs.quadratic(1)], maxBits: [20], instances: [10]))
        #expect(close(atTen.rows[0].x_star, 5))
        #expect(close(atTen.rows[0].J_star, 12.5))
        #expect(close(atTen.rows[0].tuning_share, 7.5))
        #expect(atTen.rows[0].mesa_share == atTen.rows[0].x_star)
        #expect(atTen.rows[0].cost == "1 * x^2")
    }

    @Test("rows run P × cost × x_max × N; the top-level findings are the first curve's")
    func gridOrder() {
        let spec = AnalyticSpec(powers: [100, 400], costs: [Costs.linear(4), Costs.quadratic(1)], maxBits: [5, 50],
                                instances: [1, 2, 8, 64])
        let (rows, findings) = AnalyticModel.solve(spec)
        #expect(rows.count == 2 * 2 * 2 * 4)
        #expect(rows[0].P == 100 && rows[0].cost == "4 * x" && rows[0].max_bits == 5 && rows[0].N == 1)
        #expect(rows[4].max_bits == 50)
        #expect(rows[8].cost == "1 * x^2")
        #expect(rows[16].P == 400)
        #expect(findings.curves.count == 8)
        // Linear c = 4: no search below N = 4, x* = min(P/c, x_max) = 5 above: onset at N = 8,
        // saturated there too; the tuning share (100 − 20)/N falls below 5 only at N = 64.
        #expect(findings.onset_N == 8 && findings.saturation_N == 8 && findings.crossover_N == 64)
        #expect(findings.curves[0] == AnalyticCurveFindings(P: 100, cost: "4 * x", max_bits: 5, onset_N: 8,
                                                            crossover_N: 64, saturation_N: 8))
    }

    @Test("no onset in the swept range gives nil findings")
    func noOnset() {
        let spec = AnalyticSpec(powers: [100], costs: [Costs.linear(64)], maxBits: [10], instances: [1, 2, 4, 8])
        let findings = AnalyticModel.solve(spec).findings
        #expect(findings.onset_N == nil && findings.crossover_N == nil && findings.saturation_N == nil)
    }
}
