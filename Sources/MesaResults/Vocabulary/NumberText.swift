import Foundation

/// Deterministic, locale-free number text for finding sentences.
public enum NumberText {
    /// `value` rounded to `significant` digits, in plain decimal notation: 22.6 → "23" (2
    /// digits), 0.8333 → "0.833", 1234.5 → "1230" (3 digits). Values within 1e-9 relative of
    /// an integer below 10^6 print as that integer (16, 128, 100000). Magnitudes outside
    /// [1e-6, 1e15) fall back to Swift's shortest round-trip text. O(1).
    public static func format(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value > 0 ? "∞" : "-∞" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        let nearest = value.rounded()
        if nearest != 0, abs(value - nearest) <= 1e-9 * magnitude, abs(nearest) < 1e6 {
            return String(Int64(nearest))
        }
        guard magnitude >= 1e-6, magnitude < 1e15 else { return "\(value)" }
        let sign = value < 0 ? "-" : ""
        let exponent = Int(floor(log10(magnitude)))
        let decimals = Swift.max(0, significant - 1 - exponent)
        if decimals == 0 {
            let unit = pow(10, Double(Swift.max(0, exponent - significant + 1)))
            return sign + String(Int64((magnitude / unit).rounded() * unit))
        }
        let scaled = Int64((magnitude * pow(10, Double(decimals))).rounded())
        var digits = String(scaled)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        var whole = String(digits.dropLast(decimals))
        var fraction = String(digits.suffix(decimals))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// "a–b" for an interval, each end with `significant` digits.
    /// `format`, with a minus sign (−) rather than a hyphen before a negative number: for prose.
    public static func prose(_ value: Double, significant: Int = 2) -> String {
        let text = format(value, significant: significant)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    public static func range(_ lo: Double, _ hi: Double, significant: Int = 2) -> String {
        format(lo, significant: significant) + "–" + format(hi, significant: significant)
    }
}
