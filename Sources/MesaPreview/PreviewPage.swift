/// What the preview server changes in a report page before serving it (docs/preview.md): the page's
/// content-security policy gains `script-src 'nonce-…'` and `connect-src 'self'`, a small script
/// carrying that nonce polls the server and reloads the page when the reports change, and, while a
/// scenario file has errors, its diagnostics appear at the top of the page (escaped) above the last
/// good report. Written reports stay script-free: only served pages are changed.
public enum PreviewPage {
    /// The path the reload script polls; its body changes whenever the reports do.
    public static let versionPath = "/__mesascope/version"

    /// The served form of `html`.
    public static func prepare(_ html: String, nonce: String, diagnostics: [String] = []) -> String {
        var page = allowingScript(html, nonce: nonce)
        if !diagnostics.isEmpty, let body = page.range(of: "<body") {
            if let close = page[body.upperBound...].firstIndex(of: ">") {
                page.insert(contentsOf: panel(diagnostics), at: page.index(after: close))
            }
        }
        let tag = script(nonce: nonce)
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: tag, at: end.lowerBound)
        } else {
            page += tag
        }
        return page
    }

    /// `html` with the nonce's script and same-origin fetches added to the policy of its
    /// Content-Security-Policy `<meta>` (whatever else an edited template put there).
    static func allowingScript(_ html: String, nonce: String) -> String {
        let addition = "; script-src 'nonce-\(nonce)'; connect-src 'self'"
        guard let meta = html.range(of: "http-equiv=\"Content-Security-Policy\"", options: .caseInsensitive),
              let tagStart = html[..<meta.lowerBound].lastIndex(of: "<"),
              let tagEnd = html[meta.upperBound...].firstIndex(of: ">"),
              let content = html.range(of: "content=\"", options: .caseInsensitive, range: tagStart..<tagEnd),
              let quote = html[content.upperBound..<tagEnd].firstIndex(of: "\"")
        else { return html }
        var page = html
        page.insert(contentsOf: addition, at: quote)
        return page
    }

    /// The header the server sends with every page: the same policy as the page's own.
    public static func contentSecurityPolicy(nonce: String) -> String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-\(nonce)'; connect-src 'self'"
    }

    /// A page of diagnostics alone, for a scenario that has never compiled.
    public static func diagnosticsPage(_ diagnostics: [String], nonce: String) -> String {
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>mesascope preview: errors</title></head>
            <body><main><h1>The scenario has errors</h1><p>Fix them and save: this page reloads by itself.</p></main></body></html>

            """
        return prepare(html, nonce: nonce, diagnostics: diagnostics)
    }

    static func panel(_ diagnostics: [String]) -> String {
        let text = diagnostics.map(escape).joined(separator: "\n")
        return """
            <section class="preview-diagnostics" role="alert" style="border:2px solid #b00020;padding:0.5em 1em;margin:1em;background:#fff0f0;color:#000">
            <h2 style="margin-top:0">This scenario has errors: the report below is the last good one</h2>
            <pre style="white-space:pre-wrap">\(text)</pre></section>
            """
    }

    static func script(nonce: String) -> String {
        """
        <script nonce="\(nonce)">(function(){document.documentElement.setAttribute("data-preview","live");var seen=null;function poll(){fetch("\(versionPath)",{cache:"no-store"}).then(function(r){return r.text()}).then(function(v){if(seen!==null&&v!==seen){location.reload();return}seen=v;setTimeout(poll,400)},function(){setTimeout(poll,1000)})}poll()})();</script>

        """
    }

    /// HTML-escapes text for element content and attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
