import Foundation

/// A scenario file's identity as a report folder records it (`source_path`, docs/reports.md): its
/// path relative to the reports folder, so the same file gives the same text wherever the
/// checkout lies, and two files of one name in different folders differ.
enum SourcePath {
    /// `path` (relative to the working directory, or absolute) relative to `directory`.
    static func relative(_ path: String, to directory: URL) -> String {
        let file = components(of: URL(fileURLWithPath: path))
        let base = components(of: directory)
        var shared = 0
        while shared < min(file.count, base.count) && file[shared] == base[shared] { shared += 1 }
        let up = Array(repeating: "..", count: base.count - shared)
        return (up + file[shared...]).joined(separator: "/")
    }

    /// The file `recorded` names (a `source_path` of a report in `directory`), as a user would
    /// type it from the working directory: relative when it lies below it, absolute otherwise.
    static func display(_ recorded: String, in directory: URL) -> String {
        let file = URL(fileURLWithPath: recorded, relativeTo: directory).standardizedFileURL
        let here = components(of: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let parts = components(of: file)
        if parts.count > here.count, Array(parts.prefix(here.count)) == here {
            return parts.dropFirst(here.count).joined(separator: "/")
        }
        return file.path
    }

    /// The absolute, standardized path's components (no `.`, `..` or empty ones).
    private static func components(of url: URL) -> [String] {
        url.absoluteURL.standardizedFileURL.path.split(separator: "/").map(String.init)
    }
}
