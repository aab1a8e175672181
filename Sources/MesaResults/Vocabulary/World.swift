/// The worlds a scenario can simulate (SCIENCE.md §2 and §7): each has its own settings, its own
/// runs and its own figures. `environment { world … }` names it; `maze` is the default.
public enum World: String, CaseIterable, Codable, Sendable, Hashable {
    /// Navigation tasks in seeded mazes; models are chosen from a class with written prices (§2–§4).
    case maze
    /// In-context linear regression; networks trained by gradient descent (§7.1).
    case regression
    /// Deception where training decides: an MLP fits random ReLU teachers, with a behaviour
    /// installed under a trigger in phase 1 and safety training in phase 2 (§7.2).
    case teacher

    /// How sentences and the docs name it.
    public var displayName: String {
        switch self {
        case .maze: return "the maze world"
        case .regression: return "the regression world"
        case .teacher: return "the teacher world"
        }
    }
}
