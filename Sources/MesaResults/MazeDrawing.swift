/// A maze and the path a chosen model took through it, for a report figure.
public struct MazeDrawing: Codable, Sendable, Hashable {
    /// What the drawing shows, e.g. "training instance 3, N = 16, seed 0".
    public var caption: String
    /// `training` or `deployment`.
    public var phase: String
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

    public init(caption: String, phase: String, width: Int, height: Int, openings: [UInt8], start: Int, goal: Int,
                proxy: [Int], path: [Int], defected: Bool) {
        self.caption = caption
        self.phase = phase
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
