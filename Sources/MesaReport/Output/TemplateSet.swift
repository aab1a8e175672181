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

    /// The built-in templates.
    package static let builtIn = TemplateSet(
        reportPage: DefaultTemplates.reportPage, indexPage: DefaultTemplates.indexPage, stylesheet: DefaultTemplates.css)

    package init(reportPage: String, indexPage: String, stylesheet: String) {
        self.reportPage = reportPage
        self.indexPage = indexPage
        self.stylesheet = stylesheet
    }

    /// Templates from `directory`, file by file falling back to the built-in copies.
    package static func load(from directory: URL?) throws -> TemplateSet {
        var set = builtIn
        guard let directory else { return set }
        set.reportPage = try read(reportPageFile, in: directory) ?? set.reportPage
        set.indexPage = try read(indexPageFile, in: directory) ?? set.indexPage
        set.stylesheet = try read(stylesheetFile, in: directory) ?? set.stylesheet
        return set
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
