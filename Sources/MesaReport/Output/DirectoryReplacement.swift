import Foundation

/// Replaces a folder as a whole: the new content is built in a hidden staging sibling, then moved
/// into place by `rename(2)`, so readers see the old folder or the new one, never a mix, and a
/// failed or interrupted build leaves the old folder untouched.
///
/// The swap takes two renames (old → backup, staging → final); if the process dies between
/// them, the next replacement of the same folder restores the backup first.
enum DirectoryReplacement {
    /// Builds `destination` afresh with `populate` (which writes into the folder it is given).
    static func replace(_ destination: URL, populate: (URL) throws -> Void) throws {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        try createDirectory(parent)
        restoreInterruptedSwap(of: destination)

        let suffix = "\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".staging-\(suffix)")
        let backup = parent.appendingPathComponent(".previous-\(suffix)")
        try createDirectory(staging)
        do {
            try populate(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }

        let hadPrevious = fileManager.fileExists(atPath: destination.path)
        if hadPrevious {
            do {
                try rename(destination, to: backup)
            } catch {
                try? fileManager.removeItem(at: staging)
                throw error
            }
        }
        do {
            try rename(staging, to: destination)
        } catch {
            if hadPrevious { try? rename(backup, to: destination) }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        if hadPrevious { try? fileManager.removeItem(at: backup) }
    }

    /// Writes one file atomically: a temporary sibling, then a rename over the target.
    static func writeFile(_ data: Data, to destination: URL) throws {
        let temporary = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try data.write(to: temporary)
            try rename(temporary, to: destination)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error as? ReportError ?? ReportError.fileSystem(path: destination.path, message: error.localizedDescription)
        }
    }

    /// If a previous replacement died after moving the old folder aside, puts it back.
    private static func restoreInterruptedSwap(of destination: URL) {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: destination.path) else { return }
        let parent = destination.deletingLastPathComponent()
        let prefix = ".previous-\(destination.lastPathComponent)-"
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        if let backup = names.filter({ $0.hasPrefix(prefix) }).sorted().first {
            try? rename(parent.appendingPathComponent(backup), to: destination)
        }
    }

    static func createDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ReportError.fileSystem(path: url.path, message: "cannot create folder (\(error.localizedDescription))")
        }
    }

    private static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw ReportError.fileSystem(path: destination.path, message: "cannot move \(source.lastPathComponent) into place (\(reason))")
        }
    }
}
