@testable import MesaLanguage
import MesaScenario
import Testing

/// SplitMix64: a small seeded generator, so every run feeds the same inputs.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Tokens for soup and insertions: the language's own words and punctuation, and a few hostile ones.
private let fragments: [String] = [
    "scenario", "\"T\"", "analytic", "environment", "deployment", "model", "deception", "training", "bias",
    "{", "}", "[", "]", "(", ")", ",", "...", "+", "-", "*", "/", "^", ";", "\n", " ", "#", "\"\"\"", "\"",
    "x", "step", "times", "maze", "instances", "cost", "seeds", "proxy", "top_right", "styles", "heuristic",
    "search", "encoding", "indirect", "log2", "min", "9 x 9", "0", "1", "2.5", "1e-3", "1e999", "-7", "1024",
    "\0", "é", "\u{202E}", "\\", "@", "expect", "rises", "falls", "along", "at", "at_most", "at_least",
    "crossover", "mesa_optimizer",
]

private func mutate(_ base: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
    var bytes = base
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
        guard !bytes.isEmpty else { bytes = Array("x".utf8); continue }
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
        case 1: bytes[at] = UInt8.random(in: 0...255, using: &rng)
        case 2:
            let end = min(bytes.count, at + Int.random(in: 1...40, using: &rng))
            bytes.removeSubrange(at..<end)
        case 3:
            let end = min(bytes.count, at + Int.random(in: 1...60, using: &rng))
            bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
        default:
            let token = fragments.randomElement(using: &rng)!
            bytes.insert(contentsOf: Array(" \(token) ".utf8), at: at)
        }
    }
    return bytes
}

private func soup(using rng: inout SplitMix64) -> [UInt8] {
    let count = Int.random(in: 0...80, using: &rng)
    let words = (0..<count).map { _ in fragments.randomElement(using: &rng)! }
    let prefix = Bool.random(using: &rng) ? "scenario \"S\"\n" : ""
    return Array((prefix + words.joined(separator: " ")).utf8)
}

@Suite struct FuzzTests {
    /// 10,000 mutated and random inputs: no crash, bounded time, and every rejection explained
    /// by at least one error at a valid position.
    @Test func mutationsAndSoupNeverCrash() {
        var rng = SplitMix64(state: 0x5EED)
        let base = Array(exampleSource.utf8)
        var accepted = 0, rejected = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for round in 0..<10_000 {
                let input = round % 3 == 2 ? soup(using: &rng) : mutate(base, using: &rng)
                let list = analyzeHostile(input, within: 5)
                if list.hasErrors { rejected += 1 } else { accepted += 1 }
            }
        }
        #expect(elapsed < .seconds(300))
        // The mutations are mostly harmful but not always: both outcomes must occur.
        #expect(accepted > 100)
        #expect(rejected > 5_000)
    }

    /// The unmutated example passes through the same checks.
    @Test func baselineIsAccepted() {
        #expect(!analyzeHostile(Array(exampleSource.utf8)).hasErrors)
    }
}
