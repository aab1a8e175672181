import Foundation
import MesaEngine
import MesaResults
import MesaScenario

/// What a shard records beside its runs in the run cache (docs/cluster.md): which scenario, which
/// engine, which part of which look. `merge` reads them to say what is missing or mismatched; the
/// runs themselves are found by their keys.
public struct ShardManifest: Codable, Sendable, Hashable {
    public var scenario: String
    public var slug: String
    /// SHA-256 of the scenario's text and command-line overrides: another edit of the file is
    /// another scenario.
    public var scenarioSHA256: String
    public var engineVersion: Int
    public var shard: Int
    public var shards: Int
    public var look: Int
    public var runs: Int

    public init(scenario: Scenario, shard: Shard, look: Int, runs: Int) {
        self.scenario = scenario.title
        slug = scenario.slug
        scenarioSHA256 = Self.fingerprint(of: scenario)
        engineVersion = EngineVersion.current
        self.shard = shard.index
        shards = shard.count
        self.look = look
        self.runs = runs
    }

    static func fingerprint(of scenario: Scenario) -> String {
        SHA256.hex(Array((scenario.source + "\n" + scenario.overrides.joined(separator: "\n")).utf8))
    }

    var fileName: String { "look-\(look)-shard-\(shard)-of-\(shards).json" }
}

extension RunCache {
    func manifestFolder(slug: String) -> URL {
        directory.appendingPathComponent("shards", isDirectory: true).appendingPathComponent(slug, isDirectory: true)
    }

    /// Records a finished shard (written to a temporary name and renamed, like a run).
    public func save(_ manifest: ShardManifest) throws {
        let folder = manifestFolder(slug: manifest.slug)
        let target = folder.appendingPathComponent(manifest.fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(manifest.fileName).\(UUID().uuidString).tmp")
            try ResultsJSON.encode(manifest).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                throw PipelineError.cache(path: target.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError.cache(path: target.path, reason: error.localizedDescription)
        }
    }

    /// Every shard manifest recorded for the report folder `slug`, in file-name order.
    public func manifests(slug: String) -> [ShardManifest] {
        let folder = manifestFolder(slug: slug)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                .flatMap { try? ResultsJSON.decode(ShardManifest.self, from: $0) }
        }
    }
}
