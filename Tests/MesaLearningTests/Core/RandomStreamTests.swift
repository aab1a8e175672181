@testable import MesaLearning
import Foundation
import Testing

/// The random streams against an independent Python implementation of SplitMix64, the stream
/// key hash, xoshiro256** and the ziggurat.
@Suite struct RandomStreamTests {
    /// Python: `key(7, 3, 11)` with `mix` applied to seed ^ "learning", label·φ, index·c₂.
    @Test("a stream key hashes (seed, label, index) as documented")
    func streamKey() {
        #expect(StreamKey(seed: 7, label: 3, index: 11).derivedSeed == 0xC7F9_A2FE_B8A4_0230)
        #expect(StreamKey(seed: 7, label: 3, index: 12).derivedSeed != StreamKey(seed: 7, label: 3, index: 11).derivedSeed)
        #expect(StreamKey(seed: 7, label: 4, index: 11).derivedSeed != StreamKey(seed: 7, label: 3, index: 11).derivedSeed)
    }

    @Test("xoshiro256** seeded by SplitMix64 gives the reference outputs")
    func xoshiro() {
        var stream = RandomStream(StreamKey(seed: 7, label: 3, index: 11))
        let expected: [UInt64] = [0xFF01_3D73_01B9_40B7, 0x5C75_E958_B520_61B2, 0xF580_E344_1E10_C426, 0x6CD8_DAEC_CA0D_0E02]
        #expect((0..<4).map { _ in stream.next() } == expected)
    }

    /// Python, the same ziggurat with `math.exp`/`math.log` tables (so agreement to rounding,
    /// and the same accept/reject path: the next raw draw matches exactly).
    @Test("ziggurat draws equal the Python reference")
    func ziggurat() {
        var stream = RandomStream(StreamKey(seed: 7, label: 3, index: 11))
        let expected = [1.6449329239840373, 1.7609522265178628, -0.48227699159833753,
                        0.615735969997315, 0.43579308868814015, -2.288950017279287]
        for reference in expected { #expect(abs(stream.gaussian() - reference) < 1e-14) }
        #expect(stream.next() == 0x30C9_5594_71BA_03F6)
        var many = RandomStream(seed: 12345)
        var sum = 0.0
        for _ in 0..<100_000 { sum += many.gaussian() }
        #expect(abs(sum - 0x1.fb9568fc6c904p+7) < 1e-9, "100,000 draws, wedges and tails included")
    }

    @Test("fillGaussian is gaussian() in order")
    func fill() {
        var stream = RandomStream(seed: 99), mirror = stream
        var values: [Double] = []
        stream.fillGaussian(count: 7) { i, v in #expect(i == values.count); values.append(v) }
        #expect(values == (0..<7).map { _ in mirror.gaussian() })
        #expect(stream.next() == mirror.next())
    }

    /// Kolmogorov–Smirnov against Φ: the 1% critical value of D is 1.63/√n.
    @Test("Gaussian draws pass Kolmogorov–Smirnov, and the tail beyond R has its mass")
    func distribution() {
        var stream = RandomStream(seed: 31)
        let n = 200_000
        var values = [Double](repeating: 0, count: n)
        stream.fillGaussian(count: n) { i, v in values[i] = v }
        values.sort()
        var d = 0.0
        for (i, v) in values.enumerated() {
            let cdf = 0.5 * erfc(-v / 2.0.squareRoot())
            d = max(d, abs(cdf - Double(i) / Double(n)), abs(cdf - Double(i + 1) / Double(n)))
        }
        #expect(d < 1.63 / Double(n).squareRoot(), "D = \(d)")
        // P(|z| > R) = erfc(R/√2) ≈ 5.76e-4: 115 expected in 200,000, sd ≈ 10.7.
        let beyond = values.filter { abs($0) > Ziggurat.r }.count
        #expect(abs(Double(beyond) - erfc(Ziggurat.r / 2.0.squareRoot()) * Double(n)) < 45)
    }

    @Test("Gaussian draws have mean 0 and variance 1 (200,000 draws, 5 standard errors)")
    func moments() {
        var stream = RandomStream(seed: 2026)
        let n = 200_000
        var sum = 0.0, squares = 0.0, fourth = 0.0
        stream.fillGaussian(count: n) { _, v in sum += v; squares += v * v; fourth += v * v * v * v }
        let mean = sum / Double(n), variance = squares / Double(n) - mean * mean
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 5 * 2.0.squareRoot() / Double(n).squareRoot())
        #expect(abs(fourth / Double(n) - 3) < 5 * 96.0.squareRoot() / Double(n).squareRoot(), "kurtosis of a normal")
    }

    @Test("uniform indices stay in range and cover it evenly")
    func indices() {
        var stream = RandomStream(seed: 5)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[stream.below(7)] += 1 }
        // Each count is Binomial(70000, 1/7): mean 10000, sd ≈ 92.6.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
    }
}
