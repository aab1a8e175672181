@testable import MesaLanguage
import MesaScenario
import Testing

/// The example of SCENARIO-LANGUAGE.md, verbatim.
let exampleSource = #"""
scenario "Diversity pays for search"

"""
Section 2.1 of *Risks from Learned Optimization* predicts that as the number of distinct
task instances N grows, training prefers a learned algorithm that searches at run time.
"""

analytic {
  power 100                 # P: base-optimizer power, bits
  cost 2 * x^2              # f(x): power to build an x-bit learned optimizer
  max_bits 20               # x_max
  instances 1 ... 1024 times 2
}

environment {
  maze 9 x 9
  instances [1, 2, 4, 8, 16, 32, 64, 128]    # N, swept
  goal anywhere
}

deployment { instances 200 }

model {
  parameters 512            # K, the fixed budget
  search_cost 16 * x        # parameters an x-bit search costs
  max_bits 8
}

training { optimizer hill_climb; steps 20000; seeds 8 }

bias { description_length 0; speed 0 }
"""#

/// Every diagnostic of compiling `text`, sorted by position.
func diagnostics(of text: String, options: ScenarioCompiler.Options = .init()) -> [Diagnostic] {
    ScenarioCompiler.analyze(source: Array(text.utf8), path: "t.mesa", options: options).diagnostics.diagnostics
}

/// The scenario `text` compiles to, recording an issue (with the rendered errors) when it does not.
func compiled(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Scenario? {
    switch ScenarioCompiler.compile(source: text, path: "t.mesa") {
    case .success(let compiled): return compiled.scenario
    case .failure(let list):
        Issue.record("did not compile:\n\(list.rendered(path: "t.mesa", source: text))", sourceLocation: sourceLocation)
        return nil
    }
}

/// Expects exactly one error, at `line:column`, with `message` and optionally these notes.
func expectError(_ text: String, line: Int, column: Int, _ message: String, notes: [String]? = nil,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let errors = diagnostics(of: text).filter { $0.severity == .error }
    guard errors.count == 1, let error = errors.first else {
        Issue.record("expected one error, got \(errors.count): \(errors.map { "\($0.range.start.line):\($0.range.start.column): \($0.message)" })",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(error.range.start.line == line, sourceLocation: sourceLocation)
    #expect(error.range.start.column == column, sourceLocation: sourceLocation)
    #expect(error.message == message, sourceLocation: sourceLocation)
    if let notes {
        #expect(error.notes.map(\.message) == notes, sourceLocation: sourceLocation)
    }
}

/// A minimal valid file with `body` after the header.
func scenarioFile(_ body: String) -> String {
    "scenario \"T\"\n" + body
}
