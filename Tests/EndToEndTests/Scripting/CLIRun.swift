import DemoServer
import Foundation

/// One run of the built `orgtui` binary as a script would run it: arguments, an environment of its own (XDG
/// directories in a fresh folder), stdin that is not a terminal, and everything it printed.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output's lines, without the final empty one.
    var lines: [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(
            stdout.hasSuffix("\n") ? 1 : 0)
    }

    /// Standard output as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}

/// A demo server in this process (its state and request log are the test's to read) and a home for the CLI's files.
struct CLIWorld {
    let server: DemoServer
    let home: URL

    /// The journal the CLI writes.
    var journal: URL { home.appendingPathComponent("state/orgtui/journal.jsonl") }

    /// The journal's lines as JSON objects.
    func journalEntries() throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: journal, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The credentials of each provider, as the SDKs' environment variables.
    func environment(_ provider: String) -> [String: String] {
        switch provider {
        case "openai":
            ["OPENAI_BASE_URL": server.openAIBaseURL.absoluteString, "OPENAI_ADMIN_KEY": server.openAILoginKey]
        case "keycard":
            ["KEYCARD_API_BASE_URL": server.keycardBaseURL.absoluteString, "KEYCARD_API_API_KEY": server.keycardAPIKey]
        default:
            ["CLOUDFLARE_BASE_URL": server.cloudflareBaseURL.absoluteString, "CLOUDFLARE_API_TOKEN": server.loginToken]
        }
    }

    /// Runs `orgtui arguments…` against `provider` and waits for it to exit; `extra` adds variables ("" removes one).
    func run(
        _ arguments: [String], provider: String = "cloudflare", extra: [String: String] = [:], stdin: String? = nil
    ) async throws -> CLIResult {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "LANG": "C.UTF-8"]
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment.merge(self.environment(provider)) { _, new in new }
        environment.merge(extra) { _, new in new }
        // An empty value in `extra` unsets the variable (another credential kind than the provider's default).
        for (name, value) in extra where value.isEmpty { environment.removeValue(forKey: name) }
        return try await CLIProcess.run(EndToEndEnvironment.binary, arguments, environment: environment, stdin: stdin)
    }
}

/// Starts a demo server, runs `body`, and stops it.
func withCLIWorld(
    members: Int = 600, _ body: (CLIWorld) async throws -> Void
) async throws {
    guard FileManager.default.isExecutableFile(atPath: EndToEndEnvironment.binary.path) else {
        throw EndToEndFailure("The binary \(EndToEndEnvironment.binary.path) is missing: run `swift build` first")
    }
    var configuration = DemoServerConfiguration(members: members, openAIUsers: 250)
    configuration.keycardUsers = 120
    let server = try await DemoServer.start(configuration)
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("orgtui-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    do {
        try await body(CLIWorld(server: server, home: home))
    } catch {
        await server.stop()
        try? FileManager.default.removeItem(at: home)
        throw error
    }
    await server.stop()
    try? FileManager.default.removeItem(at: home)
}

/// Runs a child process with stdin from /dev/null and its output in files (no pipe can fill up and stall it).
enum CLIProcess {
    static func run(_ binary: URL, _ arguments: [String], environment: [String: String], stdin: String? = nil)
        async throws -> CLIResult
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orgtui-cli-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        if let stdin {
            let input = folder.appendingPathComponent("stdin")
            try stdin.write(to: input, atomically: true, encoding: .utf8)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return CLIResult(
            status: status, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
