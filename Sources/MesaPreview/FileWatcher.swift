import Foundation

/// Notices edits to the scenario files and the templates folder by polling (docs/preview.md):
/// every file's size, modification time and contents' hash, compared with the last look. Polling
/// works the same on every file system, network mounts included, at a cost of reading a few small
/// files a few times a second; an edit is seen within one interval, however fast the editor saves.
public struct FileWatcher: Sendable {
    /// Files watched directly (the scenario files), and folders whose files are watched (templates).
    public var files: [URL]
    public var folders: [URL]
    private var last: [String: Int] = [:]

    public init(files: [URL], folders: [URL]) {
        self.files = files
        self.folders = folders
        last = snapshot()
    }

    /// Whether anything changed since the last call (or since the watcher was made).
    public mutating func changed() -> Bool {
        let now = snapshot()
        defer { last = now }
        return now != last
    }

    /// Path → a hash of the file's contents (absent files are absent).
    func snapshot() -> [String: Int] {
        var result: [String: Int] = [:]
        var all = files
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            all += names.sorted().map { folder.appendingPathComponent($0) }
        }
        for file in all {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            var hasher = Hasher()
            hasher.combine(data)
            result[file.path] = hasher.finalize()
        }
        return result
    }
}
