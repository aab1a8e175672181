import MesaResults

/// The metric registry as text, for the command line.
public enum MetricReference {
    /// The Markdown table of every metric (the same as docs/results-schema.md's).
    public static var markdown: String { MetricTable.markdown }
}
