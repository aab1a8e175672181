/// A fact computed from the numbers, with the sentence the report prints.
///
/// Findings are computed at render time from the stored runs (`ResultsAnalysis`), so a change of
/// wording needs no simulation; `results.json` keeps them for readers.
public struct Finding: Codable, Sendable, Hashable {
    public var kind: FindingKind
    /// The metric the finding is about (`mesa_optimizer`, `x_star`, …), as written in results.
    public var metric: String
    /// The swept axis (`block.key`), or empty.
    public var axis: String
    /// The finding's value (the crossover's axis value, the share, …); `nil` when none.
    public var value: Double?
    /// 95% interval of `value`, where one is known.
    public var lo: Double?
    public var hi: Double?
    /// The point's other coordinates, when the finding is for one slice of a multi-axis sweep.
    public var slice: Point?
    /// The sentence, written from the numbers.
    public var sentence: String
    /// For a checked prediction (`kind` `expectation`) its verdict; absent for every other finding.
    public var verdict: Verdict?
    /// For a checked prediction: the claim in words ("the share of runs selecting search rises
    /// along N"), the estimate behind the verdict in a few words ("+0.99, 95% interval +0.96 to
    /// +1"), and the mechanism the prediction rests on, in one line. The report's Answer box and
    /// the front page show them.
    public var claim: String?
    public var effect: String?
    public var mechanism: String?

    public init(kind: FindingKind, metric: String, axis: String, value: Double?, lo: Double? = nil, hi: Double? = nil,
                slice: Point? = nil, sentence: String, verdict: Verdict? = nil, claim: String? = nil,
                effect: String? = nil, mechanism: String? = nil) {
        self.kind = kind
        self.metric = metric
        self.axis = axis
        self.value = value
        self.lo = lo
        self.hi = hi
        self.slice = slice
        self.sentence = sentence
        self.verdict = verdict
        self.claim = claim
        self.effect = effect
        self.mechanism = mechanism
    }
}

/// What a finding is about. Raw values are the contract's `kind` strings.
public enum FindingKind: String, CaseIterable, Codable, Sendable, Hashable {
    /// A prediction of the scenario's `expect` block, checked against the runs.
    case expectation
    case analytic
    case crossover
    case bimodality
    case selection
    case trend
    case optimizerComparison = "optimizer_comparison"
    case comparison
    case objective
    case analyticVsSimulated = "analytic_vs_simulated"
    /// The deception argument's check.
    case claim
    /// Where hill climbing ended without search: not reached, or selected against (the optimality gap).
    case reachability
    /// A learned world's metric that rose during training and fell by its end (Singh et al. 2023).
    case transience
}

/// The verdict on a prediction (docs/statistics.md): decided by a test on all the runs.
public enum Verdict: String, CaseIterable, Codable, Sendable, Hashable {
    /// The interval lies wholly on the predicted side.
    case holds
    /// The interval lies wholly on the other side, or shows no effect as large as the margin.
    case doesNotHold = "does_not_hold"
    /// The runs cannot tell.
    case notShown = "not_shown"

    /// How reports mark it.
    public var label: String {
        switch self {
        case .holds: return "Holds"
        case .doesNotHold: return "Does not hold"
        case .notShown: return "Not shown"
        }
    }

    /// Whether the runs decided the prediction either way.
    public var isDecided: Bool { self != .notShown }
}
