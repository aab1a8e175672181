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

    static func knapsack(_ options: [[Option]], capacity: Int, value: (Option) -> Double, keepChoices: Bool) -> Knapsack {
        var best = [Double](repeating: .infinity, count: capacity + 1)
        var logCount = [Double](repeating: -.infinity, count: capacity + 1)
        best[0] = 0
        logCount[0] = 0
        var choice: [[Int32]] = []
        var next = best, nextCount = logCount
        for instanceOptions in options {
            for t in 0...capacity { next[t] = .infinity; nextCount[t] = -.infinity }
            var row = keepChoices ? [Int32](repeating: -1, count: capacity + 1) : []
            for t in 0...capacity where best[t] < .infinity {
                for (o, option) in instanceOptions.enumerated() {
                    let u = t + option.cost
                    if u > capacity { break }
                    let v = best[t] + value(option)
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
    static func allocation(_ options: [[Option]], _ knapsack: Knapsack, total t: Int) -> [Int] {
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
    package mutating func solve(drawSeed: UInt64) throws -> ExactSummary {
        let c = evaluator.modelClass
        let budget = c.budget
        let lnV = log(Double(values))
        var groupOptions: [[[Option]]] = []
        var groupKnapsacks: [Knapsack] = []
        for (g, _) in groupKeys.enumerated() {
            let s = structures[groupOf.firstIndex(of: g)!]
            let opts = try options(for: representative(s))
            let minBase = zip(structures, groupOf).filter { $0.1 == g }.map(\.0.base).min()!
            let capacity = c.allowsTable ? budget - minBase : 0
            groupOptions.append(opts)
            groupKnapsacks.append(ExactOptimizer.knapsack(opts, capacity: capacity, value: \.contribution, keepChoices: true))
        }
        // Each structure at its best table total.
        var losses: [Double] = []
        var logWeights: [Double] = []
        var bestTotals: [Int] = []
        for (si, s) in structures.enumerated() {
            let k = groupKnapsacks[groupOf[si]]
            let capacity = c.allowsTable ? budget - s.base : 0
            var bestLoss = Double.infinity, weight = -Double.infinity, bestT = 0
            for t in 0...min(capacity, k.best.count - 1) where k.best[t] < .infinity {
                let loss = 1 + c.descriptionLength * Double(s.base + t) / Double(budget) + k.best[t]
                let w = Double(budget - s.base - t) * lnV + k.logCount[t]
                if loss < bestLoss - Tolerance.tie {
                    bestLoss = loss; weight = w; bestT = t
                } else if abs(loss - bestLoss) <= Tolerance.tie {
                    weight = ExactOptimizer.logAdd(weight, w)
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
            let g = groupOf[si]
            let picks = ExactOptimizer.allocation(groupOptions[g], groupKnapsacks[g], total: bestTotals[si])
            var decisions = 0, searchDecisions = 0
            for (i, o) in picks.enumerated() {
                decisions += groupOptions[g][i][o].decisions
                searchDecisions += groupOptions[g][i][o].searchDecisions
            }
            let isMesa = decisions > 0 && 2 * searchDecisions >= decisions
            let w = exp(logWeights[si] - top)
            total += w
            if isMesa { mesa += w }
            if structures[si].hasDetector { deceptive += w }
            picksOf.append(picks)
        }
        var rng = Xoshiro256StarStar(seed: drawSeed)
        var u = rng.unit() * total
        var drawn = winners.count - 1
        for (j, si) in winners.enumerated() {
            u -= exp(logWeights[si] - top)
            if u < 0 { drawn = j; break }
        }
        let si = winners[drawn]
        var model = representative(structures[si])
        let cells = evaluator.world.training.stateCount
        for (i, o) in picksOf[drawn].enumerated() {
            for entry in groupOptions[groupOf[si]][i][o].entries { model.table.set(i * cells + entry.cell, Int8(entry.action)) }
        }
        let kFit = evaluator.modelClass.detectorCost != nil ? fittingBudget(groupOptions) : nil
        return ExactSummary(
            model: model, loss: minimum, mesaPosterior: total > 0 ? mesa / total : 0,
            deceptivePosterior: total > 0 ? deceptive / total : 0,
            deceptiveStructureShare: Double(winners.filter { structures[$0].hasDetector }.count) / Double(max(1, winners.count)),
            minimumLossStructures: winners.count, kFit: kFit)
    }

    /// K_fit: the smallest budget whose best model reaches the least training error
    /// (1 − training score) the class can reach with any budget, over every structure of the
    /// class. Detector structures count: a detector that misfires in training can fit an instance
    /// (its chase to the target may pass the goal) for fewer parameters than the table would need.
    package mutating func fittingBudget() throws -> Int {
        var groupOptions: [[[Option]]] = []
        for (g, _) in groupKeys.enumerated() {
            let s = structures[groupOf.firstIndex(of: g)!]
            groupOptions.append(try options(for: representative(s)))
        }
        return fittingBudget(groupOptions)
    }

    func fittingBudget(_ groupOptions: [[[Option]]]) -> Int {
        let n = Double(evaluator.world.training.count)
        let allowsTable = evaluator.modelClass.allowsTable
        var reach: [[Double]] = []  // per group: least error with at most t entries
        for opts in groupOptions {
            guard !opts.isEmpty else { reach.append([]); continue }
            let capacity = allowsTable ? opts.reduce(0) { $0 + ($1.last?.cost ?? 0) } : 0
            let k = ExactOptimizer.knapsack(opts, capacity: capacity, value: { -$0.score / n }, keepChoices: false)
            var running = Double.infinity
            reach.append(k.best.map { running = min(running, 1 + $0); return running })
        }
        var least = Double.infinity
        for (si, _) in structures.enumerated() {
            if let e = reach[groupOf[si]].last { least = min(least, e) }
        }
        var kFit = Int.max
        for (si, s) in structures.enumerated() {
            let r = reach[groupOf[si]]
            if let t = r.firstIndex(where: { $0 <= least + Tolerance.tie }) { kFit = min(kFit, s.base + t) }
        }
        return kFit == Int.max ? 0 : kFit
    }
}
