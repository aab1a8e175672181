import MesaScenario

/// The hill climb's starting model (stream `initialModel` of the run).
///
/// `init empty`: no table entries, no machinery, weights (0, 0). `init random`: weights uniform
/// on the grid and the table filled with uniformly random distinct entries (actions uniform among
/// the cell's open sides; genes uniform values) up to the budget left. With probability
/// `deception.initial_share` the detector is installed first (target cell uniform for `any`).
package enum InitialModelFactory {
    package static func make(spec: SimulationSpec, modelClass: ModelClass, world: RunWorld, runSeed: UInt64) -> MesaModel {
        var rng = StreamSeed.generator(runSeed, .initialModel)
        var model = MesaModel(slots: modelClass.encoding.slotCount)
        let cells = world.training.stateCount
        if let cost = modelClass.detectorCost, let share = spec.deception?.initialShare,
           rng.chance(share), cost <= modelClass.budget {
            model.detector = cost
            if case .any = modelClass.detectorTarget { model.targetCell = rng.below(cells) }
        }
        guard spec.training.initial == .random else { return model }
        let grid = modelClass.weightGrid
        model.weightGoal = grid[rng.below(grid.count)]
        model.weightProxy = grid[rng.below(grid.count)]
        guard modelClass.allowsTable else { return model }
        let slots = modelClass.encoding.slotCount
        let target = min(slots, modelClass.budget - modelClass.parametersInUse(model))
        while model.table.count < target {
            let slot = rng.below(slots)
            guard model.table.values[slot] < 0 else { continue }
            switch modelClass.encoding {
            case .direct:
                let instance = world.training.instances[slot / cells]
                let open = (0..<4).filter { instance.isOpen(slot % cells, $0) }
                model.table.set(slot, Int8(open.isEmpty ? rng.below(4) : open[rng.below(open.count)]))
            case .indirect:
                model.table.set(slot, Int8(rng.below(TableEncoding.geneValues)))
            }
        }
        return model
    }
}
