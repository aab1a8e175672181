import Foundation

/// The system's reason for a failed file operation ("Permission denied", "Not a directory"),
/// without Foundation's wrapping ("The operation could not be completed…"), for messages.
enum FileSystemReason {
    static func text(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    /// Creates `path` and its missing parents with mkdir(2), so a failure has the system's own
    /// reason (Foundation's `createDirectory` reports only "error 512" on Linux). Returns nil on
    /// success, else the reason.
    static func createDirectories(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : String(cString: strerror(ENOTDIR))
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, let reason = createDirectories(parent) { return reason }
        if mkdir(path, 0o755) != 0, errno != EEXIST { return String(cString: strerror(errno)) }
        return nil
    }
}
