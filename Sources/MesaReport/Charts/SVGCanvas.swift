/// An SVG document under construction: the accessible frame (role, title, description) and the
/// shared chart style, with drawing elements appended as text.
///
/// Colours come from CSS classes, and everything neutral is `currentColor`, so a figure follows
/// the page's light or dark scheme; a standalone file (`figures/*.svg`) sets its own text colour.
package struct SVGCanvas: Sendable {
    package let id: String
    package let width: Double
    package let height: Double
    package let title: String
    package let description: String
    private var elements: [String] = []

    /// Number of distinct series colours; series beyond it reuse them with other dash patterns.
    package static let paletteSize = 6

    package init(id: String, width: Double, height: Double, title: String, description: String) {
        self.id = id
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    /// Appends raw SVG markup; callers escape any text they put in it.
    package mutating func append(_ element: String) {
        elements.append(element)
    }

    /// Appends a `<text>` element with escaped content.
    package mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "middle", cssClass: String = "ms-text",
        rotate: Bool = false
    ) {
        let xs = ChartNumber.coordinate(x)
        let ys = ChartNumber.coordinate(y)
        let transform = rotate ? " transform=\"rotate(-90 \(xs) \(ys))\"" : ""
        elements.append(
            "<text x=\"\(xs)\" y=\"\(ys)\" text-anchor=\"\(anchor)\" class=\"\(cssClass)\"\(transform)>\(content.htmlEscaped)</text>")
    }

    /// Appends a straight line.
    package mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) {
        elements.append(
            "<line x1=\"\(ChartNumber.coordinate(x1))\" y1=\"\(ChartNumber.coordinate(y1))\" x2=\"\(ChartNumber.coordinate(x2))\" y2=\"\(ChartNumber.coordinate(y2))\" class=\"\(cssClass)\"/>")
    }

    /// Appends a rectangle.
    package mutating func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String) {
        elements.append(
            "<rect x=\"\(ChartNumber.coordinate(x))\" y=\"\(ChartNumber.coordinate(y))\" width=\"\(ChartNumber.coordinate(width))\" height=\"\(ChartNumber.coordinate(height))\" class=\"\(cssClass)\"/>")
    }

    /// The `points` attribute value of a polyline or polygon.
    package static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(ChartNumber.coordinate($0.x)),\(ChartNumber.coordinate($0.y))" }.joined(separator: " ")
    }

    /// The CSS classes of series number `index`: a colour and a dash pattern.
    package static func seriesClasses(_ index: Int) -> String {
        "ms-c\(index % paletteSize) ms-d\((index / paletteSize + index) % 4)"
    }

    /// The finished document. `standalone` adds a text colour for viewing the file on its own.
    package func render(standalone: Bool) -> String {
        let w = ChartNumber.coordinate(width)
        let h = ChartNumber.coordinate(height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
        svg += " role=\"img\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" class=\"ms-figure\""
        svg += " font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n"
        svg += "<title id=\"\(id)-title\">\(title.htmlEscaped)</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(description.htmlEscaped)</desc>\n"
        svg += "<style>\(Self.style)\(standalone ? Self.standaloneStyle : "")</style>\n"
        svg += elements.joined(separator: "\n")
        svg += "\n</svg>\n"
        return svg
    }

    package static let lightColours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#b8860b", "#6a3d9a"]
    package static let darkColours = ["#56b4e9", "#ff8c42", "#3fd0a0", "#e89bc8", "#f0c040", "#b39ddb"]

    private static let style: String = {
        var css = ".ms-axis{stroke:currentColor;stroke-width:1;fill:none}"
        css += ".ms-grid{stroke:currentColor;stroke-opacity:.14;stroke-width:1}"
        css += ".ms-text{fill:currentColor}.ms-muted{fill:currentColor;fill-opacity:.72;font-size:11px}"
        css += ".ms-heading{fill:currentColor;font-weight:600}"
        css += ".ms-marker{stroke:currentColor;stroke-opacity:.55;stroke-dasharray:4 3;stroke-width:1}"
        css += ".ms-marker-span{fill:currentColor;fill-opacity:.08;stroke:none}"
        css += ".ms-figure .ms-line{fill:none;stroke-width:2.2;stroke-linejoin:round}.ms-figure .ms-dot,.ms-figure .ms-mark{stroke:none}"
        css += ".ms-figure .ms-band{stroke:none;fill-opacity:.18}.ms-figure .ms-bar{stroke:none;fill-opacity:.85}"
        css += ".ms-figure .ms-d1{stroke-dasharray:7 3}.ms-figure .ms-d2{stroke-dasharray:2 3}.ms-figure .ms-d3{stroke-dasharray:9 3 2 3}"
        css += ".ms-wall{stroke:currentColor;stroke-width:2;stroke-linecap:square;fill:none}"
        css += ".ms-proxy{fill:#cc79a7;fill-opacity:.25;stroke:none}"
        css += ".ms-path{fill:none;stroke:#0072b2;stroke-width:3;stroke-linejoin:round;stroke-linecap:round;stroke-opacity:.85}"
        css += ".ms-path-defected{stroke:#d55e00}"
        css += ".ms-figure .ms-wall.ms-fine{stroke-width:1}.ms-figure .ms-path.ms-fine{stroke-width:1.5}"
        css += ".ms-start{fill:#009e73}.ms-goal{fill:#d55e00}.ms-expanded{fill:currentColor;fill-opacity:.45}"
        for (index, colour) in lightColours.enumerated() { css += ".ms-c\(index){stroke:\(colour);fill:\(colour)}" }
        css += "@media screen and (prefers-color-scheme:dark){"
        for (index, colour) in darkColours.enumerated() { css += ".ms-c\(index){stroke:\(colour);fill:\(colour)}" }
        css += ".ms-path{stroke:#56b4e9}.ms-path-defected{stroke:#ff8c42}.ms-start{fill:#3fd0a0}.ms-goal{fill:#ff8c42}"
        css += ".ms-proxy{fill:#e89bc8}}"
        return css
    }()

    private static let standaloneStyle =
        "svg.ms-figure{color:#1f2328}@media screen and (prefers-color-scheme:dark){svg.ms-figure{color:#e6edf3}}"
}
