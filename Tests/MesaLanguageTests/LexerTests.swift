@testable import MesaLanguage
import Testing

/// The tokens of `text` (without the final end of file) and the lexer's diagnostics.
private func lex(_ text: String) -> (kinds: [Token.Kind], tokens: [Token], diagnostics: [Diagnostic]) {
    lex(Array(text.utf8))
}

private func lex(_ bytes: [UInt8]) -> (kinds: [Token.Kind], tokens: [Token], diagnostics: [Diagnostic]) {
    var collector = DiagnosticCollector()
    let tokens = Lexer.tokenize(SourceText(bytes: bytes), diagnostics: &collector)
    #expect(tokens.last?.kind == .endOfFile)
    let body = Array(tokens.dropLast())
    return (body.map(\.kind), body, collector.sorted)
}

@Suite struct LexerTests {
    @Test func statementTokensAndComments() {
        let result = lex("maze 9 x 9   # the grid\ngoal anywhere; loops 0.25\n")
        #expect(result.kinds == [
            .identifier("maze"), .number(9), .identifier("x"), .number(9), .newline,
            .identifier("goal"), .identifier("anywhere"), .semicolon, .identifier("loops"), .number(0.25), .newline,
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func numberForms() {
        #expect(lex("12 0.05 1e-3 2E+2 7e2").kinds == [.number(12), .number(0.05), .number(0.001), .number(200), .number(700)])
        // A trailing 'e' without digits is not an exponent, and '1.' before '..' is not a decimal point.
        #expect(lex("1...5").kinds == [.number(1), .ellipsis, .number(5)])
        #expect(lex("9x9").kinds == [.number(9), .identifier("x"), .number(9)])
    }

    @Test func invalidNumbers() {
        let result = lex("12abc 1e999")
        #expect(result.diagnostics.map(\.message) == ["invalid number '12abc'", "number '1e999' is too large"])
        #expect(result.diagnostics.map(\.range.start.column) == [1, 7])
    }

    @Test func punctuation() {
        #expect(lex("{ } [ ] ( ) , ... + - * / ^").kinds == [
            .leftBrace, .rightBrace, .leftBracket, .rightBracket, .leftParen, .rightParen, .comma, .ellipsis,
            .plus, .minus, .star, .slash, .caret,
        ])
    }

    @Test func stringEscapes() {
        let result = lex(#""a \"quoted\" back\\slash\nnew""#)
        #expect(result.kinds == [.string("a \"quoted\" back\\slash\nnew")])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func unknownEscapeIsReported() {
        let result = lex(#""a\qb""#)
        #expect(result.kinds == [.string("ab")])
        #expect(result.diagnostics.map(\.message) == [#"unknown escape '\q' in string; use \" \\ \n or \t"#])
        #expect(result.diagnostics.first?.range.start.column == 3)
    }

    @Test func proseRemovesCommonIndentation() {
        let text = "\"\"\"\n    # Heading\n\n      indented more\n    back\n    \"\"\"\nx"
        let result = lex(text)
        #expect(result.kinds == [.prose("# Heading\n\n  indented more\nback"), .newline, .identifier("x")])
        // Lines inside the prose still count: `x` is on line 7.
        #expect(result.tokens.last?.range.start.line == 7)
    }

    @Test func proseOnOneLine() {
        #expect(lex(#""""Just *this*.""""#).kinds == [.prose("Just *this*.")])
    }

    @Test func positionsCountScalarsAndBytes() {
        // 'é' is one scalar and two bytes.
        let result = lex("\"é\" x\n  y")
        #expect(result.tokens[1].range.start == SourcePosition(line: 1, column: 5, offset: 5))
        #expect(result.tokens[3].range.start == SourcePosition(line: 2, column: 3, offset: 9))
        #expect(result.tokens[3].range.end == SourcePosition(line: 2, column: 4, offset: 10))
    }

    @Test func unexpectedCharactersMakeOneDiagnosticPerRun() {
        let result = lex("a @@@ b $")
        #expect(result.kinds == [.identifier("a"), .identifier("b")])
        #expect(result.diagnostics.map(\.message) == ["unexpected characters '@' '@' '@'", "unexpected character '$'"])
        #expect(result.diagnostics[0].range.start.column == 3)
        #expect(result.diagnostics[0].range.end.column == 6)
    }

    @Test func unterminatedStringStopsAtTheLineEnd() {
        let result = lex("\"abc\nnext")
        #expect(result.kinds == [.string("abc"), .newline, .identifier("next")])
        #expect(result.diagnostics.map(\.message) == [#"unterminated string; close it with '"' on the same line"#])
    }

    @Test func invalidUTF8IsReportedWhereItStands() {
        // 0xFF inside a comment, and 0xC3 (a truncated 'é') as a token.
        let bytes: [UInt8] = Array("a # ".utf8) + [0xFF] + Array("\nb ".utf8) + [0xC3] + Array(" c".utf8)
        let result = lex(bytes)
        #expect(result.kinds == [.identifier("a"), .newline, .identifier("b"), .identifier("c")])
        #expect(result.diagnostics.map(\.message) == ["invalid UTF-8", "invalid UTF-8"])
        #expect(result.diagnostics.map(\.range.start) == [
            SourcePosition(line: 1, column: 5, offset: 4), SourcePosition(line: 2, column: 3, offset: 8),
        ])
        #expect(result.tokens[3].range.start == SourcePosition(line: 2, column: 5, offset: 10))
    }
}
