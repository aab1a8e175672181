/// A figure of a report: the SVG (inline and standalone), its title, description and data.
package struct Figure: Sendable, Hashable {
    /// File stem under `figures/` and, prefixed with `fig-`, the element id; slug characters only.
    package var name: String
    package var title: String
    package var description: String
    /// The SVG for inlining in `index.html`.
    package var inlineSVG: String
    /// The SVG written to `figures/<name>.svg`.
    package var standaloneSVG: String
    package var data: DataTable

    package init(name: String, title: String, description: String, canvas: SVGCanvas, data: DataTable) {
        self.name = name
        self.title = title
        self.description = description
        self.inlineSVG = canvas.render(standalone: false)
        self.standaloneSVG = canvas.render(standalone: true)
        self.data = data
    }

    /// The element id of the figure (also the SVG's id prefix).
    package var elementID: String { "fig-\(name)" }
}
