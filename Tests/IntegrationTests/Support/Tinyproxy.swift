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
        // A port free when picked can be taken before tinyproxy binds it; then it exits and another is tried.
        for _ in 1..<3 {
            if let proxy = try await launch(options) { return proxy }
        }
        guard let proxy = try await launch(options) else {
            throw NetworkTools.ToolFailure(description: "tinyproxy exited at start three times")
        }
        return proxy
    }

    /// One start on a freshly picked port: nil when tinyproxy exited (its port was taken).
    private static func launch(_ options: Options) async throws -> Tinyproxy? {
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
        // Its own log line, not a connect: another test's server may have taken the port after it was picked.
        let listening = try await TmuxSession.poll(timeout: .seconds(10)) {
            !process.isRunning ? false : proxy.log.contains("Accepting connections") ? true : nil
        }
        if listening == false { return nil }
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
    private static func freeLoopbackPort() throws -> Int { try RefusingPort().port }
}
