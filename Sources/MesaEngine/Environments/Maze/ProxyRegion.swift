import MesaScenario

/// The proxy region: a corner square of side R (clipped to the grid), and every cell's
/// Manhattan distance to it — the `w_proxy` feature of the learned evaluation h_w.
package struct ProxyRegion: Sendable {
    package let width: Int
    package let height: Int
    /// Membership per cell.
    package let contains: [Bool]
    /// Manhattan distance from each cell to the nearest region cell (0 inside).
    package let manhattan: [Int32]
    /// Region cells in row-major order.
    package let cells: [Int]

    package init(corner: Corner, side: Int, width: Int, height: Int) {
        self.width = width
        self.height = height
        let sx = min(max(side, 1), width), sy = min(max(side, 1), height)
        let xRange: ClosedRange<Int>, yRange: ClosedRange<Int>
        switch corner {
        case .top_left: xRange = 0...(sx - 1); yRange = 0...(sy - 1)
        case .top_right: xRange = (width - sx)...(width - 1); yRange = 0...(sy - 1)
        case .bottom_left: xRange = 0...(sx - 1); yRange = (height - sy)...(height - 1)
        case .bottom_right: xRange = (width - sx)...(width - 1); yRange = (height - sy)...(height - 1)
        }
        var contains = [Bool](repeating: false, count: width * height)
        var manhattan = [Int32](repeating: 0, count: width * height)
        var cells: [Int] = []
        for y in 0..<height {
            for x in 0..<width {
                let cell = y * width + x
                let dx = x < xRange.lowerBound ? xRange.lowerBound - x : (x > xRange.upperBound ? x - xRange.upperBound : 0)
                let dy = y < yRange.lowerBound ? yRange.lowerBound - y : (y > yRange.upperBound ? y - yRange.upperBound : 0)
                manhattan[cell] = Int32(dx + dy)
                if dx + dy == 0 {
                    contains[cell] = true
                    cells.append(cell)
                }
            }
        }
        self.contains = contains
        self.manhattan = manhattan
        self.cells = cells
    }

    /// The corner cell of `corner` on a `width`×`height` grid.
    package static func cornerCell(_ corner: Corner, width: Int, height: Int) -> Int {
        switch corner {
        case .top_left: return 0
        case .top_right: return width - 1
        case .bottom_left: return (height - 1) * width
        case .bottom_right: return height * width - 1
        }
    }
}
