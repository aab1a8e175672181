import ArgumentParser
import Foundation
import MesaPipeline
import MesaPreview

/// `mesascope preview [FILE|DIR…] [--port P]`: build the reports, serve them on 127.0.0.1, and
/// rebuild (through the run cache) whenever a scenario file or a template changes; open pages
/// reload themselves. Stops on Ctrl-C.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the reports on 127.0.0.1 and rebuild them when a scenario or template changes."
    )

    @Argument(help: "Scenario files or folders of *.mesa files (default: scenarios).")
    var paths: [String] = []

    @Option(name: .customLong("port"), help: "The port (default 8000; 0 picks a free one).")
    var port: Int = 8000

    @Option(name: .customLong("out"), help: "The reports folder.")
    var out = "reports"

    @Option(name: .customLong("jobs"), help: "Runs in parallel; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("templates"), help: "Folder of report templates (default: templates, when present).")
    var templates: String?

    @Option(name: .customLong("interval"), help: "Seconds between looks at the files.")
    var interval: Double = 0.3

    @OptionGroup var options: ScenarioOptions
    @OptionGroup var cache: CacheOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard interval > 0 else { throw ValidationError("--interval must be positive") }
    }

    func run() async throws {
        try await ExitStatus.mapping {
            let arguments = paths.isEmpty ? ["scenarios"] : paths
            let files = try ScenarioFiles.resolve(arguments)
            let templatesDirectory = TemplateFolder.resolve(templates)
            if PortCheck.isInUse(UInt16(port)) {
                throw PipelineError.usage("port \(port) is in use (another preview?); try --port 0, which picks a free port")
            }
            let reports = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
            let session = PreviewSession(.init(
                files: files, reportsDirectory: reports, templatesDirectory: templatesDirectory, jobs: jobs,
                store: cache.cache, loaderOptions: options.loader.options, toolVersion: ToolVersion.current))
            let server = try PreviewServer(session: session, port: UInt16(port))
            let serving = Task { try await server.run() }
            let address: (host: String, port: UInt16)
            do {
                address = try await server.listening()
            } catch {
                serving.cancel()
                let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                throw PipelineError.usage("cannot listen on 127.0.0.1:\(port): \(reason)")
            }
            // Unbuffered, so a script reading the address sees it at once.
            FileHandle.standardOutput.write(Data("Preview: http://\(address.host):\(address.port)/ (Ctrl-C stops)\n".utf8))
            // The watcher starts before the first build and runs beside every build, so a save
            // made while one runs is seen at once (the pages say "stale") and built right after.
            let initial = FileWatcher(files: files.map { URL(fileURLWithPath: $0) },
                                      folders: templatesDirectory.map { [$0] } ?? [])
            let interval = self.interval
            let looking = Task {
                var watcher = initial
                // Folders named on the command line: a new .mesa file there is picked up on restart.
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(interval))
                    if watcher.changed() { await session.noteChange() }
                }
            }
            let watching = Task {
                await session.rebuild(progress: { ProgressDisplay(label: $0) }, log: { StandardError.write($0) })
                while !Task.isCancelled {
                    if await session.needsBuild {
                        StandardError.line("preview: change seen, rebuilding")
                        await session.buildIfNeeded(progress: { ProgressDisplay(label: $0) }, log: { StandardError.write($0) })
                        StandardError.line("preview: rebuilt (version \(await session.version))")
                    } else {
                        try? await Task.sleep(for: .seconds(interval))
                    }
                }
            }
            let stop = InterruptHandler {
                looking.cancel()
                watching.cancel()
                serving.cancel()
            }
            _ = await watching.result
            _ = await looking.result
            await server.stop()
            _ = await serving.result
            _ = stop.wasInterrupted
            StandardError.line("preview: stopped")
        }
    }
}
