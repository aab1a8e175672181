import Foundation
import MesaReport

/// The reports folder checked before any run starts (issue 21): a folder that cannot be created or
/// written would otherwise fail only after the whole simulation.
enum OutputFolder {
    /// Creates `folder` (and its parents) and writes and removes a small file in it; throws
    /// `PipelineError.report(.fileSystem)` naming the folder and the system's reason.
    static func checkWritable(_ folder: URL) throws {
        let display = folder.relativePath.isEmpty ? folder.path : folder.relativePath
        if let reason = FileSystemReason.createDirectories(folder.standardizedFileURL.path) {
            throw PipelineError.report(.fileSystem(
                path: display, message: "cannot create the reports folder (\(reason)); nothing was run"))
        }
        let probe = folder.appendingPathComponent(".mesascope-write-check-\(ProcessInfo.processInfo.processIdentifier)")
        let descriptor = open(probe.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let cause = String(cString: strerror(errno))
            throw PipelineError.report(.fileSystem(
                path: display, message: "cannot write in the reports folder (\(cause)); nothing was run"))
        }
        close(descriptor)
        unlink(probe.path)
    }

}
