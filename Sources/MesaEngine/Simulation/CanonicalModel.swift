/// The canonical form of a model (docs/model.md): its table without the entries that only repeat
/// what the rest of the model does. Behaviour-identical models get identical behavioural metrics
/// (decision shares, reliance, the mesa-optimizer label) whatever redundant entries they carry.
///
/// Entries are tried one at a time in slot order (instance, then state), each against the
/// training paths of the model as it stands after the earlier removals: an entry whose removal
/// leaves every training path unchanged is dropped — and, under a time penalty (μ_T > 0), every
/// episode's expansions too: an entry that spares the search its expansions lowers the loss, so it
/// is not redundant. The canonical model therefore has the trained model's training score and
/// expansions, hence its loss. An entry at a state no episode of its instance
/// visits is never consulted and is dropped without re-running anything. Cost: one re-run of an
/// instance (a gene's instances, for an indirect encoding) per entry on a visited state.
package enum CanonicalModel {
    /// The canonical form of `model`.
    package static func of(_ model: MesaModel, evaluator: inout TrainingEvaluator) -> MesaModel {
        let modelClass = evaluator.modelClass
        let cells = modelClass.cellCount
        let count = evaluator.world.training.count
        let countsExpansions = modelClass.speed > 0
        var expansions = [Int](repeating: 0, count: count)
        var paths: [[Int]] = (0..<count).map { i in
            expansions[i] = evaluator.trainingEpisode(model, instance: i, record: true).expansions
            return evaluator.lastPath
        }
        var visited: [Set<Int>] = paths.map(Set.init)
        var canonical = model
        for slot in model.table.tunedSlots {
            let instances = modelClass.encoding.instances(ofSlot: slot, cells: cells).map(Int.init)
            if case .direct = modelClass.encoding, !visited[slot / cells].contains(slot % cells) {
                canonical.table.set(slot, -1)
                continue
            }
            let value = canonical.table.values[slot]
            canonical.table.set(slot, -1)
            var newPaths: [(Int, [Int])] = []
            var unchanged = true
            for i in instances {
                let outcome = evaluator.trainingEpisode(canonical, instance: i, record: true)
                if evaluator.lastPath != paths[i] || (countsExpansions && outcome.expansions != expansions[i]) {
                    unchanged = false
                    break
                }
                newPaths.append((i, evaluator.lastPath))
            }
            if unchanged {
                for (i, path) in newPaths { paths[i] = path; visited[i] = Set(path) }
            } else {
                canonical.table.set(slot, value)
            }
        }
        return canonical
    }
}
