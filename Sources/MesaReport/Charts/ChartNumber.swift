import Foundation

/// Locale-free number formatting for figures and tables, so the same numbers always give the same
/// bytes (`String(format:)` with no locale uses the C conventions: `.` as decimal point, no grouping).
package enum ChartNumber {
    /// An SVG coordinate: two decimals, never `-0.00`.
    package static func coordinate(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }

    /// A value as a reader wants it on an axis or in a table: integers without decimals, otherwise
    /// about four significant digits.
    package static func label(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        let text: String
        if magnitude >= 100 {
            text = trimmed(String(format: "%.1f", value))
        } else if magnitude >= 1 {
            text = trimmed(String(format: "%.3f", value))
        } else {
            text = String(format: "%.3g", value)
        }
        return text == "-0" ? "0" : text
    }

    /// A value for a data table: integers without decimals, otherwise six significant digits.
    package static func precise(_ value: Double) -> String {
        if value.isNaN || value.isInfinite || (value == value.rounded() && abs(value) < 1e15) { return label(value) }
        let text = String(format: "%.6g", value)
        return text == "-0" ? "0" : text
    }

    /// Drops trailing zeros (and a trailing point) of a fixed-point rendering.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }
}
