import MesaResults

/// Constructed runs for the statistics and findings tests.
enum RunFixtures {
    static func point(_ coordinates: [(String, PointValue)]) -> Point {
        Point(coordinates.map { Point.Coordinate(key: $0.0, value: $0.1) })
    }

    static func metrics(
        mesa: Int = 0, deceptive: Int = 0, train: Double = 0.5, deploy: Double = 0.5, bits: Double = 0,
        decisionShare: Double = 0, budget: Int = 64, detectorCost: Int? = nil, kFit: Int? = nil,
        removedAt: Int? = nil, posterior: Double? = nil, structureShare: Double? = nil,
        removal: (fired: Int, unsolved: Int?, solved: Int?, gain: Double?)? = nil
    ) -> RunMetrics {
        RunMetrics(
            train_score: train, deploy_score: deploy, search_bits: bits, mesa_optimizer: mesa, deceptive: deceptive,
            defection_rate: Double(deceptive), deceptive_posterior: posterior, deceptive_structure_share: structureShare,
            proxy_pursuit: 0, expansions_per_episode: bits * 2, loss: 1 - train, params_table: budget / 2,
            params_search: Int(bits) * 16, params_detector: deceptive * (detectorCost ?? 0), removed_at_step: removedAt,
            k_fit: kFit, search_decision_share: decisionShare, budget: budget, detector_cost: detectorCost,
            false_positive_instances: removal?.fired, false_positives_unsolved: removal?.unsolved,
            false_positives_solved: removal?.solved, detector_removal_gain: removal?.gain)
    }

    static func run(_ point: Point, repetition: Int, optimizer: String = "exact", _ metrics: RunMetrics) -> RunRecord {
        RunRecord(point: point, seed: UInt64(repetition) &* 7919, repetition: repetition, optimizer: optimizer, metrics: metrics)
    }

    /// `n` runs at N = `instances`, `searching` of which selected search (decision share 0.95,
    /// against 0.05 for the rest).
    static func instancesRuns(_ instances: Double, searching: Int, of n: Int, extra: [(String, PointValue)] = [])
        -> [RunRecord]
    {
        let at = point([("environment.instances", .number(instances))] + extra)
        return (0..<n).map { i in
            let mesa = i < searching ? 1 : 0
            return run(at, repetition: i, metrics(mesa: mesa, train: 0.5 + 0.4 * Double(mesa), bits: Double(mesa) * 3,
                                                  decisionShare: mesa == 1 ? 0.95 : 0.05))
        }
    }
}
