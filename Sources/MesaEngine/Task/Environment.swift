import MesaResults
import MesaScenario

/// A family of tasks the model class trains on (SCIENCE.md §2): how instances are drawn, where the
/// proxy region lies, and how an episode is drawn for the report. The maze world (`MazeWorld`) is
/// the first; the engine sees only `TaskInstance`s and these requirements, so a second environment
/// is one type conforming to this protocol plus its case in `EnvironmentKind.make` (see
/// docs/architecture.md).
package protocol Environment: Sendable {
    /// States of every instance (the layout is shared by the instances of one set).
    var stateCount: Int { get }
    /// Manhattan distance from each state to the proxy region: the `w_proxy` feature of h_w.
    var proxyFeature: [Int32] { get }
    /// Whether each state lies in the proxy region (proxy pursuit counts episodes ending there).
    var proxyMembership: [Bool] { get }
    /// The state of a named corner, for a detector's target.
    func cornerState(_ corner: Corner) -> Int
    /// A state's position in the layout (what Manhattan distances measure).
    func position(of state: Int) -> (column: Int32, row: Int32)
    /// The state at `position`, clamped onto this layout (a target chosen on the training layout
    /// carried to a deployment layout of another size).
    func state(nearest position: (column: Int32, row: Int32)) -> Int
    /// Instance `index` of the set drawn from sub-stream `label` of `worldSeed`: the same instance
    /// whatever the set's size, so sets of different N are nested (common random numbers).
    func instance(index: Int, label: StreamLabel, worldSeed: UInt64) -> TaskInstance
    /// A figure of an episode on `instance` following `path`, for the report; nil when the
    /// environment has none.
    func drawing(of instance: TaskInstance, path: [Int], expanded: [Int], defected: Bool, point: Point, repetition: Int,
                 phase: Phase, index: Int) -> MazeDrawing?
}

/// The environments the engine can build from a scenario.
package enum EnvironmentKind {
    /// The environment of `spec` (the maze world: the language's `environment` block describes it).
    package static func make(_ spec: EnvironmentSpec) -> any Environment {
        MazeWorld(spec: spec)
    }
}
