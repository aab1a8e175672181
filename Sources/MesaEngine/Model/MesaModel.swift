/// The table's parameters: one value per slot (−1 = not tuned, i.e. free), with an index of the
/// tuned slots so that a uniformly random tuned slot is found in O(1). Two tables are equal when
/// their slots hold the same values, whatever order the index keeps.
package struct ParameterTable: Sendable, Hashable {
    package static func == (a: ParameterTable, b: ParameterTable) -> Bool { a.values == b.values }

    package func hash(into hasher: inout Hasher) { hasher.combine(values) }

    package private(set) var values: [Int8]
    private var tuned: [Int32] = []
    private var position: [Int32]

    package init(slots: Int) {
        values = [Int8](repeating: -1, count: slots)
        position = [Int32](repeating: -1, count: slots)
    }

    /// Tuned slots (table entries, or set genes).
    package var count: Int { tuned.count }

    /// The tuned slot at `index` of the index (0..<count), for uniform picks.
    package func tunedSlot(_ index: Int) -> Int { Int(tuned[index]) }

    /// Sets `slot` to `value` (≥ 0), or clears it (value −1).
    package mutating func set(_ slot: Int, _ value: Int8) {
        let wasTuned = values[slot] >= 0
        values[slot] = value
        if value >= 0, !wasTuned {
            position[slot] = Int32(tuned.count)
            tuned.append(Int32(slot))
        } else if value < 0, wasTuned {
            let at = Int(position[slot])
            let last = tuned.removeLast()
            if at < tuned.count {
                tuned[at] = last
                position[Int(last)] = Int32(at)
            }
            position[slot] = -1
        }
    }

    /// Tuned slots in increasing order.
    package var tunedSlots: [Int] { tuned.map(Int.init).sorted() }
}

/// One model of the class: (machinery m, weights w, table, detector).
package struct MesaModel: Sendable, Hashable {
    /// m: tuned machinery parameters; x = search_cost⁻¹(m).
    package var machinery = 0
    package var weightGoal = 0
    package var weightProxy = 0
    /// Detector parameters built, 0 … d; the detector works only when all d are
    /// (`ModelClass.hasCompleteDetector`).
    package var detector = 0
    /// The detector's own target state for `target any` (training layout).
    package var targetCell = 0
    package var table: ParameterTable

    package init(slots: Int) {
        table = ParameterTable(slots: slots)
    }
}
