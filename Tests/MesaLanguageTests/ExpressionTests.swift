
@testable import MesaLanguage
import MesaScenario
import Testing

/// The expression `text` parses and resolves to, with the diagnostics of doing so.
private func expression(_ text: String) -> (Expression?, [Diagnostic]) {
    var collector = DiagnosticCollector()
    let tokens = Lexer.tokenize(SourceText(bytes: Array(text.utf8)), diagnostics: &collector)
    var parser = Parser(tokens: tokens, diagnostics: collector)
    guard let syntax = try? parser.parseExpression() else { return (nil, parser.diagnostics.sorted) }
    var diagnostics = parser.diagnostics
    if parser.current.kind != .endOfFile { diagnostics.error("trailing input", at: parser.current.range) }
    let lowered = ExpressionLowering.lower(syntax, setting: "cost", diagnostics: &diagnostics)
    return (lowered, diagnostics.sorted)
}

private func value(_ text: String, at x: Double = 0, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Double? {
    let (e, diagnostics) = expression(text)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return e?.evaluate(at: x)
}

@Suite struct ExpressionTests {
    @Test func precedence() {
        #expect(value("1 + 2 * 3") == 7)
        #expect(value("(1 + 2) * 3") == 9)
        #expect(value("2 * 3 ^ 2") == 18)
        #expect(value("1 + 8 / 4 - 1") == 2)
    }

    @Test func associativity() {
        #expect(value("10 - 4 - 3") == 3)
        #expect(value("64 / 4 / 2") == 8)
        #expect(value("2 ^ 3 ^ 2") == 512)
    }

    @Test func unaryMinus() {
        #expect(value("-x^2", at: 3) == -9)
        #expect(value("(-x)^2", at: 3) == 9)
        #expect(value("2^-1") == 0.5)
        #expect(value("--4") == 4)
        #expect(value("3 - -2") == 5)
    }

    @Test func functions() {
        #expect(value("log2(8)") == 3)
        #expect(value("ln(1)") == 0)
        #expect(value("exp(0)") == 1)
        #expect(value("sqrt(16)") == 4)
        #expect(value("min(x, 3)", at: 5) == 3)
        #expect(value("max(x, 3)", at: 5) == 5)
        #expect(value("16 * log2(1 + x)", at: 7) == 48)
        #expect(value("ln(exp(2))").map { abs($0 - 2) < 1e-15 } == true)
    }

    @Test func variable() {
        #expect(value("2 * x^2", at: 5) == 50)
        #expect(value("x", at: 1.5) == 1.5)
    }

    @Test func rendersCanonically() {
        #expect(expression("2 * x^2").0?.description == "2 * x^2")
        #expect(expression("(1 + x) * (x - 1)").0?.description == "(1 + x) * (x - 1)")
        #expect(expression("2 ^ (3 ^ 2)").0?.description == "2^3^2")
    }

    @Test func unknownNamesAndFunctions() {
        let (_, unknownName) = expression("2 * y")
        #expect(unknownName.map(\.message) == ["unknown name 'y' in the expression for 'cost'"])
        #expect(unknownName.first?.range.start.column == 5)
        let (_, unknownFunction) = expression("log3(x)")
        #expect(unknownFunction.map(\.message) == ["unknown function 'log3'"])
        #expect(unknownFunction.first?.notes.map(\.message) == ["did you mean 'log2'?", "the functions are log2, ln, exp, sqrt, min, max"])
        let (_, arity) = expression("min(x)")
        #expect(arity.map(\.message) == ["'min' takes 2 arguments, got 1"])
    }

    @Test func nestingIsCapped() {
        let deep = String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
        #expect(expression(deep).1.map(\.message) == ["expression nested too deeply (more than 64 levels)"])
        let shallow = String(repeating: "(", count: 60) + "x" + String(repeating: ")", count: 60)
        #expect(value(shallow, at: 2) == 2)
        let chain = Array(repeating: "x", count: 300).joined(separator: " + ")
        #expect(expression(chain).1.map(\.message) == ["expression too long (more than 256 operations deep)"])
    }
}
