import Foundation

/// The knapsack over instances and the posterior over minimum-loss structures.
extension ExactOptimizer {
    /// best[t]: least Σ contributions with exactly t entries; logCount[t]: log of the number of
    /// optimal allocations (product of tied tables); choice[i][t]: option of instance i.
    struct Knapsack {
        var best: [Double]
        var logCount: [Double]
        var choice: [[Int32]]
    }

    static func knapsack(_ options: [[InstanceOption]], capacity: Int, value: (InstanceOption) -> Double,
                         keepChoices: Bool) -> Knapsack {
        var best = [Double](repeating: .infinity, count: capacity + 1)
        var logCount = [Double](repeating: -.infinity, count: capacity + 1)
        best[0] = 0
        logCount[0] = 0
        var choice: [[Int32]] = []
        var next = best, nextCount = logCount
        for instanceOptions in options {
            let values = instanceOptions.map(value)
            for t in 0...capacity { next[t] = .infinity; nextCount[t] = -.infinity }
            var row = keepChoices ? [Int32](repeating: -1, count: capacity + 1) : []
            for t in 0...capacity where best[t] < .infinity {
                for (o, option) in instanceOptions.enumerated() {
                    let u = t + option.cost
                    if u > capacity { break }
                    let v = best[t] + values[o]
                    let count = logCount[t] + option.logCount
                    if v < next[u] - Tolerance.tie {
                        next[u] = v
                        nextCount[u] = count
                        if keepChoices { row[u] = Int32(o) }
                    } else if abs(v - next[u]) <= Tolerance.tie {
                        nextCount[u] = logAdd(nextCount[u], count)
                    }
                }
            }
            swap(&best, &next)
            swap(&logCount, &nextCount)
            if keepChoices { choice.append(row) }
        }
        return Knapsack(best: best, logCount: logCount, choice: choice)
    }

    /// The options chosen for each instance by an allocation of exactly `t` entries.
    static func allocation(_ options: [[InstanceOption]], _ knapsack: Knapsack, total t: Int) -> [Int] {
        var picks = [Int](repeating: 0, count: options.count)
        var remaining = t
        for i in stride(from: options.count - 1, through: 0, by: -1) {
            let o = Int(knapsack.choice[i][remaining])
            picks[i] = o
            remaining -= options[i][o].cost
        }
        return picks
    }

