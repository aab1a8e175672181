import Foundation

/// File-system-safe names for report folders.
enum Slug {
    static let maximumLength = 80

    /// Lowercase ASCII letters and digits, every other run of characters one `-`, trimmed;
    /// accents are folded first (`Sélection` → `selection`). Never empty: `scenario` instead.
    static func make(from title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isAlphanumeric = (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
            if isAlphanumeric {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
                if slug.count >= maximumLength { break }
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "scenario" : slug
    }
}
