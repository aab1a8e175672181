import ArgumentParser

/// `mesascope check FILE…`: diagnostics only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scenario files and print diagnostics; run nothing."
    )

    @Argument(help: "Scenario files or folders of *.mesa files.")
    var paths: [String]

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        let files = try resolvedFiles(paths)
        try ScenarioLoader(options: options.compilerOptions).loadAll(files) { loaded in
            print("\(loaded.path): ok — \"\(loaded.scenario.title)\"")
        }
    }
}

/// Resolves file arguments, turning a missing path into an I/O exit.
func resolvedFiles(_ paths: [String]) throws -> [String] {
    do {
        let files = try ScenarioFiles.resolve(paths)
        if files.isEmpty {
            StandardError.line("error: no .mesa files in \(paths.joined(separator: ", "))")
            throw ExitStatus.usage
        }
        return files
    } catch let notFound as ScenarioFiles.NotFound {
        StandardError.line(notFound.description)
        throw ExitStatus.ioError
    }
}
