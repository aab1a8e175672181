import Foundation
@testable import MesaReport
import Testing

/// WCAG 2.1 contrast of the report's colours, in light and dark mode: text at least 4.5:1 (AA for
/// normal text) against every background it sits on, chart series at least 3:1 against the page
/// (AA for graphical objects, 1.4.11). Colours are read from `templates/style.css` and the chart
/// palette, so an edit that breaks contrast fails here.
@Suite("Colour contrast (WCAG AA)")
struct ContrastTests {
    static let stylesheet: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/style.css")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The custom properties of the first `:root { … }` block after `marker` in the stylesheet.
    static func variables(after marker: String) -> [String: String] {
        guard let start = stylesheet.range(of: marker), let root = stylesheet.range(of: ":root", range: start.lowerBound..<stylesheet.endIndex),
              let open = stylesheet[root.upperBound...].firstIndex(of: "{"),
              let close = stylesheet[open...].firstIndex(of: "}") else { return [:] }
        var result: [String: String] = [:]
        for declaration in stylesheet[stylesheet.index(after: open)..<close].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--") { result[String(parts[0].dropFirst(2))] = parts[1] }
        }
        return result
    }

    /// Relative luminance of `#rrggbb` (WCAG 2.1).
    static func luminance(_ hex: String) -> Double? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        guard let la = luminance(a), let lb = luminance(b) else { return 0 }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test("the contrast formula: black on white is 21:1, equal colours 1:1, #767676 on white 4.54:1")
    func formula() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.contrast("#abcdef", "#abcdef") - 1) < 1e-9)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)
    }

    @Test("text against its backgrounds, badges, and chart series, in light and dark mode", arguments: ["light", "dark"])
    func pairs(mode: String) throws {
        let colours = mode == "light" ? Self.variables(after: "/* mesascope") : Self.variables(after: "prefers-color-scheme: dark")
        let text: [(String, String)] = [
            ("text", "background"), ("text", "surface"), ("muted", "background"), ("muted", "surface"),
            ("accent", "background"), ("accent", "surface"), ("text", "target"),
            ("holds-text", "holds-bg"), ("not-hold-text", "not-hold-bg"), ("not-shown-text", "not-shown-bg"),
        ]
        for (foreground, background) in text {
            let f = try #require(colours[foreground], "\(mode): --\(foreground) is set")
            let b = try #require(colours[background], "\(mode): --\(background) is set")
            let ratio = Self.contrast(f, b)
            #expect(ratio >= 4.5, "\(mode): --\(foreground) \(f) on --\(background) \(b) is \(String(format: "%.2f", ratio)):1")
        }
        let page = try #require(colours["background"])
        let palette = mode == "light" ? SVGCanvas.lightColours : SVGCanvas.darkColours
        for colour in palette {
            let ratio = Self.contrast(colour, page)
            #expect(ratio >= 3, "\(mode): series colour \(colour) on \(page) is \(String(format: "%.2f", ratio)):1")
        }
    }
}
