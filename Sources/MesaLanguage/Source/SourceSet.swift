/// The texts of one compilation: the scenario file (source 0) and each `--set` override's
/// statement (sources 1, 2, …). Ranges carry their text's number (`SourcePosition.source`).
struct SourceSet {
    var texts: [SourceText]

    /// The scenario file.
    var file: SourceText { texts[0] }

    /// The text of `range`, in whichever text it lies.
    func text(of range: SourceRange) -> String {
        let index = range.start.source
        return index < texts.count ? texts[index].text(of: range) : ""
    }
}
