import MesaEngine
import MesaScenario

/// What stops a merge, in words that say what to run (docs/cluster.md): shards of another engine or
/// another edit of the scenario, shards that are incomplete or never ran.
enum MergeDiagnosis {
    static func message(scenario: Scenario, look: Int, missing: [RunCoordinate], manifests: [ShardManifest]) -> String {
        var lines: [String] = []
        let ofLook = manifests.filter { $0.look == look }
        for manifest in ofLook where manifest.engineVersion != EngineVersion.current {
            lines.append("shard \(manifest.shard)/\(manifest.shards) of look \(look) was run by engine version \(manifest.engineVersion); this mesascope has version \(EngineVersion.current), so its runs do not count: run it again")
        }
        let fingerprint = ShardManifest.fingerprint(of: scenario)
        for manifest in ofLook where manifest.engineVersion == EngineVersion.current && manifest.scenarioSHA256 != fingerprint {
            lines.append("shard \(manifest.shard)/\(manifest.shards) of look \(look) ran another version of \"\(manifest.scenario)\" (its text differs from this file's): run it again")
        }
        let counts = Dictionary(grouping: ofLook, by: \.shards).mapValues(\.count)
        if let shards = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key {
            let plan = Shard.assign(Shard.runs(of: scenario, look: look), of: scenario, count: shards)
            let missingSet = Set(missing)
            for (index, runs) in plan.enumerated() {
                let absent = runs.filter(missingSet.contains).count
                guard absent > 0 else { continue }
                let ran = ofLook.contains { $0.shard == index + 1 && $0.shards == shards }
                lines.append(ran ? "shard \(index + 1)/\(shards) of look \(look) is incomplete: \(absent) of its \(runs.count) runs are missing"
                                 : "shard \(index + 1)/\(shards) of look \(look) has not run (\(absent) runs)")
            }
        }
        if lines.isEmpty {
            lines.append("\(missing.count) run\(missing.count == 1 ? "" : "s") of look \(look) are not in the run cache, and no shard of that look recorded itself there")
        }
        return lines.joined(separator: "; ")
    }
}
