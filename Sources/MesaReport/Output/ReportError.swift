/// Why a report could not be written or re-rendered. The message names the file at fault.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The results' slug cannot name a folder (empty, hidden, or with characters other than
    /// letters, digits, `.`, `_` and `-`).
    case invalidSlug(String)
    /// A template does not parse as Mustache: where, and why.
    case invalidTemplate(path: String, line: Int, column: Int, message: String)
    /// The templates folder named does not exist.
    case missingTemplates(path: String)
    /// A stored `results.json` is missing or is not a results file.
    case unreadableResults(path: String, message: String)
    /// The file system refused an operation.
    case fileSystem(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidSlug(let slug):
            return "invalid report slug \"\(slug)\": use letters, digits, '.', '_' and '-', not starting with '.'"
        case let .invalidTemplate(path, line, column, message):
            return "\(path):\(line):\(column): error: \(message)"
        case .missingTemplates(let path):
            return "error: no templates folder at \(path)"
        case .unreadableResults(let path, let message):
            return "\(path): cannot read results: \(message)"
        case .fileSystem(let path, let message):
            return "\(path): \(message)"
        }
    }
}
