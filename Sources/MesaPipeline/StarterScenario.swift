import Foundation

/// The commented starter scenario `mesascope new NAME` writes (docs/scenario-language.md): a small
/// sweep that compiles, runs in seconds, and shows each block with its most used keys.
public enum StarterScenario {
    /// The file name for `name` (`diversity-test` → `diversity-test.mesa`), or nil when the name is
    /// not a plain file name of letters, digits, `-` and `_`.
    public static func fileName(for name: String) -> String? {
        let stem = name.hasSuffix(".mesa") ? String(name.dropLast(5)) : name
        guard !stem.isEmpty, stem.count <= 100,
              stem.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }),
              stem.first != "-"
        else { return nil }
        return stem + ".mesa"
    }

    /// A title from the name: `diversity-test` → `Diversity test`.
    public static func title(for name: String) -> String {
        let stem = name.hasSuffix(".mesa") ? String(name.dropLast(5)) : name
        let words = stem.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The starter text for a scenario titled `title`.
    public static func text(title: String) -> String {
        let quoted = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
        # A mesascope scenario. Check it with `mesascope check`, run it with `mesascope run`, or keep
        # `mesascope preview` open and save this file to see the report change.
        # The language: docs/scenario-language.md. The model behind it: docs/model.md.

        scenario "\(quoted)"

        \"\"\"
        Prose between triple quotes becomes the report's text, in Markdown. Say what the experiment
        tests and what the literature predicts, before you run it.

        **Prediction:** with more distinct mazes (a larger N), the share of runs that learn a search
        (a mesa-optimizer) rises.
        \"\"\"

        # The training world: N distinct mazes. `[a, b, c]` sweeps a setting;
        # `1 ... 64 times 4` is the geometric sweep 1, 4, 16, 64.
        environment {
          maze 5 x 5
          instances 1 ... 64 times 4
        }

        # Where the trained models are scored afterwards: fresh mazes.
        deployment { instances 20 }

        # The model class: K parameters split between a table of decisions and a search.
        model {
          parameters 96
          search_cost 8 * x      # parameters an x-bit search costs: the paper's f(x)
          max_bits 4
        }

        # The base optimizer: `exact` (every minimum-loss model) or `hill_climb` (local search).
        training {
          optimizer exact
          seeds 4
        }

        # A simplicity bias: loss per share of the budget in use.
        bias { description_length 0.02 }

        # Predictions, checked against the runs and shown first in the report.
        expect {
          mesa_optimizer rises along instances
        }

        """
    }
}
