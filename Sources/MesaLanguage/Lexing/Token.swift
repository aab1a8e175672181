/// One lexical token with its place in the file.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case number(Double)
        case string(String)
        /// A `"""` block, common indentation already removed.
        case prose(String)
        case newline, semicolon
        case leftBrace, rightBrace, leftBracket, rightBracket, leftParen, rightParen
        case comma, ellipsis
        case plus, minus, star, slash, caret
        case endOfFile
    }

    var kind: Kind
    var range: SourceRange

    /// How the token is named in messages: `'{'`, `number 12`, `end of line`.
    var description: String {
        switch kind {
        case .identifier(let name): return "'\(name.count > 40 ? String(name.prefix(40)) + "…" : name)'"
        case .number: return "a number"
        case .string: return "a string"
        case .prose: return "a prose block"
        case .newline: return "end of line"
        case .semicolon: return "';'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .comma: return "','"
        case .ellipsis: return "'...'"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .caret: return "'^'"
        case .endOfFile: return "end of file"
        }
    }

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// A newline or `;`: the end of a statement.
    var isStatementSeparator: Bool { kind == .newline || kind == .semicolon }
}
