/// "Did you mean" suggestions by Levenshtein distance, as swift-argument-parser does for options.
enum Suggestion {
    /// The edit distance between two words (insertions, deletions and substitutions cost 1).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The closest candidate within a distance that still looks like a typo, if any.
    static func closest(to word: String, among candidates: [String]) -> String? {
        guard word.unicodeScalars.count <= 64 else { return nil }
        let limit = max(1, min(3, word.unicodeScalars.count / 2))
        let ranked = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= limit }
        return ranked.min { $0.1 < $1.1 }?.0
    }

    /// A `did you mean 'x'?` note, when a candidate is close enough.
    static func note(for word: String, among candidates: [String]) -> [Diagnostic.Note] {
        closest(to: word, among: candidates).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
    }
}
