import Foundation

/// The page templates and stylesheet, read from a user's templates directory where it provides
/// them and from the built-in copies otherwise. Parsing happens at render time, so a broken
/// template fails that render (and leaves the previous report in place).
package struct TemplateSet: Sendable, Hashable {
    package static let reportPageFile = "report.html.mustache"
    package static let indexPageFile = "index.html.mustache"
    package static let stylesheetFile = "style.css"

    package var reportPage: String
    package var indexPage: String
    package var stylesheet: String
    /// Where each page came from, as messages name it: the file's path, or "built-in NAME".
    package var origins: [String: String] = [:]

    /// The built-in templates.
    package static let builtIn = TemplateSet(
        reportPage: DefaultTemplates.reportPage, indexPage: DefaultTemplates.indexPage, stylesheet: DefaultTemplates.css)

    /// Equal when the texts are: where they came from does not matter.
    package static func == (a: TemplateSet, b: TemplateSet) -> Bool {
        (a.reportPage, a.indexPage, a.stylesheet) == (b.reportPage, b.indexPage, b.stylesheet)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(reportPage)
        hasher.combine(indexPage)
        hasher.combine(stylesheet)
    }

    package init(reportPage: String, indexPage: String, stylesheet: String) {
        self.reportPage = reportPage
        self.indexPage = indexPage
        self.stylesheet = stylesheet
    }

    /// Templates from `directory`, file by file falling back to the built-in copies.
    package static func load(from directory: URL?) throws -> TemplateSet {
        var set = builtIn
        guard let directory else { return set }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReportError.missingTemplates(path: directory.relativePath)
        }
        for (name, keyPath) in [(reportPageFile, \TemplateSet.reportPage), (indexPageFile, \.indexPage),
                                (stylesheetFile, \.stylesheet)] {
            if let text = try read(name, in: directory) {
                set[keyPath: keyPath] = text
                set.origins[name] = directory.appendingPathComponent(name).relativePath
            }
        }
        return set
    }

    /// How messages name template `file`.
    package func origin(of file: String) -> String {
        origins[file] ?? "built-in \(file)"
    }

    /// Parses both page templates, so a broken one fails before anything is simulated.
    package func validate() throws {
        let renderer = PageRenderer(templates: self)
        _ = try renderer.parse(reportPage, file: Self.reportPageFile)
        _ = try renderer.parse(indexPage, file: Self.indexPageFile)
    }

    private static func read(_ name: String, in directory: URL) throws -> String? {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReportError.fileSystem(path: url.path, message: "cannot read template (\(error.localizedDescription))")
        }
    }
}
