import MesaResults

/// Mazes drawn side by side (typically one training and one deployment episode): walls from the
/// `openings` bit sets (1 N, 2 E, 4 S, 8 W), the proxy region shaded, the cells the search expanded
/// dotted, start and goal marked, and the path the chosen model took as a polyline. A path that
/// ends in the proxy region without reaching the goal is labelled as proxy pursuit; a path that
/// cycles to the step limit is summarised in words ("then cycles between (0, 5) and (0, 6)").
package struct MazeFigure: Sendable {
    package var title: String
    package var description: String
    package var drawings: [MazeDrawing]

    package init(title: String, description: String, drawings: [MazeDrawing]) {
        self.title = title
        self.description = description
        self.drawings = drawings
    }

    static let panelSize = 300.0
    static let gap = 36.0

    /// The figure named `name`.
    package func figure(name: String) -> Figure {
        Figure(name: name, title: title, description: description, canvas: canvas(id: "svg-\(name)"), data: dataTable)
    }

    func canvas(id: String) -> SVGCanvas {
        let count = Double(max(1, drawings.count))
        let width = 16 + count * Self.panelSize + (count - 1) * Self.gap + 16
        let mazeHeight = drawings.map { Self.cellSize(for: $0) * Double(max(1, $0.height)) }.max() ?? Self.panelSize
        let top = 48.0
        var canvas = SVGCanvas(id: id, width: width, height: top + mazeHeight + 62, title: title, description: description)
        for (index, drawing) in drawings.enumerated() {
            let left = 16 + Double(index) * (Self.panelSize + Self.gap)
            draw(drawing, left: left, top: top, into: &canvas)
        }
        let legendY = top + mazeHeight + 50
        canvas.append("<circle cx=\"22.00\" cy=\"\(ChartNumber.coordinate(legendY - 4))\" r=\"5\" class=\"ms-start\"/>")
        canvas.text("start", x: 32, y: legendY, anchor: "start", cssClass: "ms-muted")
        canvas.rect(x: 70, y: legendY - 9, width: 10, height: 10, cssClass: "ms-goal")
        canvas.text("goal", x: 86, y: legendY, anchor: "start", cssClass: "ms-muted")
        canvas.rect(x: 122, y: legendY - 9, width: 10, height: 10, cssClass: "ms-proxy")
        canvas.text("proxy region", x: 138, y: legendY, anchor: "start", cssClass: "ms-muted")
        canvas.line(x1: 222, y1: legendY - 4, x2: 244, y2: legendY - 4, cssClass: "ms-path")
        canvas.text("path taken", x: 250, y: legendY, anchor: "start", cssClass: "ms-muted")
        canvas.append("<circle cx=\"330.00\" cy=\"\(ChartNumber.coordinate(legendY - 4))\" r=\"3\" class=\"ms-expanded\"/>")
        canvas.text("expanded by the search", x: 338, y: legendY, anchor: "start", cssClass: "ms-muted")
        return canvas
    }

    /// The side of a cell: the maze fits its panel, and small mazes are not blown up (at most 44 px).
    static func cellSize(for maze: MazeDrawing) -> Double {
        min(44, panelSize / Double(max(1, maze.width)), panelSize / Double(max(1, maze.height)))
    }

    private func draw(_ maze: MazeDrawing, left: Double, top: Double, into canvas: inout SVGCanvas) {
        let columns = max(1, maze.width)
        let rows = max(1, maze.height)
        let cell = Self.cellSize(for: maze)
        let cellCount = columns * rows
        func origin(_ index: Int) -> (x: Double, y: Double) {
            (left + Double(index % columns) * cell, top + Double(index / columns) * cell)
        }
        func centre(_ index: Int) -> (x: Double, y: Double) {
            let corner = origin(index)
            return (corner.x + cell / 2, corner.y + cell / 2)
        }
        canvas.text(maze.phase.rawValue.capitalized, x: left, y: top - 26, anchor: "start", cssClass: "ms-heading")
        // The full caption is in the description and the data table; the panel shows what fits.
        let fitting = Int(Self.panelSize / 6.2)
        let caption = maze.caption.count > fitting ? String(maze.caption.prefix(fitting - 1)) + "…" : maze.caption
        canvas.text(caption, x: left, y: top - 10, anchor: "start", cssClass: "ms-muted")
        for cellIndex in maze.proxy where (0..<cellCount).contains(cellIndex) {
            let corner = origin(cellIndex)
            canvas.rect(x: corner.x, y: corner.y, width: cell, height: cell, cssClass: "ms-proxy")
        }
        for cellIndex in maze.expanded where (0..<cellCount).contains(cellIndex) {
            let point = centre(cellIndex)
            canvas.append("<circle cx=\"\(ChartNumber.coordinate(point.x))\" cy=\"\(ChartNumber.coordinate(point.y))\" r=\"\(ChartNumber.coordinate(max(1.5, cell * 0.12)))\" class=\"ms-expanded\"/>")
        }
        // Thin strokes on large mazes, so walls and path stay apart.
        let fine = cell < 10 ? " ms-fine" : ""
        canvas.append("<path d=\"\(wallPath(maze, columns: columns, rows: rows, cell: cell, left: left, top: top))\" class=\"ms-wall\(fine)\"/>")
        if (0..<cellCount).contains(maze.goal) {
            let corner = origin(maze.goal)
            canvas.rect(x: corner.x + cell * 0.2, y: corner.y + cell * 0.2, width: cell * 0.6, height: cell * 0.6,
                        cssClass: "ms-goal")
        }
        let path = maze.path.filter { (0..<cellCount).contains($0) }.map(centre)
        if path.count >= 2 {
            let pathClass = (maze.defected ? "ms-path ms-path-defected" : "ms-path") + fine
            canvas.append("<polyline points=\"\(SVGCanvas.points(path))\" class=\"\(pathClass)\"/>")
        }
        if (0..<cellCount).contains(maze.start) {
            let point = centre(maze.start)
            canvas.append("<circle cx=\"\(ChartNumber.coordinate(point.x))\" cy=\"\(ChartNumber.coordinate(point.y))\" r=\"\(ChartNumber.coordinate(max(2, cell * 0.22)))\" class=\"ms-start\"/>")
        }
        canvas.text("\(maze.path.count > 0 ? maze.path.count - 1 : 0) steps, \(maze.outcome)", x: left,
                    y: top + Double(rows) * cell + 18, anchor: "start", cssClass: "ms-muted")
    }

    /// Every closed side once: a side shared by two cells is closed when either cell says so
    /// (cells outside the grid, and missing `openings` entries, count as closed).
    private func wallPath(_ maze: MazeDrawing, columns: Int, rows: Int, cell: Double, left: Double, top: Double) -> String {
        func open(_ x: Int, _ y: Int, _ bit: UInt8) -> Bool {
            guard (0..<columns).contains(x), (0..<rows).contains(y) else { return false }
            let index = y * columns + x
            return index < maze.openings.count && maze.openings[index] & bit != 0
        }
        var segments: [String] = []
        func segment(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int) {
            let start = "M\(ChartNumber.coordinate(left + Double(x1) * cell)) \(ChartNumber.coordinate(top + Double(y1) * cell))"
            segments.append(start + "H\(ChartNumber.coordinate(left + Double(x2) * cell))V\(ChartNumber.coordinate(top + Double(y2) * cell))")
        }
        // Horizontal edges: the edge above row y (y = rows is the bottom border).
        for y in 0...rows {
            for x in 0..<columns where !(open(x, y, 1) && open(x, y - 1, 4)) {
                segment(x, y, x + 1, y)
            }
        }
        // Vertical edges: the edge left of column x (x = columns is the right border).
        for x in 0...columns {
            for y in 0..<rows where !(open(x, y, 8) && open(x - 1, y, 2)) {
                segment(x, y, x, y + 1)
            }
        }
        return segments.joined()
    }

    /// One row per maze: phase, caption, size, start, goal, steps, outcome and the path as (x, y) cells.
    package var dataTable: DataTable {
        let rows = drawings.map { maze -> [String] in
            let columns = max(1, maze.width)
            func cell(_ index: Int) -> String { "(\(index % columns), \(index / columns))" }
            return [
                maze.phase.rawValue, maze.caption, "\(maze.width)×\(maze.height)", cell(maze.start), cell(maze.goal),
                String(max(0, maze.path.count - 1)), maze.outcome, String(maze.expanded.count), maze.pathSummary(cell),
            ]
        }
        return DataTable(
            columns: ["Phase", "Caption", "Size", "Start", "Goal", "Steps", "Outcome", "Cells expanded", "Path (x, y)"],
            rows: rows)
    }
}

