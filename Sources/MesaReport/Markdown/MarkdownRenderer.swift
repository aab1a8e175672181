import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML through Debian's cmark-gfm.
///
/// Safe by construction: raw HTML is replaced by `<!-- raw HTML omitted -->` (cmark-gfm's default
/// since 0.29; `CMARK_OPT_UNSAFE` is never passed) and the `tagfilter` extension neutralises
/// `<script>`, `<iframe>` and friends on top. Tables, strikethrough and autolinks are on.
///
/// ```swift
/// let html = MarkdownRenderer.html(from: "| a |\n|---|\n| 1 |")   // "<table>…"
/// ```
public enum MarkdownRenderer {
    /// cmark-gfm keeps its extension registry and some parser state in process-wide globals that
    /// are not thread-safe, so every call into the library goes through this one lock.
    private static let lock = NSLock()

    /// Registration must happen exactly once per process; a lazily initialised static runs once.
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Renders `markdown` as an HTML fragment. Thread-safe; output depends only on the input.
    public static func html(from markdown: String) -> String {
        lock.withLock { renderLocked(markdown) }
    }

    private static func renderLocked(_ markdown: String) -> String {
        _ = registration
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }
}
