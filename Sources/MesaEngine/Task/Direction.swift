/// One of the four moves every task offers. Raw values index the openings bits of a maze cell
/// (1 N, 2 E, 4 S, 8 W) and the four successor slots of a task state.
package enum Direction: Int, CaseIterable, Sendable {
    case north = 0, east, south, west

    /// The openings bit of this side.
    @inline(__always) package var bit: UInt8 { 1 << UInt8(rawValue) }
    @inline(__always) package var opposite: Direction { Direction(rawValue: (rawValue + 2) & 3)! }
    @inline(__always) package var dx: Int { self == .east ? 1 : (self == .west ? -1 : 0) }
    @inline(__always) package var dy: Int { self == .south ? 1 : (self == .north ? -1 : 0) }
}
