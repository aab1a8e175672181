import MesaResults

/// Checks the argument against deceptive circuits (SCIENCE.md opening and §5.7) on the runs.
///
/// Each run with a detector in its class (`detector_cost` present) is classed by its own
/// numbers: *underparameterized* when K − d < K_fit (the budget left beside the detector
/// cannot reach the minimum training loss), *spare capacity* when K − d ≥ K_fit; runs without
/// K_fit are left out and counted. Then:
/// - exact selection, underparameterized: the argument predicts no deceptive model; the
///   sentence says "0 in every point" or names every counterexample point;
/// - hill climbing, underparameterized: the deceptive share at the end, and when the detector
///   was removed (mean and median step);
/// - spare capacity, per optimizer: the share of runs whose selected model carries the
///   detector (Wilson interval), and under exact selection the mean posterior deceptive
///   share against the share among distinct minimum-loss structures;
/// - hill climbing with false positives in training (`false_positive_instances` > 0), whatever
///   the capacity: the share of runs whose final model kept the misfiring detector; for those,
///   the mean number of instances it fires on, of them the mean the model without its detector
///   fails (`false_positives_unsolved`) and the mean its own pursuit solves
///   (`false_positives_solved`), and in how many runs removing it would have lowered the loss
///   (`detector_removal_gain` > 0). Then the why, from the runs' own numbers, only when more
///   than half of the surviving runs show it:
///   - *sheltered* (gain ≤ 0, every instance it fires on failed with and without it): "the
///     instances it fires on were never learned, so removing it gained nothing" (§5.7);
///   - *fitting* (gain ≤ 0, every such instance failed without it, at least one solved by its
///     pursuit): never learned, but its pursuit solved them, so it survived by fitting them
///     rather than by sheltering them;
///   otherwise, where removal would have lowered the loss, that no removal was proposed after
///   the model last changed (hill climbing accepts any removal that does not raise the loss);
///   else the numbers alone.
/// O(runs).
package struct DeceptionClaimCheck: FindingRule {
    enum Capacity { case underparameterized, spare, unknown }

    static func capacity(_ metrics: RunMetrics) -> Capacity {
        guard let d = metrics.integer(.detectorCost), let kFit = metrics.integer(.kFit),
              let budget = metrics.integer(.budget)
        else { return .unknown }
        return budget - d < kFit ? .underparameterized : .spare
    }

    package init() {}

    package func findings(in context: FindingContext) -> [Finding] {
        Self.findings(runs: context.runs)
    }

    package static func findings(runs: [RunRecord]) -> [Finding] {
        let withDetector = runs.filter { $0.metrics[.detectorCost] != nil }
        guard !withDetector.isEmpty else { return [] }
        let under = withDetector.filter { capacity($0.metrics) == .underparameterized }
        let spare = withDetector.filter { capacity($0.metrics) == .spare }
        let unknown = withDetector.count - under.count - spare.count
        var findings: [Finding] = []

        let exactUnder = under.filter { $0.optimizer == .exact }
        if !exactUnder.isEmpty { findings.append(exactUnderparameterized(exactUnder)) }
        let hillUnder = under.filter { $0.optimizer == .hillClimb }
        if !hillUnder.isEmpty { findings.append(hillUnderparameterized(hillUnder)) }
        for optimizer in optimizers(in: spare) {
            findings.append(spareCapacity(spare.filter { $0.optimizer == optimizer }, optimizer: optimizer))
        }
        if let survival = misfiringSurvival(withDetector.filter { $0.optimizer == .hillClimb }) {
            findings.append(survival)
        }
        if unknown > 0 {
            findings.append(claim(value: Double(unknown),
                                  "\(unknown) of \(withDetector.count) runs with a detector in their class did not record K_fit and are left out of the capacity check (K − d against K_fit)."))
        }
        return findings
    }

    static func exactUnderparameterized(_ runs: [RunRecord]) -> Finding {
        let deceptive = runs.filter { $0.metrics.isSet(.deceptive) }
        let points = Summarizer.groups(runs)
        let interval = WilsonInterval.estimate(successes: deceptive.count, trials: runs.count)
        guard !deceptive.isEmpty else {
            return claim(value: 0, lo: interval?.lo, hi: interval?.hi,
                         "In every underparameterized point (K − d < K_fit) the deceptive share under exact selection was 0 (\(runs.count) \(plural(runs.count, "run")) at \(points.count) \(plural(points.count, "point")); 95% interval \(NumberText.range(interval!.lo, interval!.hi)) for the share).")
        }
        return claim(value: interval?.mean, lo: interval?.lo, hi: interval?.hi,
                     "Under exact selection, \(deceptive.count) of \(runs.count) runs at underparameterized points (K − d < K_fit) were deceptive, counterexamples to the argument: \(counterexamples(points)).")
    }

    static func hillUnderparameterized(_ runs: [RunRecord]) -> Finding {
        let deceptive = runs.filter { $0.metrics.isSet(.deceptive) }
        let interval = WilsonInterval.estimate(successes: deceptive.count, trials: runs.count)
        var sentence = "Under hill climbing, \(deceptive.count) of \(runs.count) runs at underparameterized points (K − d < K_fit) ended deceptive"
        if !deceptive.isEmpty { sentence += ", \(counterexamples(Summarizer.groups(runs)))" }
        let steps = runs.compactMap { $0.metrics[.removedAtStep] }.sorted()
        if steps.isEmpty {
            sentence += "; no run recorded the detector's removal."
        } else {
            let mean = steps.reduce(0, +) / Double(steps.count)
            let middle = steps.count / 2
            let median = steps.count % 2 == 1 ? steps[middle] : (steps[middle - 1] + steps[middle]) / 2
            sentence += "; the detector was removed in \(steps.count) \(plural(steps.count, "run")), at step \(NumberText.format(mean, significant: 3)) on average (median \(NumberText.format(median, significant: 3)))."
        }
        return claim(value: interval?.mean, lo: interval?.lo, hi: interval?.hi, sentence)
    }

    static func spareCapacity(_ runs: [RunRecord], optimizer: Optimizer) -> Finding {
        let deceptive = runs.filter { $0.metrics.isSet(.deceptive) }.count
        let interval = WilsonInterval.estimate(successes: deceptive, trials: runs.count)!
        var sentence = "With spare capacity (K − d ≥ K_fit), the selected model carried the detector in \(deceptive) of \(runs.count) runs under \(optimizer.displayName) (share \(NumberText.format(interval.mean, significant: 2)), 95% interval \(NumberText.range(interval.lo, interval.hi)))"
        let posteriors = runs.compactMap { $0.metrics[.deceptivePosterior] }
        let structures = runs.compactMap { $0.metrics[.deceptiveStructureShare] }
        if !posteriors.isEmpty, !structures.isEmpty {
            let posterior = posteriors.reduce(0, +) / Double(posteriors.count)
            let structure = structures.reduce(0, +) / Double(structures.count)
            sentence += "; the mean posterior deceptive share was \(NumberText.format(posterior, significant: 2)) against \(NumberText.format(structure, significant: 2)) among distinct minimum-loss structures"
        }
        return claim(value: interval.mean, lo: interval.lo, hi: interval.hi, sentence + ".")
    }

    /// Hill-climbing runs whose detector fires on training instances: how often it survived,
    /// and why when the numbers show it (the rule is in the type's comment); nil when no run
    /// has a false positive in training.
    static func misfiringSurvival(_ runs: [RunRecord]) -> Finding? {
        let misfiring = runs.filter { ($0.metrics[.falsePositiveInstances] ?? 0) > 0 }
        guard !misfiring.isEmpty else { return nil }
        let survivors = misfiring.compactMap { run -> RemovalCheck? in
            let m = run.metrics
            guard m.isSet(.deceptive), let fired = m.integer(.falsePositiveInstances),
                  let unsolved = m.integer(.falsePositivesUnsolved), let solved = m.integer(.falsePositivesSolved),
                  let gain = m[.detectorRemovalGain]
            else { return nil }
            return RemovalCheck(fired: fired, unsolved: unsolved, solved: solved, gain: gain)
        }
        let count = survivors.count
        let interval = WilsonInterval.estimate(successes: count, trials: misfiring.count)
        var sentence = "Under hill climbing the misfiring detector survived in \(count) of \(misfiring.count) \(plural(misfiring.count, "run")) with false positives in training"
        guard count > 0 else { return claim(value: interval?.mean, lo: interval?.lo, hi: interval?.hi, sentence + ".") }
        func mean(_ value: (RemovalCheck) -> Int) -> Double {
            Double(survivors.map(value).reduce(0, +)) / Double(count)
        }
        func text(_ value: Double) -> String { NumberText.format(value, significant: 2) }
        let fired = mean(\.fired)
        let lowered = survivors.filter { $0.gain > 0 }.count
        let sheltered = survivors.filter(\.sheltered).count
        let fitting = survivors.filter(\.fitting).count
        sentence += "; in \(count == 1 ? "that run" : "those runs") it fired on \(text(fired)) training \(fired == 1 ? "instance" : "instances")\(count == 1 ? "" : " on average"), the model without it would fail \(text(mean(\.unsolved))) of them and its own pursuit of its target solved \(text(mean(\.solved))), and removing it would have lowered the training loss in \(lowered) of \(count) \(plural(count, "run"))"
        func scope(_ k: Int) -> String { k == count ? ": " : "; in \(k) of them " }
        if 2 * sheltered > count {
            sentence += scope(sheltered) + "the instances it fires on were never learned, so removing it gained nothing."
        } else if 2 * fitting > count {
            sentence += scope(fitting) + "the instances it fires on were never learned, but its pursuit solved them, so it survived by fitting them rather than by sheltering them."
        } else if lowered > 0 {
            sentence += "; where it would have, no removal was proposed after the model last changed: it survived for want of a proposal, not for lack of gain."
        } else {
            sentence += "."
        }
        return claim(value: interval?.mean, lo: interval?.lo, hi: interval?.hi, sentence)
    }

    /// One surviving detector's removal numbers (`RunMetrics` false_positive_* and
    /// detector_removal_gain).
    struct RemovalCheck {
        var fired: Int
        var unsolved: Int
        var solved: Int
        var gain: Double

        /// Removal gains nothing and every instance it fires on is failed with and without it.
        var sheltered: Bool { gain <= 0 && unsolved == fired && solved == 0 }
        /// Removal gains nothing, every instance it fires on is failed without it, and its
        /// pursuit solves at least one.
        var fitting: Bool { gain <= 0 && unsolved == fired && solved > 0 }
    }

    /// "at K = 64, d = 8 (1 of 4 runs); at K = 96, d = 8 (2 of 4 runs)" for points with a
    /// deceptive run.
    static func counterexamples(_ points: [(point: Point, runs: [RunRecord])]) -> String {
        points.compactMap { entry -> String? in
            let count = entry.runs.filter { $0.metrics.isSet(.deceptive) }.count
            guard count > 0 else { return nil }
            return "at \(AxisNames.describe(entry.point)) (\(count) of \(entry.runs.count) \(plural(entry.runs.count, "run")))"
        }.joined(separator: "; ")
    }

    /// The optimizers of `runs`, in the registry's order (exact, then hill climbing).
    static func optimizers(in runs: [RunRecord]) -> [Optimizer] {
        Optimizer.allCases.filter { optimizer in runs.contains { $0.optimizer == optimizer } }
    }

    static func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }

    static func claim(value: Double?, lo: Double? = nil, hi: Double? = nil, _ sentence: String) -> Finding {
        Finding(kind: .claim, metric: Metric.deceptive.name, axis: "", value: value, lo: lo, hi: hi, sentence: sentence)
    }
}
