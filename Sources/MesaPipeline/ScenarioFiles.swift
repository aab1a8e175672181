import Foundation

/// Finds scenario files: each argument is a `.mesa` file or a folder searched (not recursively)
/// for `*.mesa`, in name order so runs and indexes are deterministic.
public enum ScenarioFiles {
    /// The files named by `arguments`; throws `PipelineError.notFound` for a missing path and
    /// `.usage` when nothing is found.
    public static func resolve(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw PipelineError.notFound(path: argument)
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.filter { $0.hasSuffix(".mesa") }.sorted().map {
                    URL(fileURLWithPath: argument).appendingPathComponent($0).relativePath
                }
            } else {
                files.append(argument)
            }
        }
        if files.isEmpty { throw PipelineError.usage("no .mesa files in \(arguments.joined(separator: ", "))") }
        return files
    }
}
