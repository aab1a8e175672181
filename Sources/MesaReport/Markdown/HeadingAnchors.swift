/// One line of a page's table of contents.
package struct TableOfContentsEntry: Sendable, Hashable {
    /// Heading level, 1–6.
    package var level: Int
    /// The heading as plain text (not escaped).
    package var text: String
    /// The element id the entry links to.
    package var id: String
}

/// Hands out stable, unique element ids: the same headings in the same order always get the same
/// ids, so links into a report survive a rerender.
package struct AnchorAllocator: Sendable {
    private var used: Set<String>

    /// - Parameter reserved: ids the page template uses itself.
    package init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A GitHub-style slug of `text` (lowercase ASCII letters, digits and hyphens), made unique
    /// by a numeric suffix.
    package mutating func allocate(for text: String, prefix: String = "") -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        let base = prefix + (slug.isEmpty ? "section" : slug)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Gives every `<h1>`…`<h6>` of cmark-gfm's output an id and records it for the table of contents.
/// cmark writes headings as bare `<hN>` tags (no attributes without source positions), which is
/// the only form matched here.
package func addingHeadingAnchors(
    to html: String, allocator: inout AnchorAllocator, contents: inout [TableOfContentsEntry]
) -> String {
    var result = ""
    result.reserveCapacity(html.utf8.count + 64)
    var rest = html[...]
    while let open = rest.range(of: "<h") {
        let afterH = open.upperBound
        guard afterH < rest.endIndex, let level = rest[afterH].wholeNumberValue, (1...6).contains(level),
              rest.index(after: afterH) < rest.endIndex, rest[rest.index(after: afterH)] == ">"
        else {
            result += rest[..<afterH]
            rest = rest[afterH...]
            continue
        }
        let innerStart = rest.index(afterH, offsetBy: 2)
        let closingTag = "</h\(level)>"
        guard let close = rest[innerStart...].range(of: closingTag) else { break }
        let inner = rest[innerStart..<close.lowerBound]
        let text = plainText(ofHTML: String(inner))
        let id = allocator.allocate(for: text)
        contents.append(TableOfContentsEntry(level: level, text: text, id: id))
        result += rest[..<open.lowerBound]
        result += "<h\(level) id=\"\(id)\">\(inner)\(closingTag)"
        rest = rest[close.upperBound...]
    }
    result += rest
    return result
}

/// The text of an HTML fragment produced by cmark: tags dropped, cmark's entities decoded.
private func plainText(ofHTML html: String) -> String {
    var text = ""
    var insideTag = false
    for character in html {
        if character == "<" {
            insideTag = true
        } else if character == ">" && insideTag {
            insideTag = false
        } else if !insideTag {
            text.append(character)
        }
    }
    return text.cmarkEntitiesDecoded
}
