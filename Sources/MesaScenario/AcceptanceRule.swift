/// How hill climbing accepts a proposal (docs/model.md): the degree to which a path of local
/// search must be monotone.
public enum AcceptanceRule: Sendable, Hashable {
    /// Only a decrease of the loss: a parameter that does not affect the loss never moves, as a
    /// weight with zero gradient stays put under gradient descent.
    case strict
    /// A decrease or a tie: loss-neutral parts drift, as under mutation-based search (the default).
    case neutral
    /// Any step that raises the loss by at most ε over the current loss.
    case tolerance(Double)
    /// Metropolis: a rise Δ is accepted with probability exp(−Δ/T_s), the temperature cooling
    /// linearly from T at the first step to 0 at the last (T_s = T·(1 − s/steps)).
    case anneal(Double)

    /// The rule as the scenario language writes it: `strict`, `tolerance 0.01`.
    public var text: String {
        switch self {
        case .strict: return "strict"
        case .neutral: return "neutral"
        case .tolerance(let epsilon): return "tolerance \(Expression.format(epsilon))"
        case .anneal(let temperature): return "anneal \(Expression.format(temperature))"
        }
    }

    /// The words the language accepts.
    public static let words = ["strict", "neutral", "tolerance", "anneal"]

    /// The rule of a setting value (`strict`, or `anneal 0.05` as a tuple).
    public init?(_ value: SettingValue) {
        switch value {
        case .word("strict"): self = .strict
        case .word("neutral"): self = .neutral
        case .tuple(let parts) where parts.count == 2:
            guard case .word(let word) = parts[0], let number = parts[1].number else { return nil }
            switch word {
            case "tolerance": self = .tolerance(number)
            case "anneal": self = .anneal(number)
            default: return nil
            }
        default: return nil
        }
    }
}
