@testable import MesaLanguage
import MesaScenario
import Testing

/// Analyzes `bytes`, checking that it finishes within `seconds` and that every diagnostic has a
/// valid position; returns the diagnostics.
@discardableResult
func analyzeHostile(_ bytes: [UInt8], within seconds: Double = 20,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DiagnosticList {
    let clock = ContinuousClock()
    var analysis: ScenarioCompiler.Analysis?
    let elapsed = clock.measure {
        analysis = ScenarioCompiler.analyze(source: bytes, path: "h.mesa")
    }
    #expect(elapsed < .seconds(seconds), sourceLocation: sourceLocation)
    let list = analysis!.diagnostics
    if analysis!.scenario == nil {
        #expect(list.hasErrors, "rejected without an error", sourceLocation: sourceLocation)
    }
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for diagnostic in list.diagnostics {
        expectValid(diagnostic.range, lines: lineCount, bytes: bytes.count, sourceLocation: sourceLocation)
        for note in diagnostic.notes {
            if let range = note.range { expectValid(range, lines: lineCount, bytes: bytes.count, sourceLocation: sourceLocation) }
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let output = list.rendered(path: "h.mesa", source: text, limit: 50)
    #expect(output.utf8.count < 100_000, "rendered output too long", sourceLocation: sourceLocation)
    return list
}

private func expectValid(_ range: SourceRange, lines: Int, bytes: Int, sourceLocation: Testing.SourceLocation) {
    let ok = range.start.line >= 1 && range.start.line <= lines && range.start.column >= 1
        && range.start.offset >= 0 && range.start.offset <= bytes && range.end.offset >= range.start.offset
        && range.end.offset <= bytes && range.end.line >= range.start.line
    #expect(ok, "invalid range \(range)", sourceLocation: sourceLocation)
}

@Suite struct HostileInputTests {
    @Test func emptyFile() {
        let list = analyzeHostile([])
        #expect(list.diagnostics.map(\.message) == [#"a scenario file starts with 'scenario "Title"', found an empty file"#])
        #expect(list.diagnostics.first?.range.start == SourcePosition(line: 1, column: 1, offset: 0))
    }

    @Test func nulBytes() {
        let list = analyzeHostile(Array("scenario \"T\"\nenvironment { }\n".utf8) + [0, 0, 0])
        #expect(list.errors.map(\.message) == ["unexpected characters U+0000 U+0000 U+0000"])
        #expect(list.errors.first?.range.start == SourcePosition(line: 3, column: 1, offset: 29))
    }

    @Test func invalidUTF8InATitleIsRepairedAndReported() {
        let bytes = Array("scenario \"A".utf8) + [0xE2, 0x28, 0xA1] + Array("\"\nenvironment { }".utf8)
        let list = analyzeHostile(bytes)
        #expect(list.errors.map(\.message) == ["invalid UTF-8", "invalid UTF-8"])
        #expect(list.errors.map(\.range.start.column) == [12, 14])
    }

    /// Columns are counted on the same repaired text the renderer echoes.
    @Test func decodingMatchesTheStandardLibraryRepair() {
        var state: UInt64 = 42
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...24)).map { _ -> UInt8 in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let byte = UInt8(truncatingIfNeeded: state >> 56)
                return byte < 0x60 ? byte % 0x80 : byte
            }
            let decoded = SourceText(bytes: bytes)
            #expect(decoded.scalars == Array(String(decoding: bytes, as: UTF8.self).unicodeScalars))
            #expect(decoded.byteOffsets.count == decoded.scalars.count + 1)
        }
    }

    /// A search dearer than any budget is a search never afforded: a small class, and no overflow
    /// converting 1e305 parameters to an integer on the way.
    @Test func unaffordableSearchIsNeitherAnOverflowNorALoop() {
        let list = analyzeHostile(Array(scenarioFile("environment { }\ntraining { optimizer exact }\nmodel { search_cost 1e305 * x^2; max_bits 30 }").utf8))
        #expect(list.errors.isEmpty)
        let relative = analyzeHostile(Array(scenarioFile("environment { }\ndeception { detector_cost 4 }\ntraining { optimizer exact }\nmodel { parameters k_fit + 2; search_cost 1e305 * x^2; max_bits 30 }").utf8))
        #expect(relative.errors.map(\.message) == ["a budget relative to 'k_fit' needs each world's K_fit, which only the exact decomposition finds, and here the class is too large to enumerate"])
    }

    @Test func infiniteWorkIsRefusedNotLooped() {
        let list = analyzeHostile(Array(scenarioFile("environment { maze 64 x 64; instances [99999, 100000] }\ntraining { steps 100000000 }").utf8))
        // The largest maze, pool and step count there are: 4.7 years, refused at once.
        #expect(list.errors.map(\.message) == ["the sweep's estimated work is 4.7 years of one core on the reference machine (2 points × 4 seeds), more than the limit of 24h00m"])
    }

    @Test(arguments: ["{", "}", "[", "]", "(", ")"])
    func twentyThousandNestedDelimiters(_ delimiter: String) {
        let deep = String(repeating: delimiter, count: 20_000)
        analyzeHostile(Array("scenario \"T\"\n\(deep)\n".utf8))
        analyzeHostile(Array("scenario \"T\"\nanalytic { cost \(deep) }\n".utf8))
        analyzeHostile(Array("scenario \"T\"\nanalytic { cost [\(deep)] }\nenvironment { }".utf8))
    }

    @Test func deeplyNestedExpressionIsRefusedWithADiagnostic() {
        let deep = String(repeating: "(", count: 20_000) + "x" + String(repeating: ")", count: 20_000)
        let list = analyzeHostile(Array("scenario \"T\"\nanalytic { cost \(deep) }\n".utf8))
        #expect(list.errors.map(\.message) == ["expression nested too deeply (more than 64 levels)"])
        let minus = String(repeating: "-", count: 20_000) + "x"
        #expect(analyzeHostile(Array("scenario \"T\"\nanalytic { cost \(minus) }\n".utf8)).hasErrors)
        let powers = Array(repeating: "x", count: 20_000).joined(separator: "^")
        #expect(analyzeHostile(Array("scenario \"T\"\nanalytic { cost \(powers) }\n".utf8)).hasErrors)
    }

    @Test func oneMegabyteLine() {
        let long = Array(repeating: "x", count: 500_000).joined(separator: "+")
        let list = analyzeHostile(Array("scenario \"T\"\nanalytic { cost \(long) }\n".utf8))
        #expect(list.errors.map(\.message) == ["expression too long (more than 256 operations deep)"])
        let garbage = String(repeating: "@", count: 1_000_000)
        let garbageList = analyzeHostile(Array("scenario \"T\"\n\(garbage)\nenvironment { }".utf8))
        #expect(garbageList.errors.map(\.message) == ["unexpected characters '@' '@' '@' '@' '@' …"])
        let values = String(repeating: "1 ", count: 500_000)
        #expect(analyzeHostile(Array("scenario \"T\"\nenvironment { instances \(values) }".utf8)).hasErrors)
    }

    @Test func thousandsOfErrorsAreCapped() {
        let body = (0..<5000).map { "  key\($0) 1" }.joined(separator: "\n")
        let list = analyzeHostile(Array(scenarioFile("environment {\n\(body)\n}").utf8))
        #expect(list.errors.count == DiagnosticCollector.errorLimit)
        #expect(list.errors.last?.message == "too many errors; stopped checking here")
        let soup = String(repeating: "] ", count: 50_000)
        #expect(analyzeHostile(Array(scenarioFile("environment { \(soup) }").utf8)).errors.count <= DiagnosticCollector.errorLimit)
    }

    @Test func hugeSweepsAreRefusedNotEnumerated() {
        let list = analyzeHostile(Array(scenarioFile("""
            environment { instances 1 ... 100000 step 1; loops 0 ... 1 step 0.0001 }
            model { parameters 1 ... 100000 step 1 }
            """).utf8), within: 60)
        #expect(list.errors.map(\.message) == [
            "the sweep has 1e14 points × 4 seeds = 4e14 runs, more than can be enumerated (1e9 points)",
        ])
        let tooMany = analyzeHostile(Array(scenarioFile("environment { loops 0 ... 1 step 1e-9 }").utf8))
        #expect(tooMany.errors.map(\.message) == ["range has more than 100000 values"])
    }
}