extension MazeDrawing {
    /// "training instance 0 — N = 16, goal = region, repetition 0": what the drawing shows.
    var caption: String {
        let place = point.coordinates.isEmpty ? "" : AxisNames.describe(point) + ", "
        return "\(phase.rawValue) instance \(instance) — \(place)repetition \(repetition)"
    }
}

extension MazeDrawing {
    /// "reached the goal", "ended in the proxy region without reaching the goal", with "; detector
    /// fired" when it did.
    var outcome: String {
        let end = path.last ?? start
        let text = end == goal ? "reached the goal"
            : proxy.contains(end) ? "went to the proxy region, not the goal" : "did not reach the goal"
        return text + (defected ? "; detector fired" : "")
    }

    /// The path as (x, y) cells, with a cycle repeated to the step limit said once: the cells up to
    /// the cycle, then "then cycles between (0, 5) and (0, 6) until the step limit (n steps)".
    func pathSummary(_ cell: (Int) -> String) -> String {
        guard let cycle = Self.cycle(in: path) else { return path.map(cell).joined(separator: " ") }
        let lead = path[..<cycle.start].map(cell).joined(separator: " ")
        let loop = path[cycle.start..<(cycle.start + cycle.length)].map(cell)
        let cells = loop.count == 2 ? "\(loop[0]) and \(loop[1])" : loop.joined(separator: " → ")
        let repeatsFor = path.count - 1 - cycle.start
        return (lead.isEmpty ? "" : lead + ", ") + "then cycles between \(cells) until the step limit (\(repeatsFor) more steps)"
    }

    /// The earliest cycle the path repeats to its end, when it is repeated at least twice over: a
    /// memoryless policy that revisits a cell does so forever.
    static func cycle(in path: [Int]) -> (start: Int, length: Int)? {
        var firstSeen: [Int: Int] = [:]
        for (index, cell) in path.enumerated() {
            if let earlier = firstSeen[cell] {
                let length = index - earlier
                let tail = path.count - earlier
                guard tail >= 2 * length + 1 else { return nil }
                for k in earlier..<path.count where path[k] != path[earlier + (k - earlier) % length] { return nil }
                return (earlier, length)
            }
            firstSeen[cell] = index
        }
        return nil
    }
}
