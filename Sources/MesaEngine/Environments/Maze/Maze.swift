/// A W×H grid of cells (row-major, `y * width + x`) with, for each cell, the bit set of its open
/// sides. Openings are symmetric: a passage is open from both of its cells.
package struct Maze: Sendable, Hashable {
    package let width: Int
    package let height: Int
    package var openings: [UInt8]

    /// A maze with every wall closed.
    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
        openings = [UInt8](repeating: 0, count: width * height)
    }

    package var cellCount: Int { width * height }

    @inline(__always) package func x(_ cell: Int) -> Int { cell % width }
    @inline(__always) package func y(_ cell: Int) -> Int { cell / width }

    @inline(__always) package func isOpen(_ cell: Int, _ direction: Int) -> Bool {
        openings[cell] & (1 << UInt8(direction)) != 0
    }

    /// The cell across side `direction` of `cell`, or nil at the border.
    @inline(__always) package func neighbour(_ cell: Int, _ direction: Direction) -> Int? {
        let x = cell % width, y = cell / width
        let nx = x + direction.dx, ny = y + direction.dy
        guard nx >= 0, nx < width, ny >= 0, ny < height else { return nil }
        return ny * width + nx
    }

    /// The cell reached through an open side (callers check `isOpen` first). The offsets are
    /// −W, +1, +W, −1 for N, E, S, W.
    @inline(__always) package func step(_ cell: Int, _ direction: Int) -> Int {
        switch direction {
        case 0: return cell - width
        case 1: return cell + 1
        case 2: return cell + width
        default: return cell - 1
        }
    }

    /// Opens the passage between `cell` and its neighbour in `direction` (both sides).
    package mutating func open(_ cell: Int, _ direction: Direction) {
        guard let other = neighbour(cell, direction) else { return }
        openings[cell] |= direction.bit
        openings[other] |= direction.opposite.bit
    }

    /// The number of open passages (each counted once).
    package var passageCount: Int {
        openings.reduce(0) { $0 + $1.nonzeroBitCount } / 2
    }

    /// Manhattan distance between two cells.
    @inline(__always) package func manhattan(_ a: Int, _ b: Int) -> Int {
        abs(a % width - b % width) + abs(a / width - b / width)
    }

    /// The direction from `cell` to the adjacent cell `next`.
    @inline(__always) package func direction(from cell: Int, to next: Int) -> Int {
        if next == cell - width { return 0 }
        if next == cell + 1 { return 1 }
        if next == cell + width { return 2 }
        return 3
    }
}
