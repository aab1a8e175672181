import Foundation
@testable import MesaPreview
import Testing

@Suite("Preview pages and paths")
struct PreviewPageTests {
    static let page = """
        <!DOCTYPE html>
        <html><head><meta name="viewport" content="width=device-width">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        </head><body class="report"><h1>Title</h1></body></html>

        """

    @Test("the served page allows exactly its own script by nonce, and nothing else new")
    func nonceInPolicy() {
        let served = PreviewPage.prepare(Self.page, nonce: "abc123")
        #expect(served.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-abc123'; connect-src 'self'\""))
        #expect(served.contains("content=\"width=device-width\""), "other meta tags untouched")
        #expect(served.contains("<script nonce=\"abc123\">"))
        #expect(served.components(separatedBy: "<script").count == 2, "one script")
        #expect(served.range(of: "<script")!.lowerBound < served.range(of: "</body>")!.lowerBound)
        #expect(served.contains(PreviewPage.versionPath))
    }

    @Test("diagnostics are escaped and shown at the top of the body")
    func diagnosticsEscaped() {
        let text = "a.mesa:3:1: error: unknown key '<script>alert(1)</script>' & more\n"
        let served = PreviewPage.prepare(Self.page, nonce: "n", diagnostics: [text])
        #expect(!served.contains("<script>alert(1)"))
        #expect(served.contains("&lt;script&gt;alert(1)&lt;/script&gt;&#39; &amp; more"))
        let panel = served.range(of: "preview-diagnostics")!.lowerBound
        #expect(served.range(of: "<body class=\"report\">")!.upperBound <= panel)
        #expect(panel < served.range(of: "<h1>Title</h1>")!.lowerBound, "above the last good report")
    }

    @Test("only files inside the reports folder are served: no .., no absolute or encoded escapes, no symlinks out")
    func paths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside")
        let reports = root.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports.appendingPathComponent("s"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("front".utf8).write(to: reports.appendingPathComponent("index.html"))
        try Data("report".utf8).write(to: reports.appendingPathComponent("s/index.html"))
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: reports.appendingPathComponent("link"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: reports.appendingPathComponent("s/leak.txt"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.txt"))
        let paths = PreviewPaths(root: reports)
        #expect(paths.file(for: "/")?.lastPathComponent == "index.html")
        #expect(paths.file(for: "/s/")?.path.hasSuffix("reports/s/index.html") == true)
        #expect(paths.file(for: "/s")?.path.hasSuffix("reports/s/index.html") == true)
        #expect(paths.file(for: "/s/index.html?x=1")?.path.hasSuffix("reports/s/index.html") == true)
        for refused in ["/../outside/secret.txt", "/s/../../outside/secret.txt", "/%2e%2e/outside/secret.txt",
                        "/s%2f..%2f..%2foutside%2fsecret.txt", "/link/secret.txt", "/s/leak.txt", "//etc/passwd",
                        "/etc/passwd", "relative", "/s/./index.html", "/s\\..\\index.html", "/s/index.html%00"] {
            #expect(paths.file(for: refused) == nil, "\(refused)")
        }
    }
}
