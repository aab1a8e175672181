/// Why a report could not be written or re-rendered. The message names the file at fault.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The results' slug cannot name a folder (empty, hidden, or with characters other than
    /// letters, digits, `.`, `_` and `-`).
    case invalidSlug(String)
    /// A template in the templates directory does not parse as Mustache.
    case invalidTemplate(file: String, message: String)
    /// A stored `results.json` is missing or is not a results file.
    case unreadableResults(path: String, message: String)
    /// The file system refused an operation.
    case fileSystem(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidSlug(let slug):
            return "invalid report slug \"\(slug)\": use letters, digits, '.', '_' and '-', not starting with '.'"
        case .invalidTemplate(let file, let message):
            return "\(file): invalid template: \(message)"
        case .unreadableResults(let path, let message):
            return "\(path): cannot read results: \(message)"
        case .fileSystem(let path, let message):
            return "\(path): \(message)"
        }
    }
}
