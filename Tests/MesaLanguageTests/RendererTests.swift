@testable import MesaLanguage
import MesaScenario
import Testing

private func rendered(_ text: String, limit: Int = 50) -> String {
    let list = ScenarioCompiler.analyze(source: Array(text.utf8), path: "scenarios/x.mesa").diagnostics
    return list.rendered(path: "scenarios/x.mesa", source: text, limit: limit)
}

@Suite struct RendererTests {
    @Test func compilerLayoutWithCaretAndNote() {
        let text = scenarioFile("environment {\n\tinstnces 4\n}")
        #expect(rendered(text) == """
            scenarios/x.mesa:3:2: error: unknown key 'instnces' in block 'environment'
             instnces 4
             ^~~~~~~~
            scenarios/x.mesa:3:2: note: did you mean 'instances'?

            """)
    }

    @Test func noteElsewhereInTheFile() {
        let text = scenarioFile("environment {\n  maze 9 x 9\n")
        #expect(rendered(text) == """
            scenarios/x.mesa:4:1: error: expected '}' at the end of block 'environment'

            ^
            scenarios/x.mesa:2:13: note: block 'environment' opened here

            """)
    }

    @Test func caretCountsScalarsNotBytes() {
        let text = "scenario \"Sélection\"\nenvironment { goal ailleurs }"
        #expect(rendered(text) == """
            scenarios/x.mesa:2:20: error: 'goal' expects one of 'anywhere', 'region', found 'ailleurs'
            environment { goal ailleurs }
                               ^~~~~~~~

            """)
    }

    @Test func limitCountsWhatIsHidden() {
        let body = (1...5).map { "  key\($0) 1" }.joined(separator: "\n")
        let output = rendered(scenarioFile("environment {\n\(body)\n}"), limit: 2)
        #expect(output.components(separatedBy: ": error: ").count == 3)
        #expect(output.hasSuffix("scenarios/x.mesa: and 3 more errors not shown\n"))
    }

    @Test func longLinesAreWindowedAroundTheCaret() {
        let padding = String(repeating: " ", count: 5000)
        let text = scenarioFile("environment { \(padding)loops 7 \(padding)}")
        let output = rendered(text)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "scenarios/x.mesa:2:5021: error: 'loops' must be from 0 to 1 (a probability), got 7")
        #expect(lines[1].count <= 120)
        #expect(lines[1].hasPrefix("...") && lines[1].hasSuffix("..."))
        // The caret sits under the 7 in the echoed window.
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let seven = lines[1].firstIndex(of: "7").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
        #expect(caret != nil && caret == seven)
    }

    @Test func controlCharactersAreNotEchoed() {
        let text = "scenario \"T\"\nenvironment { loops 2 }\u{1B}[31m\u{202E}"
        let output = rendered(text)
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("\u{202E}"))
        #expect(output.contains("environment { loops 2 }?[31m?"))
    }
}
