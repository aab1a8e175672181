/// What the preview server changes in a report page before serving it (docs/preview.md): the page's
/// content-security policy gains `script-src 'nonce-…'` and `connect-src 'self'`, a small script
/// carrying that nonce polls the server and reloads the page when the reports change, a banner
/// says while a build runs or a save is not built yet, and, while a
/// scenario file has errors, its diagnostics appear at the top of the page (escaped) above the last
/// good report. Written reports stay script-free: only served pages are changed.
public enum PreviewPage {
    /// The path the reload script polls. Its body is `<version> <status>`: the version changes
    /// whenever the reports do (the page reloads); the status (`current`, `rebuilding`, `stale`)
    /// sets the banner without a reload.
    public static let versionPath = "/__mesascope/version"

    /// The version path's body.
    public static func versionBody(version: Int, status: PreviewSession.BuildStatus) -> String {
        "\(version) \(status.rawValue)"
    }

    /// The served form of `html`: the reload script, the build's status banner and any diagnostics:
    /// `diagnostics` of files whose last good report is shown, `withoutReport` of files that have
    /// never compiled (so have no report).
    public static func prepare(_ html: String, nonce: String, diagnostics: [String] = [], withoutReport: [String] = [],
                               status: PreviewSession.BuildStatus = .current) -> String {
        var page = allowingScript(html, nonce: nonce)
        if let body = page.range(of: "<body") {
            if let close = page[body.upperBound...].firstIndex(of: ">") {
                let top = statusBanner(status) + (diagnostics.isEmpty ? "" : panel(diagnostics, hasReport: true))
                    + (withoutReport.isEmpty ? "" : panel(withoutReport, hasReport: false))
                page.insert(contentsOf: top, at: page.index(after: close))
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
    public static func diagnosticsPage(_ diagnostics: [String], nonce: String,
                                       status: PreviewSession.BuildStatus = .current) -> String {
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>mesascope preview: errors</title></head>
            <body><main><h1>The scenario has errors</h1><p>Fix them and save: this page reloads by itself.</p></main></body></html>

            """
        return prepare(html, nonce: nonce, withoutReport: diagnostics, status: status)
    }

    /// The front page while the first build runs and nothing is written yet.
    public static func buildingPage(nonce: String, status: PreviewSession.BuildStatus) -> String {
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>mesascope preview: building</title></head>
            <body><main><h1>Building the reports</h1><p>The first build is running: this page reloads by itself when it ends.</p></main></body></html>

            """
        return prepare(html, nonce: nonce, status: status)
    }

    /// The banner saying the page is being rebuilt or shows files older than the last save; always
    /// present (hidden while current) so the script can update it without a reload.
    static func statusBanner(_ status: PreviewSession.BuildStatus) -> String {
        """
        <div id="preview-status" role="status" data-status="\(status.rawValue)" style="\(bannerStyle(status))">\(statusText(status))</div>
        """
    }

    static func bannerStyle(_ status: PreviewSession.BuildStatus) -> String {
        let shown = "position:sticky;top:0;z-index:10;padding:0.4em 1em;background:#fff3c4;color:#000;border-bottom:1px solid #8a6d00;font:14px sans-serif"
        return status == .current ? "display:none" : shown
    }

    static func statusText(_ status: PreviewSession.BuildStatus) -> String {
        switch status {
        case .current: ""
        case .rebuilding: "Rebuilding: this page reloads when the build ends."
        case .stale: "Stale: a file was saved after this build started; rebuilding again, this page reloads when done."
        }
    }

    static func panel(_ diagnostics: [String], hasReport: Bool) -> String {
        let text = diagnostics.map(escape).joined(separator: "\n")
        let heading = hasReport ? "This scenario has errors: its report is the last good one"
                                : "This scenario has errors and no report yet (it has not compiled since the preview started)"
        return """
            <section class="preview-diagnostics" role="alert" style="border:2px solid #b00020;padding:0.5em 1em;margin:1em;background:#fff0f0;color:#000">
            <h2 style="margin-top:0">\(heading)</h2>
            <pre style="white-space:pre-wrap">\(text)</pre></section>
            """
    }

    static func script(nonce: String) -> String {
        let texts = [statusText(.rebuilding), statusText(.stale)]
        let styleShown = bannerStyle(.rebuilding)
        return """
        <script nonce="\(nonce)">(function(){document.documentElement.setAttribute("data-preview","live");var texts={rebuilding:\(jsString(texts[0])),stale:\(jsString(texts[1]))};var seen=null;function show(s){var b=document.getElementById("preview-status");if(!b)return;b.setAttribute("data-status",s);if(texts[s]){b.textContent=texts[s];b.setAttribute("style",\(jsString(styleShown)))}else{b.textContent="";b.setAttribute("style","display:none")}}function poll(){fetch("\(versionPath)",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){var p=t.split(" "),v=p[0];if(seen!==null&&v!==seen){location.reload();return}seen=v;show(p[1]||"current");setTimeout(poll,400)},function(){setTimeout(poll,1000)})}poll()})();</script>

        """
    }

    /// `text` as a JavaScript string literal (the texts are ours: no quotes or backslashes).
    static func jsString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
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
