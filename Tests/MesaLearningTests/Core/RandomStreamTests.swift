@testable import MesaLearning
import Testing

/// The random streams against an independent Python implementation of SplitMix64, the stream
/// key hash, xoshiro256** and Box–Muller (the script is in the comments of each test).
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

    @Test("Box–Muller pairs equal the reference bit for bit (same glibc)")
    func boxMuller() {
        var stream = RandomStream(StreamKey(seed: 7, label: 3, index: 11))
        var values: [Double] = []
        stream.fillGaussian(count: 6) { _, v in values.append(v) }
        #expect(values == [-2.1425714878201414, 2.5513630925452238, -2.2533452391192115,
                           1.1448581796019561, -0.9084286231877927, -1.1664194371213676])
        var single = RandomStream(StreamKey(seed: 7, label: 3, index: 11))
        #expect(single.gaussian() == -2.1425714878201414)
        #expect(single.gaussian() == -2.2533452391192115, "gaussian() drops the pair's second member")
    }

    @Test("an odd fill drops the last pair's second member")
    func oddFill() {
        var stream = RandomStream(seed: 99)
        var values: [Double] = []
        stream.fillGaussian(count: 3) { i, v in #expect(i == values.count); values.append(v) }
        var reference = RandomStream(seed: 99)
        let (a, b) = reference.gaussianPair(), (c, _) = reference.gaussianPair()
        #expect(values == [a, b, c])
        #expect(stream.next() == reference.next())
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
