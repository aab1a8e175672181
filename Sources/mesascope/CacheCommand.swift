import ArgumentParser
import Foundation
import MesaPipeline

/// `mesascope cache [show|clear]`: where the run cache is, how big, and emptying it.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show the run cache's location and size, or clear it.",
        subcommands: [Show.self, Clear.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the cache folder, its runs and its size.")

        @Option(name: .customLong("cache"), help: ArgumentHelp("The run cache folder.", valueName: "dir"))
        var directory: String?

        func run() throws {
            let cache = RunCache(directory: CacheOptions.location(directory))
            let usage = cache.usage()
            print("\(cache.directory.path): \(usage.entries) run\(usage.entries == 1 ? "" : "s"), \(Self.size(usage.bytes))")
        }

        static func size(_ bytes: Int) -> String {
            let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
            var value = Double(bytes), unit = 0
            while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
            return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every cached run.")

        @Option(name: .customLong("cache"), help: ArgumentHelp("The run cache folder.", valueName: "dir"))
        var directory: String?

        func run() throws {
            try ExitStatus.mapping {
                let cache = RunCache(directory: CacheOptions.location(directory))
                let usage = cache.usage()
                do { try cache.clear() } catch {
                    throw PipelineError.cache(path: cache.directory.path, reason: error.localizedDescription)
                }
                print("\(cache.directory.path): removed \(usage.entries) run\(usage.entries == 1 ? "" : "s") (\(Show.size(usage.bytes)))")
            }
        }
    }
}
