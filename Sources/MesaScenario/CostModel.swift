import Foundation

/// Seconds per unit of work (`WorkUnits`) on one machine, one thread: what `plan` multiplies a
/// sweep's work by, and what the progress display's ETA is measured in.
///
/// `reference` holds the figures of the reference machine (docs/performance.md: 2-core AMD EPYC,
/// fitted on the bundled scenarios' measured times with one job). A machine's own model is the
/// reference scaled by a short measurement on it (`CostCalibration` in the engine), cached.
public struct CostModel: Sendable, Hashable, Codable {
    public var secondsPerHillClimbUnit: Double
    public var secondsPerExactUnit: Double
    public var secondsPerMeasurementUnit: Double
    public var secondsPerRun: Double
    /// Analysis and report writing of one scenario once its runs are done: a fixed part and a part
    /// per run analysed.
    public var secondsPerReport: Double
    public var secondsPerReportedRun: Double
    /// Seconds per floating-point operation of a learned world's training (`WorkUnits.gradient`).
    public var secondsPerGradientUnit: Double

    public init(secondsPerHillClimbUnit: Double, secondsPerExactUnit: Double, secondsPerMeasurementUnit: Double,
                secondsPerRun: Double, secondsPerReport: Double, secondsPerReportedRun: Double,
                secondsPerGradientUnit: Double = CostModel.referenceSecondsPerGradientUnit) {
        self.secondsPerGradientUnit = secondsPerGradientUnit
        self.secondsPerHillClimbUnit = secondsPerHillClimbUnit
        self.secondsPerExactUnit = secondsPerExactUnit
        self.secondsPerMeasurementUnit = secondsPerMeasurementUnit
        self.secondsPerRun = secondsPerRun
        self.secondsPerReport = secondsPerReport
        self.secondsPerReportedRun = secondsPerReportedRun
    }

    /// The reference machine's figures (release build). The fixed costs (a run's 0.6 ms, a
    /// measurement unit, a report's 0.03 s + 0.19 ms per run) were measured directly; the
    /// hill-climbing and exact units were then fitted to the bundled scenarios' times with one job
    /// (docs/performance.md).
    public static let reference = CostModel(secondsPerHillClimbUnit: 5.8e-9, secondsPerExactUnit: 2.0e-6,
                                            secondsPerMeasurementUnit: 5e-8, secondsPerRun: 6e-4,
                                            secondsPerReport: 0.03, secondsPerReportedRun: 1.9e-4)

    /// The reference machine's seconds per floating-point operation of a learned world's run
    /// (`RegressionSpec.work`): fitted on the regression scenarios 19–23, whose estimates with
    /// 2.5e-10 were 1.3–2.6 times their times (docs/performance.md, "Learned worlds").
    public static let referenceSecondsPerGradientUnit = 1.3e-10

    enum CodingKeys: String, CodingKey {
        case secondsPerHillClimbUnit, secondsPerExactUnit, secondsPerMeasurementUnit, secondsPerRun, secondsPerReport
        case secondsPerReportedRun, secondsPerGradientUnit
    }

    /// Decodes a calibration; one saved before the learned worlds has no gradient figure and takes
    /// the reference machine's, scaled like hill climbing.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        secondsPerHillClimbUnit = try c.decode(Double.self, forKey: .secondsPerHillClimbUnit)
        secondsPerExactUnit = try c.decode(Double.self, forKey: .secondsPerExactUnit)
        secondsPerMeasurementUnit = try c.decode(Double.self, forKey: .secondsPerMeasurementUnit)
        secondsPerRun = try c.decode(Double.self, forKey: .secondsPerRun)
        secondsPerReport = try c.decode(Double.self, forKey: .secondsPerReport)
        secondsPerReportedRun = try c.decode(Double.self, forKey: .secondsPerReportedRun)
        secondsPerGradientUnit = try c.decodeIfPresent(Double.self, forKey: .secondsPerGradientUnit)
            ?? Self.referenceSecondsPerGradientUnit * secondsPerHillClimbUnit / 5.8e-9
    }

    /// Single-thread seconds for `work`.
    public func seconds(_ work: WorkUnits) -> Double {
        work.hillClimb * secondsPerHillClimbUnit + work.exactAnalysis * secondsPerExactUnit
            + work.measurement * secondsPerMeasurementUnit + work.runs * secondsPerRun
            + work.gradient * secondsPerGradientUnit
    }

    /// Wall seconds for a scenario's runs `work` spread over `jobs` threads (never less than its
    /// largest run), then its report of `work.runs` runs.
    public func wallSeconds(_ work: WorkUnits, largestRun: WorkUnits, jobs: Int) -> Double {
        max(seconds(work) / Double(max(1, jobs)), seconds(largestRun)) + secondsPerReport + work.runs * secondsPerReportedRun
    }

    /// The model with hill climbing (and measurement, which runs the same episodes) scaled by
    /// `hillClimb`, exact analysis by `exact`, and the fixed cost per run by their mean.
    public func scaled(hillClimb: Double, exact: Double) -> CostModel {
        CostModel(secondsPerHillClimbUnit: secondsPerHillClimbUnit * hillClimb,
                  secondsPerExactUnit: secondsPerExactUnit * exact,
                  secondsPerMeasurementUnit: secondsPerMeasurementUnit * hillClimb,
                  secondsPerRun: secondsPerRun * (hillClimb + exact) / 2,
                  secondsPerReport: secondsPerReport * hillClimb,
                  secondsPerReportedRun: secondsPerReportedRun * hillClimb,
                  secondsPerGradientUnit: secondsPerGradientUnit * hillClimb)
    }

    /// "45s", "3m20s", "2h05m", "2.8 days", "3.1 years": how `plan` and the progress display
    /// write a duration.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e9 else { return "more than 30 years" }
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        if whole < 48 * 3600 { return "\(whole / 3600)h\(String(format: "%02d", whole / 60 % 60))m" }
        let days = seconds / 86_400
        return days < 365 ? String(format: "%.1f days", days) : String(format: "%.1f years", days / 365.25)
    }
}
