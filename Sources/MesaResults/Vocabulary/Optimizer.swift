/// The base optimizers (SCIENCE.md §4): how training selects a model from the class.
public enum Optimizer: String, CaseIterable, Codable, Sendable, Hashable {
    /// Every minimum-loss model of the class, weighed by the uniform prior ("jump to the best model").
    case exact
    /// Local search: one mutation per step, accepted by the training's acceptance rule.
    case hillClimb = "hill_climb"
    /// Gradient descent with Adam on a differentiable learner (the learned worlds, SCIENCE.md §7).
    case adam

    /// How sentences name it: "exact selection", "hill climbing".
    public var displayName: String {
        switch self {
        case .exact: return "exact selection"
        case .hillClimb: return "hill climbing"
        case .adam: return "Adam"
        }
    }

    /// The world whose models this optimizer trains: exact selection and hill climbing choose from
    /// the maze world's priced class; Adam trains the learned worlds' networks.
    public func applies(to world: World) -> Bool {
        switch self {
        case .exact, .hillClimb: return world == .maze
        case .adam: return world != .maze
        }
    }
}

/// Where an episode is played: on the training instances or the deployment instances.
public enum Phase: String, CaseIterable, Codable, Sendable, Hashable {
    case training, deployment
}
