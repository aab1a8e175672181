import Foundation
@testable import MesaAnalysis
import MesaResults
import Testing

/// Loads the JSON reference values written by `fixtures/make_fixtures.py`, located relative to
/// this source file (`#filePath`), which works with SwiftPM on Linux and macOS without bundling
/// resources. Non-finite numbers are stored as the strings "inf", "-inf" and "nan".
enum Fixture {
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(T.self, from: Data(contentsOf: url))
    }
}

/// One observation as stored in the fixtures.
struct ObservationRecord: Decodable {
    var x: Double
    var covariates: [String]
    var y: Double

    var observation: TrendObservation { TrendObservation(x: x, covariates: covariates, y: y) }
}

/// A trend data set with its reference values (see `trend_fixture` in the script).
struct TrendFixture: Decodable {
    struct Logistic: Decodable {
        var coefficients: [Double]
        var covariance: [[Double]]
        var logLikelihood: Double
        var confInt95: [[Double]]?
        var firthmodelsCoefficients: [Double]?
    }

    struct OrdinaryLeastSquares: Decodable {
        var coefficients: [Double]
        var covariance: [[Double]]
        var confInt95: [[Double]]
        var dfResid: Int
        var scale: Double
    }

    struct Slice: Decodable {
        var covariates: [String]
        var n: Int
        var effect: Double?
        var se: Double?
        var lower: Double?
        var upper: Double?
    }

    struct Trend: Decodable {
        var level: Double
        var effect: Double
        var se: Double
        var lower: Double
        var upper: Double
        var slope: Double
        var slopeSe: Double
        var slopeLower: Double
        var slopeUpper: Double
        var slices: [Slice]
    }

    struct Crossover: Decodable {
        var covariates: [String]
        var kind: String
        var x: Double
    }

    var name: String
    var binary: Bool
    var observations: [ObservationRecord]
    var axisLevels: [[String]]
    var design: [[Double]]
    var mle: Logistic?
    var firth: Logistic?
    var ols: OrdinaryLeastSquares?
    var trend: [Trend]
    var crossovers: [Crossover]

    var trendObservations: [TrendObservation] { observations.map(\.observation) }
    var outcomes: [Double] { observations.map(\.y) }
}

/// Tracks the largest absolute and relative deviation seen, and checks a tolerance.
/// The summaries are printed by the tests so that the achieved accuracy is visible in the log.
struct Deviation: CustomStringConvertible {
    private(set) var maxAbsolute = 0.0
    private(set) var maxRelative = 0.0

    /// Records |actual − expected| and expects it ≤ absolute + relative·|expected|.
    mutating func check(
        _ actual: Double, _ expected: Double, relative: Double = 1e-6, absolute: Double = 1e-12,
        _ label: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if actual == expected || (actual.isNaN && expected.isNaN) { return }  // equal infinities; both undefined
        let difference = abs(actual - expected)
        maxAbsolute = max(maxAbsolute, difference)
        // Relative error is reported only where it means something (|expected| ≥ 1e-6).
        if abs(expected) >= 1e-6 { maxRelative = max(maxRelative, difference / abs(expected)) }
        #expect(
            difference <= absolute + relative * abs(expected),
            "\(label()): \(actual) vs \(expected)", sourceLocation: sourceLocation)
    }

    mutating func check(
        _ actual: [Double], _ expected: [Double], relative: Double = 1e-6, absolute: Double = 1e-12,
        _ label: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "\(label()): length", sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            check(a, e, relative: relative, absolute: absolute, label(), sourceLocation: sourceLocation)
        }
    }

    mutating func check(
        _ actual: [[Double]], _ expected: [[Double]], relative: Double = 1e-6,
        absolute: Double = 1e-12, _ label: @autoclosure () -> String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "\(label()): rows", sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            check(a, e, relative: relative, absolute: absolute, label(), sourceLocation: sourceLocation)
        }
    }

    var description: String {
        String(format: "max abs %.3g, max rel %.3g", maxAbsolute, maxRelative)
    }
}
