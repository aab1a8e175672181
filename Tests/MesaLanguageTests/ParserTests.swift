@testable import MesaLanguage
import Testing

/// The parsed file and the diagnostics of lexing and parsing `text`.
func parse(_ text: String) -> (file: FileSyntax, diagnostics: [Diagnostic]) {
    var collector = DiagnosticCollector()
    let tokens = Lexer.tokenize(SourceText(bytes: Array(text.utf8)), diagnostics: &collector)
    var parser = Parser(tokens: tokens, diagnostics: collector)
    let file = parser.parseFile()
    return (file, parser.diagnostics.sorted)
}

/// The statements of the first block of `body` (after a header).
private func statements(_ body: String) -> [StatementSyntax] {
    let result = parse("scenario \"T\"\nb {\n\(body)\n}")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    guard case .block(let block)? = result.file.items.first else { return [] }
    return block.statements
}

@Suite struct ParserTests {
    @Test func fileStructure() {
        let result = parse(exampleSource)
        #expect(result.diagnostics.isEmpty)
        #expect(result.file.header?.title == "Diversity pays for search")
        let kinds = result.file.items.map { item -> String in
            switch item {
            case .prose: return "prose"
            case .block(let block): return block.name
            }
        }
        #expect(kinds == ["prose", "analytic", "environment", "deployment", "model", "training", "bias"])
    }

    @Test func multiValuedStatements() {
        let parsed = statements("styles heuristic, search\nproxy top_right 3")
        #expect(parsed.map(\.key) == ["styles", "proxy"])
        #expect(parsed[0].groups.map(\.count) == [1, 1])
        #expect(parsed[1].groups.map(\.count) == [2])
        #expect(parsed[1].values.compactMap { if case .scalar(let s) = $0 { return s.word } else { return nil } } == ["top_right"])
    }

    @Test func sizeVersusExpression() {
        let parsed = statements("maze 9 x 9\ncost 2 * x^2\nother x")
        guard case .scalar(let size) = parsed[0].values[0], case let .size(w, h) = size.kind else {
            Issue.record("maze is not a size"); return
        }
        #expect(w == 9 && h == 9)
        #expect(size.range.start.column == 6 && size.range.end.column == 11)
        guard case .scalar(let cost) = parsed[1].values[0], case .expression(let e) = cost.kind,
              case .binary(.multiply, _, _) = e.kind else {
            Issue.record("cost is not a product"); return
        }
        #expect(parsed[1].values.count == 1)
        #expect(parsed[2].values.count == 1)
    }

    @Test func rangesAndLists() {
        let parsed = statements("a 1 ... 1024 times 2\nb 0 ... 1 step 0.1\nc [1,\n  2, 3,\n]")
        guard case .range(let times) = parsed[0].values[0], case .range(let step) = parsed[1].values[0],
              case .list(let list, let listRange) = parsed[2].values[0] else {
            Issue.record("unexpected value shapes"); return
        }
        #expect(times.progression == .times)
        #expect(step.progression == .step)
        #expect(list.count == 3)
        #expect(listRange.start.line == 5 && listRange.end.line == 7)
        #expect(parsed[0].valuesRange.start.column == 3 && parsed[0].valuesRange.end.column == 21)
    }

    @Test func recoversAtStatementBoundaries() {
        let result = parse("scenario \"T\"\nb {\n  p 1 )\n  q ]\n  r 2\n}")
        #expect(result.diagnostics.map(\.message) == [
            "expected the end of the 'p' setting, found ')'", "missing value for 'q'",
        ])
        guard case .block(let block)? = result.file.items.first else { Issue.record("no block"); return }
        #expect(block.statements.map(\.key) == ["p", "q", "r"])
        #expect(block.statements.map(\.isMalformed) == [true, true, false])
    }

    @Test func unclosedBlockBeforeTheNextBlock() {
        let result = parse("scenario \"T\"\nmodel {\n  parameters 4\nbias { speed 1 }")
        #expect(result.diagnostics.map(\.message) == ["expected '}' before block 'bias': block 'model' is not closed"])
        #expect(result.diagnostics.first?.notes.first?.range?.start == SourcePosition(line: 2, column: 7, offset: 19))
        #expect(result.file.items.count == 2)
    }
}
