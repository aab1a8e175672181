import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG with `XMLParser` (so a test fails on malformed markup) and collects its elements.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The sum of the `translate(dx dy)` transforms of the groups around it.
        var offset: (x: Double, y: Double) = (0, 0)
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: Error?

    /// `nil` when the SVG is not well-formed XML.
    static func parse(_ svg: String) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        return parser.parse() ? inspector : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var offset = open.last.map { elements[$0].offset } ?? (0, 0)
        if elementName == "g", let transform = attributeDict["transform"], transform.hasPrefix("translate(") {
            let numbers = transform.dropFirst("translate(".count).dropLast().split(whereSeparator: { $0 == " " || $0 == "," })
                .compactMap { Double($0) }
            offset.0 += numbers.first ?? 0
            offset.1 += numbers.count > 1 ? numbers[1] : 0
        }
        elements.append(Element(name: elementName, attributes: attributeDict, text: "", offset: offset))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    /// The box every `<text>` (not rotated) covers: from its anchor and an estimate of its width at
    /// its font size (0.6 em per character, wider than the charts' font draws), 1 em high.
    func textBoxes() -> [(text: String, box: CGRect)] {
        elements(named: "text").compactMap { element in
            guard element.attributes["transform"] == nil, let x = element.attributes["x"].flatMap(Double.init),
                  let y = element.attributes["y"].flatMap(Double.init) else { return nil }
            let size = (element.attributes["class"] ?? "").contains("ms-muted") ? 11.0 : 12.0
            let width = Double(element.text.count) * size * 0.6
            let left: Double
            switch element.attributes["text-anchor"] {
            case "end": left = x - width
            case "middle": left = x - width / 2
            default: left = x
            }
            return (element.text, CGRect(x: left + element.offset.x, y: y - size * 0.8 + element.offset.y, width: width, height: size))
        }
    }

    /// Pairs of text boxes that intersect.
    func overlappingTexts() -> [(String, String)] {
        let boxes = textBoxes()
        var pairs: [(String, String)] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].box.intersects(boxes[j].box) {
                pairs.append((boxes[i].text, boxes[j].text))
            }
        }
        return pairs
    }
}