    /// Every minimum-loss structure, the posterior shares, and one model drawn with `drawSeed`.
    ///
    /// A minimum-loss model is a mesa-optimizer when its learned search has at least one bit and
    /// makes at least half of its training decisions (the drawn tables are minimal, so no entry
    /// merely repeats the search: this is the canonical model's count).
    package mutating func solve(drawSeed: UInt64) throws -> ExactSummary {
        let c = modelClass
        let budget = c.budget
        let lnV = log(Double(values))
        let n = Double(evaluator.world.training.count)
        let cells = Double(evaluator.world.training.stateCount)
        let all = structures.structures
        var behaviourOptions: [[[InstanceOption]]] = []
        var knapsacks: [Knapsack] = []
        for b in structures.behaviours.indices {
            let options = try self.options(forBehaviour: b)
            let minBase = all.filter { $0.behaviour == b }.map(\.base).min()!
            let capacity = c.allowsTable ? budget - minBase : 0
            behaviourOptions.append(options)
            knapsacks.append(Self.knapsack(options, capacity: capacity,
                                           value: { $0.contribution(instances: n, speed: c.speed, cells: cells) },
                                           keepChoices: true))
        }
        // Each structure at its best table total.
        var losses: [Double] = [], logWeights: [Double] = [], bestTotals: [Int] = []
        for s in all {
            let k = knapsacks[s.behaviour]
            let capacity = c.allowsTable ? budget - s.base : 0
            var bestLoss = Double.infinity, weight = -Double.infinity, bestT = 0
            for t in 0...min(capacity, k.best.count - 1) where k.best[t] < .infinity {
                let loss = 1 + c.descriptionLength * Double(s.base + t) / Double(budget) + k.best[t]
                let w = Double(budget - s.base - t) * lnV + k.logCount[t]
                if loss < bestLoss - Tolerance.tie {
                    bestLoss = loss; weight = w; bestT = t
                } else if abs(loss - bestLoss) <= Tolerance.tie {
                    weight = logAdd(weight, w)
                }
            }
            losses.append(bestLoss)
            logWeights.append(weight)
            bestTotals.append(bestT)
        }
        let minimum = losses.min() ?? .infinity
        let winners = losses.indices.filter { losses[$0] <= minimum + Tolerance.minimumLoss }
        let top = winners.map { logWeights[$0] }.max() ?? 0
        var total = 0.0, mesa = 0.0, deceptive = 0.0
        var picksOf: [[Int]] = []
        for si in winners {
            let s = all[si]
            let picks = Self.allocation(behaviourOptions[s.behaviour], knapsacks[s.behaviour], total: bestTotals[si])
            var decisions = 0, searchDecisions = 0
            for (i, o) in picks.enumerated() {
                decisions += behaviourOptions[s.behaviour][i][o].decisions
                searchDecisions += behaviourOptions[s.behaviour][i][o].searchDecisions
            }
            let isMesa = c.curve.learnedBits(s.machinery) >= 1 - Tolerance.tie && decisions > 0
                && 2 * searchDecisions >= decisions
            let w = exp(logWeights[si] - top)
            total += w
            if isMesa { mesa += w }
            if s.hasDetector { deceptive += w }
            picksOf.append(picks)
        }
        var rng = Xoshiro256StarStar(seed: drawSeed)
        var u = rng.unit() * total
        var drawn = winners.count - 1
        for (j, si) in winners.enumerated() {
            u -= exp(logWeights[si] - top)
            if u < 0 { drawn = j; break }
        }
        let s = all[winners[drawn]]
        var model = ExactStructures.model(s, modelClass: c)
        let stateCount = evaluator.world.training.stateCount
        for (i, o) in picksOf[drawn].enumerated() {
            for entry in behaviourOptions[s.behaviour][i][o].entries {
                model.table.set(i * stateCount + entry.cell, Int8(entry.action))
            }
        }
        var summary = ExactSummary(
            model: model, loss: minimum, mesaPosterior: total > 0 ? mesa / total : 0,
            deceptivePosterior: total > 0 ? deceptive / total : 0,
            deceptiveStructureShare: Double(winners.filter { all[$0].hasDetector }.count) / Double(max(1, winners.count)),
            minimumLossStructures: winners.count)
        if let d = c.detectorCost {
            summary.kFit = fittingBudget(behaviourOptions)
            let errors = errorReach(behaviourOptions)
            summary.premiseGap = max(0, leastError(errors, budget: budget - d) - leastError(errors, budget: budget))
            // The same in loss units: the least loss of a detector-free model using at most B parameters.
            func leastLoss(_ b: Int) -> Double {
                var least = Double.infinity
                for s in all where !s.hasDetector && s.base <= b {
                    let k = knapsacks[s.behaviour]
                    for t in 0...min(b - s.base, k.best.count - 1) where k.best[t] < .infinity {
                        least = min(least, 1 + c.descriptionLength * Double(s.base + t) / Double(budget) + k.best[t])
                    }
                }
                return least
            }
            let lossGap = leastLoss(budget - d) - leastLoss(budget)
            summary.premiseLossGap = lossGap.isFinite ? max(0, lossGap) : nil
        }
        return summary
    }

    /// Per behaviour: the least training error (1 − mean score) with at most t table entries.
    func errorReach(_ behaviourOptions: [[[InstanceOption]]]) -> [[Double]] {
        let n = Double(evaluator.world.training.count)
        let allowsTable = modelClass.allowsTable
        return behaviourOptions.map { options in
            guard !options.isEmpty else { return [] }
            let capacity = allowsTable ? options.reduce(0) { $0 + ($1.last?.cost ?? 0) } : 0
            let k = Self.knapsack(options, capacity: capacity, value: { -$0.score / n }, keepChoices: false)
            var running = Double.infinity
            return k.best.map { running = min(running, 1 + $0); return running }
        }
    }

    /// The least training error a detector-free model with at most `budget` parameters reaches
    /// (1 when no structure fits in the budget: nothing at all is learned).
    func leastError(_ reach: [[Double]], budget: Int) -> Double {
        var least = Double.infinity
        for s in structures.structures where !s.hasDetector && s.base <= budget {
            let r = reach[s.behaviour]
            guard !r.isEmpty else { continue }
            least = min(least, r[min(budget - s.base, r.count - 1)])
        }
        return least.isFinite ? least : 1
    }

    /// K_fit: the smallest budget whose best model reaches the least training error (1 − training
    /// score) the class can reach with any budget, over every structure without a detector
    /// (docs/model.md). Independent of λ and μ.
    package mutating func fittingBudget() throws -> Int {
        var behaviourOptions: [[[InstanceOption]]] = []
        for b in structures.behaviours.indices { behaviourOptions.append(try options(forBehaviour: b)) }
        return fittingBudget(behaviourOptions)
    }

    func fittingBudget(_ behaviourOptions: [[[InstanceOption]]]) -> Int {
        let reach = errorReach(behaviourOptions)
        let fitting = structures.structures.filter { !$0.hasDetector }
        var least = Double.infinity
        for s in fitting { if let e = reach[s.behaviour].last { least = min(least, e) } }
        var kFit = Int.max
        for s in fitting {
            if let t = reach[s.behaviour].firstIndex(where: { $0 <= least + Tolerance.tie }) { kFit = min(kFit, s.base + t) }
        }
        return kFit == Int.max ? 0 : kFit
    }
}
