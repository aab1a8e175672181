/// A maze and the path a chosen model took through it, for a report figure. The caption is
/// written by the report from `point`, `phase`, `instance` and `repetition`.
public struct MazeDrawing: Codable, Sendable, Hashable {
    /// The sweep point of the run drawn.
    public var point: Point
    public var repetition: Int
    public var phase: Phase
    /// The instance's index in its set.
    public var instance: Int
    public var width: Int
    public var height: Int
    /// For each cell (row-major, y * width + x), a bit set of open sides: 1 N, 2 E, 4 S, 8 W.
    public var openings: [UInt8]
    public var start: Int
    public var goal: Int
    /// Cells of the proxy region, if any.
    public var proxy: [Int]
    /// The visited cells in order, start first.
    public var path: [Int]
    /// Whether the detector fired in this episode.
    public var defected: Bool

    public init(point: Point, repetition: Int, phase: Phase, instance: Int, width: Int, height: Int,
                openings: [UInt8], start: Int, goal: Int, proxy: [Int], path: [Int], defected: Bool) {
        self.point = point
        self.repetition = repetition
        self.phase = phase
        self.instance = instance
        self.width = width
        self.height = height
        self.openings = openings
        self.start = start
        self.goal = goal
        self.proxy = proxy
        self.path = path
        self.defected = defected
    }
}
