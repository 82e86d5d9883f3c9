import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ports that never answer the way a server does: refused, or a connect that never completes.
extension RawHTTPServer {
    /// A port on 127.0.0.1 bound and never listened on: a connect to it is refused. The port stays taken until
    /// `stop`, so no server started meanwhile (by a test running alongside) can get it.
    final class Refusing: Sendable {
        let port: Int
        private let fd: Int32

        init() throws {
            #if canImport(Glibc)
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
                let fd = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else {
                close(fd)
                throw Failure(description: "bind: \(errno)")
            }
            port = RawHTTPServer.localPort(of: fd)
        }

        func stop() { close(fd) }
    }

    /// A listener on 127.0.0.1 that never accepts, whose queue (backlog 0) one connection already fills: a connect
    /// to its port gets no answer, so it never completes. Call `stop` to close it.
    final class Stalled: Sendable {
        let port: Int
        private let listener: Int32
        private let filler: Int32

        init() throws {
            #if canImport(Glibc)
                let kind = Int32(SOCK_STREAM.rawValue)
            #else
                let kind = SOCK_STREAM
            #endif
            let listener = socket(AF_INET, kind, 0)
            let filler = socket(AF_INET, kind, 0)
            self.listener = listener
            self.filler = filler
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0, listen(listener, 0) == 0 else { throw Failure(description: "bind/listen: \(errno)") }
            let port = RawHTTPServer.localPort(of: listener)
            self.port = port
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { throw Failure(description: "connect: \(errno)") }
        }

        func stop() {
            close(filler)
            close(listener)
        }
    }
}
