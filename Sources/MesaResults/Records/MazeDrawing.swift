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
    /// The cells the model's search expanded during the episode, each once (empty without search).
    public var expanded: [Int]
    /// Whether the detector fired in this episode.
    public var defected: Bool

    public init(point: Point, repetition: Int, phase: Phase, instance: Int, width: Int, height: Int,
                openings: [UInt8], start: Int, goal: Int, proxy: [Int], path: [Int], expanded: [Int] = [],
                defected: Bool) {
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
        self.expanded = expanded
        self.defected = defected
    }

    enum CodingKeys: String, CodingKey {
        case point, repetition, phase, instance, width, height, openings, start, goal, proxy, path, expanded, defected
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        point = try c.decode(Point.self, forKey: .point)
        repetition = try c.decode(Int.self, forKey: .repetition)
        phase = try c.decode(Phase.self, forKey: .phase)
        instance = try c.decode(Int.self, forKey: .instance)
        width = try c.decode(Int.self, forKey: .width)
        height = try c.decode(Int.self, forKey: .height)
        openings = try c.decode([UInt8].self, forKey: .openings)
        start = try c.decode(Int.self, forKey: .start)
        goal = try c.decode(Int.self, forKey: .goal)
        proxy = try c.decode([Int].self, forKey: .proxy)
        path = try c.decode([Int].self, forKey: .path)
        expanded = try c.decodeIfPresent([Int].self, forKey: .expanded) ?? []
        defected = try c.decode(Bool.self, forKey: .defected)
    }
}
