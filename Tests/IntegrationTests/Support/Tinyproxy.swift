import ConsoleTesting
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real tinyproxy on loopback, with its own config and log file, for one test.
final class Tinyproxy {
    /// What the proxy allows.
    struct Options {
        /// `BasicAuth user password`: credentials it asks for.
        var credentials: (user: String, password: String)?
        /// `ConnectPort 443`: CONNECT to any other port is refused (a common corporate setting).
        var connectOnlyTo443 = false
    }

    let port: Int
    let directory: URL
    private let process: Process

    private init(port: Int, directory: URL, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// The proxy log's text so far.
    var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("tinyproxy.log"), encoding: .utf8)) ?? ""
    }

    /// Starts tinyproxy in the foreground on a free loopback port and waits until it accepts connections.
    static func start(_ options: Options = Options()) async throws -> Tinyproxy {
        guard let executable = NetworkTools.tinyproxy else {
            throw NetworkTools.ToolFailure(description: "no tinyproxy")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orgtui-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try freeLoopbackPort()
        var config = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 30
            LogFile "\(directory.appendingPathComponent("tinyproxy.log").path)"
            LogLevel Info
            PidFile "\(directory.appendingPathComponent("tinyproxy.pid").path)"
            MaxClients 20
            Allow 127.0.0.1
            DisableViaHeader Yes

            """
        if let credentials = options.credentials { config += "BasicAuth \(credentials.user) \(credentials.password)\n" }
        if options.connectOnlyTo443 { config += "ConnectPort 443\n" }
        if getuid() == 0 { config += "User nobody\nGroup nogroup\n" }
        let configFile = directory.appendingPathComponent("tinyproxy.conf")
        try Data(config.utf8).write(to: configFile)
        // The log file must be writable by the user tinyproxy drops to.
        _ = FileManager.default.createFile(
            atPath: directory.appendingPathComponent("tinyproxy.log").path, contents: nil)
        chmod(directory.path, 0o777)
        chmod(directory.appendingPathComponent("tinyproxy.log").path, 0o666)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-d", "-c", configFile.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let proxy = Tinyproxy(port: port, directory: directory, process: process)
        let listening = try await TmuxSession.poll(timeout: .seconds(10)) { canConnect(port: port) ? true : nil }
        guard listening == true else {
            proxy.stop()
            throw NetworkTools.ToolFailure(description: "tinyproxy did not listen on \(port): \(proxy.log)")
        }
        return proxy
    }

    /// Waits until the log has a line containing `text` (tinyproxy writes it as the request is handled).
    func waitForLog(_ text: String) async throws -> Bool {
        try await TmuxSession.poll(timeout: .seconds(10)) { log.contains(text) ? true : nil } ?? false
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: tinyproxy restarts its accept loop after a SIGTERM and only quits on its next connection.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// A port nothing listens on now (bound to 0, read, closed).
    static func freeLoopbackPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw NetworkTools.ToolFailure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether a TCP connection to 127.0.0.1:`port` is accepted.
    static func canConnect(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
