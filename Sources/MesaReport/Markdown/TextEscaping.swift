import Foundation

/// Escaping of scenario text for the two output languages.
///
/// Everything a scenario author wrote (titles, setting values, captions, point values) goes
/// through one of these before it reaches a page; prose Markdown is the only exception and is
/// made safe by cmark-gfm instead.
extension String {
    /// The text with `& < > " '` replaced by entities, safe in HTML/SVG content and attributes.
    package var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The text as literal Markdown inline content: the characters that can start a tag, an
    /// entity, a link, emphasis, code, strikethrough, a heading's closing sequence or a table cell
    /// boundary are backslash-escaped, and line breaks become spaces. The result is meant to
    /// follow a line prefix (`# `, `- `, `| `), never to start a line itself.
    package var markdownEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            if character == "\n" || character == "\r" || character == "\r\n" {
                escaped.append(" ")
            } else if Self.markdownSpecials.contains(character) {
                escaped.append("\\")
                escaped.append(character)
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }

    private static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!"]

    /// Inverse of the entities cmark-gfm writes in text (`&amp; &lt; &gt; &quot;`), for plain text.
    package var cmarkEntitiesDecoded: String {
        replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension String {
    /// The text with its first character in upper case ("the share rises" → "The share rises").
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
