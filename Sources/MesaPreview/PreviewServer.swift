import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP server (docs/preview.md): FlyingFox on 127.0.0.1 only, serving the reports
/// folder read-only. HTML pages get the reload script and any diagnostics (`PreviewPage`); every
/// other file is served as written. Paths outside the folder are refused (`PreviewPaths`).
public struct PreviewServer: Sendable {
    let server: HTTPServer
    let paths: PreviewPaths
    let session: PreviewSession

    /// A server for `session`'s reports on 127.0.0.1:`port` (0: any free port).
    public init(session: PreviewSession, port: UInt16) throws {
        self.session = session
        paths = PreviewPaths(root: session.configuration.reportsDirectory)
        server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), logger: .disabled)
    }

    /// Serves until the calling task is cancelled.
    public func run() async throws {
        let paths = paths, session = session
        await server.appendRoute("GET,HEAD *") { request in
            // The path as sent (still percent-encoded, its `.` and `..` segments kept): FlyingFox's
            // `path` is normalised, which would turn `/..` into `/` rather than refuse it.
            await Self.respond(to: request.target.path(), paths: paths, session: session)
        }
        try await server.run()
    }

    /// Waits until the server accepts connections and returns the address it is bound to.
    public func listening() async throws -> (host: String, port: UInt16) {
        try await server.waitUntilListening()
        guard case let .ip4(host, port)? = await server.listeningAddress else {
            throw SocketError.disconnected
        }
        return (host, port)
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }

    static func respond(to path: String, paths: PreviewPaths, session: PreviewSession) async -> HTTPResponse {
        if path == PreviewPage.versionPath {
            return HTTPResponse(statusCode: .ok, headers: headers("text/plain; charset=utf-8"),
                                body: Data(PreviewPage.versionBody(version: await session.version, status: await session.status).utf8))
        }
        guard let file = paths.file(for: path) else {
            // Nothing to show yet (a first build with errors), or a path that is not ours.
            if path == "/" || path == "/index.html", await session.status != .current, !(await session.hasErrors) {
                let nonce = nonce()
                return page(PreviewPage.buildingPage(nonce: nonce, status: await session.status), nonce: nonce)
            }
            if path == "/" || path == "/index.html", await session.hasErrors {
                let nonce = nonce()
                let problems = await session.diagnostics(forPage: "index.html")
                return page(PreviewPage.diagnosticsPage(problems.withReport + problems.withoutReport, nonce: nonce,
                                                        status: await session.status),
                            nonce: nonce)
            }
            return HTTPResponse(statusCode: .notFound, headers: headers("text/plain; charset=utf-8"),
                                body: Data("not found\n".utf8))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return HTTPResponse(statusCode: .notFound, headers: headers("text/plain; charset=utf-8"))
        }
        let type = PreviewPaths.contentType(of: file)
        guard type.hasPrefix("text/html") else {
            return HTTPResponse(statusCode: .ok, headers: headers(type), body: data)
        }
        let relative = String(file.path.dropFirst(paths.root.path.count + 1))
        let nonce = nonce()
        let problems = await session.diagnostics(forPage: relative)
        let html = PreviewPage.prepare(String(decoding: data, as: UTF8.self), nonce: nonce,
                                       diagnostics: problems.withReport, withoutReport: problems.withoutReport,
                                       status: await session.status)
        return page(html, nonce: nonce)
    }

    static func page(_ html: String, nonce: String? = nil) -> HTTPResponse {
        var fields = headers("text/html; charset=utf-8")
        if let nonce { fields[HTTPHeader("Content-Security-Policy")] = PreviewPage.contentSecurityPolicy(nonce: nonce) }
        return HTTPResponse(statusCode: .ok, headers: fields, body: Data(html.utf8))
    }

    static func headers(_ type: String) -> HTTPHeaders {
        var fields = HTTPHeaders()
        fields[.contentType] = type
        fields[HTTPHeader("Cache-Control")] = "no-store"
        fields[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return fields
    }

    /// A fresh nonce per page: 128 random bits in hex.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%016llx%016llx", generator.next() as UInt64, generator.next() as UInt64)
    }
}
