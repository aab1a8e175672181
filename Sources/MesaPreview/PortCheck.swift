import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether a port on 127.0.0.1 is taken, asked of the kernel before the server starts: the server
/// itself would report a busy port only as a timeout, seconds later (issue 21).
public enum PortCheck {
    /// Binds a socket to 127.0.0.1:`port` (with `SO_REUSEADDR`, as the server does) and closes
    /// it; true when the bind fails with `EADDRINUSE`. Port 0 is never in use.
    public static func isInUse(_ port: UInt16) -> Bool {
        guard port != 0 else { return false }
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result != 0 && errno == EADDRINUSE
    }
}
