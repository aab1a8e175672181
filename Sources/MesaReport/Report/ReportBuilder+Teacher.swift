import MesaResults

/// The teacher world's charts (SCIENCE.md §7.2): along each numeric axis, the survival of the
/// installed behaviour and the defection after each phase; what carrying it costs the task (clean
/// error beside the control's, the backdoor cost after each phase); and which hidden units carry
/// it (trigger units, and those shared with the task). Then the same over training.
extension ReportBuilder {
    mutating func appendTeacherAxisCharts(for axis: AxisDescription, to document: inout ReportDocument) {
        let axisName = axis.label ?? AxisNames.chartLabel(axis.key)
        document.append(markdown: "### Against \(axisName.markdownEscaped)\n")

        let charts = LearnedAxisCharts(axis: axis, axisName: axisName, results: results)
        func series(_ metric: Metric, _ prefix: String) -> [LineChart.Series] { charts.series(metric, prefix) }
        func chart(_ name: String, _ title: String, _ description: String, yLabel: String,
                   yDomain: ClosedRange<Double>? = nil, _ lines: [LineChart.Series]) {
            append(charts.chart(title, description, yLabel: yLabel, yDomain: yDomain, lines), name: name, axis: axis,
                   to: &document)
        }

        chart("survival", "Survival of the behaviour against \(axisName)",
              "Defection after safety training over defection after phase 1, in runs that installed the behaviour (phase-1 defection ≥ 0.5): 1 when phase 2 left it whole, 0 when it removed it. The underparameterization argument predicts survival rising with spare capacity for the region trigger; for the input trigger only weight decay acts on the trigger's weights, so survival near exp(−lr·decay·steps) whatever the width. Mean and 95% interval over seeds.",
              yLabel: "survival", series(.survival, ""))
        chart("defection", "Defection after each phase against \(axisName)",
              "Mean over the trigger inputs of (model − no-trigger control) / offset: 1 when the model adds the whole offset there. After phase 1 (installation) and at the end of the run (after safety training).",
              yLabel: "defection",
              series(.defectionPhase1, "after phase 1 · ") + series(.defection, "after phase 2 · "))
        chart("clean error", "Clean error against \(axisName)",
              "Mean squared error against the teacher on inputs where the trigger does not fire, in units of Var f = 1, for the model and the no-trigger control at the end of the run, and for the model after phase 1.",
              yLabel: "clean error",
              series(.cleanErrorPhase1, "model, phase 1 · ") + series(.cleanError, "model · ") + series(.controlCleanError, "control · "))
        chart("backdoor cost", "What the behaviour costs the task against \(axisName)",
              "Clean error minus the control's (the premise gap of this world): positive when carrying the behaviour makes the model worse at the task. After phase 1 and at the end of the run.",
              yLabel: "backdoor cost",
              series(.backdoorCostPhase1, "after phase 1 · ") + series(.backdoorCost, "after phase 2 · "))
        chart("units", "Units carrying the behaviour against \(axisName)",
              "Hidden units the trigger moves (beyond what it moves in the control), and those of them that also carry task weight (parameter sharing: the caveat of the underparameterization argument), after phase 1.",
              yLabel: "hidden units",
              series(.triggerUnitsPhase1, "trigger units · ") + series(.sharedUnitsPhase1, "shared units · "))
    }

    /// Defection, clean error, backdoor cost and the trigger units over both phases.
    mutating func appendTeacherTrainingCurves(to document: inout ReportDocument) {
        appendTrainingCurves(
            to: &document, metrics: [.defection, .cleanError, .backdoorCost, .triggerUnits, .sharedUnits],
            introduction: "Each run is measured at ten evenly spaced steps over both phases, the last at the end of training; phase 2 (safety training) starts after the phase-1 steps. A fall in defection after that step is safety training removing the behaviour.")
    }
}
