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
        let loader = ScenarioLoader(options: options.compilerOptions)
        var failures = 0
        for file in files {
            switch loader.load(file) {
            case .success(let loaded):
                print("\(file): ok — \"\(loaded.scenario.title)\"")
            case .failure(.unreadable):
                throw ExitStatus.ioError
            case .failure(.invalid):
                failures += 1
            }
        }
        if failures > 0 {
            StandardError.line("\(failures) of \(files.count) scenario file\(files.count == 1 ? "" : "s") invalid.")
            throw ExitStatus.invalidScenario
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
