import Foundation
import MesaEngine
import MesaResults

/// The run cache on disk (docs/cache.md): one file per run, written to a temporary name and
/// renamed into place, each holding a checksum of its contents.
///
/// Why files and not a database: a rename within one folder is atomic on local file systems and on
/// NFS, so concurrent writers — two `run`s on one machine, or a Slurm array on a cluster's shared
/// file system — never see or leave half an entry, and need no lock. SQLite's locking is unreliable
/// over NFS. Two writers of one key write the same bytes (equal keys give equal runs), so whichever
/// rename lands last changes nothing.
///
/// A file that is torn (a crash mid-write can leave one only under its temporary name, but a disk
/// can still lose blocks), fails its checksum, or holds another key is a miss: the run is simulated
/// again and the entry rewritten. Nothing in the cache is ever trusted unchecked.
///
/// Layout: `DIR/runs/ab/abcdef….run` (the key's SHA-256 in hex, fanned out by its first byte).
/// An entry is the line `mesascope-run-cache 2 <sha256 of the rest>`, then the key (64 hex
/// characters and a newline) and the run in `StoredRunCodec`'s binary form.
public struct RunCache: RunStore {
    /// The cache folder.
    public let directory: URL

    static let magic = "mesascope-run-cache 2"
    static let suffix = ".run"

    public init(directory: URL) {
        self.directory = directory
    }

    var runsDirectory: URL { directory.appendingPathComponent("runs", isDirectory: true) }

    func url(of key: RunKey) -> URL {
        runsDirectory.appendingPathComponent(String(key.hex.prefix(2)), isDirectory: true)
            .appendingPathComponent(key.hex + Self.suffix)
    }

    /// Whether an entry for `key` exists (unchecked: for estimates, not for reuse).
    public func contains(_ key: RunKey) -> Bool {
        FileManager.default.fileExists(atPath: url(of: key).path)
    }

    public func load(_ key: RunKey) -> StoredRun? {
        guard let data = FileManager.default.contents(atPath: url(of: key).path) else { return nil }
        return Self.decode(Array(data), key: key)
    }

    public func save(_ run: StoredRun, for key: RunKey) throws {
        let target = url(of: key)
        let folder = target.deletingLastPathComponent()
        if let reason = FileSystemReason.createDirectories(folder.path) {
            throw PipelineError.cache(path: folder.path, reason: reason)
        }
        let temporary = folder.appendingPathComponent(".\(key.hex).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        do {
            try Data(try Self.encode(run, key: key)).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PipelineError.cache(path: temporary.path, reason: FileSystemReason.text(error))
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PipelineError.cache(path: target.path, reason: reason)
        }
    }

    /// The entry's bytes: the header line with the checksum of the body, then the body (the key
    /// and the run).
    static func encode(_ run: StoredRun, key: RunKey) throws -> [UInt8] {
        let body = Array("\(key.hex)\n".utf8) + StoredRunCodec.encode(run)
        return Array("\(magic) \(SHA256.hex(body))\n".utf8) + body
    }

    /// The run in `bytes` if they are a whole, uncorrupted entry for `key`; nil otherwise.
    static func decode(_ bytes: [UInt8], key: RunKey) -> StoredRun? {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        let body = bytes[(newline + 1)...]
        let keyLine = Array("\(key.hex)\n".utf8)
        guard header == "\(magic) \(SHA256.hex(body))", body.starts(with: keyLine) else { return nil }
        return StoredRunCodec.decode(body.dropFirst(keyLine.count))
    }

    /// Entries and bytes in the cache (temporary files of writers in progress excluded).
    public func usage() -> (entries: Int, bytes: Int) {
        var entries = 0, bytes = 0
        let keys: [URLResourceKey] = [.fileSizeKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: runsDirectory, includingPropertiesForKeys: keys) else {
            return (0, 0)
        }
        for case let file as URL in walker where file.lastPathComponent.hasSuffix(Self.suffix) {
            guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            entries += 1
            bytes += values.fileSize ?? 0
        }
        return (entries, bytes)
    }

    /// Deletes every entry. Other files in the folder are left alone.
    public func clear() throws {
        guard FileManager.default.fileExists(atPath: runsDirectory.path) else { return }
        try FileManager.default.removeItem(at: runsDirectory)
    }

    /// The default cache folder: `$MESASCOPE_CACHE` if set, else `$XDG_CACHE_HOME/mesascope`, else
    /// `~/.cache/mesascope` (the XDG base directory convention).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["MESASCOPE_CACHE"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("mesascope", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/mesascope", isDirectory: true)
    }
}
