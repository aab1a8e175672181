import Foundation

/// Maps a request path to a file inside the reports folder, and nothing outside it (docs/preview.md):
/// a path with a `..` or `.` segment, a NUL, a backslash or an encoded slash is refused, and the
/// file the path names must still lie inside the folder after every symbolic link is resolved, so a
/// link out of the folder serves nothing.
public struct PreviewPaths: Sendable {
    /// The reports folder, its symbolic links resolved.
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The file to serve for `requestPath` (`/`, `/slug/`, `/slug/index.html`), or nil.
    public func file(for requestPath: String) -> URL? {
        let raw = requestPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard raw.hasPrefix("/"), !raw.contains("\\"), !raw.lowercased().contains("%2f"), !raw.lowercased().contains("%5c"),
              let decoded = raw.removingPercentEncoding, !decoded.contains("\0")
        else { return nil }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        if decoded.hasSuffix("/") || segments.isEmpty { segments.append("index.html") }
        var url = root
        for segment in segments { url.appendPathComponent(segment) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL
        guard resolved.path.hasPrefix(root.path + "/"),
              FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        return resolved
    }

    /// The media type of a served file.
    public static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }
}
