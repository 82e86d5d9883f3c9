import APICore
import APITransport
import CloudflareAPI
import ConsoleTesting
import Foundation

/// One end-to-end run: a private folder, a standalone demo server, the console in a tmux session of its own
/// pointed at that server, and an API client on the same server to check its state.
///
/// The pane runs `<console>; echo "EXIT=$?"; exec /bin/sh`, so the exit status shows on screen and a shell
/// is left in the pane to inspect the terminal afterwards.
struct ConsoleRun {
    let folder: URL
    let server: DemoServerProcess
    let tmux: TmuxSession
    let http: HTTPClientTransport
    /// Signed in with the demo server's login token (the console's own credentials).
    let client: CloudflareClient

    /// Rows of the screen: tab bar at 1, column headings at 2, table from 3, status line and key hints last.
    static let headingRow = 2
    static let firstTableRow = 3
    static let width = 120
    static let height = 40

    /// A client on the same server with other credentials.
    func client(token: String) throws -> CloudflareClient {
        let configuration = try CloudflareConfiguration(baseURL: server.baseURL, credentials: .apiToken(Secret(token)))
        return CloudflareClient(configuration: configuration, transport: http)
    }

    /// The status line ("2,500 of 2,500 members · 50/50 pages").
    static func statusLine(_ screen: String) -> String {
        line(screen, height - 2)
    }

    /// Line `row` of a captured screen ("" past the end).
    static func line(_ screen: String, _ row: Int) -> String {
        let lines = screen.components(separatedBy: "\n")
        return row < lines.count ? lines[row] : ""
    }

    /// The table rows of a captured screen (between the headings and the status line), blank ones dropped.
    static func tableRows(_ screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard lines.count > firstTableRow else { return [] }
        return Array(lines[firstTableRow..<min(lines.count, height - 2)])
    }

    /// Index of the first table row containing `text`.
    static func rowIndex(of text: String, in screen: String) -> Int? {
        tableRows(screen).firstIndex { $0.contains(text) }
    }

    /// Moves the selection of the current pane to table row `index` (top, then `j` × index).
    func select(row index: Int) async throws {
        try await tmux.sendKeys("g")
        if index > 0 { try await tmux.sendKeys(contentsOf: Array(repeating: "j", count: index)) }
    }
}

/// How the console is started inside the pane.
enum ConsoleLaunch {
    /// Directly.
    case plain
    /// Under `script -q -e -f`, recording the program's raw output bytes to `typescript` in the run's folder.
    case recorded
}

/// Starts a demo server and the console in tmux, runs `body`, and always tears everything down.
func withConsole(
    _ launch: ConsoleLaunch = .plain, _ body: (ConsoleRun) async throws -> Void
) async throws {
    let (tmuxPath, binary) = try EndToEndEnvironment.prerequisites()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgtui-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    // ORGTUI_E2E_KEEP=1 keeps the folder (typescript, demo server output) for a look afterwards.
    defer {
        if ProcessInfo.processInfo.environment["ORGTUI_E2E_KEEP"] != "1" {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    let server = try await DemoServerProcess.start(binary: binary, folder: folder)
    let http = HTTPClientTransport(logger: CapturedLog().logger(label: "e2e.http"))
    var tmux: TmuxSession?
    do {
        let configuration = try CloudflareConfiguration(
            baseURL: server.baseURL, credentials: .apiToken(Secret(server.token)))
        let client = CloudflareClient(configuration: configuration, transport: http)

        let launcher = try writeLauncher(in: folder, binary: binary, server: server)
        // Read by sh rather than exec'd: a child spawned by a parallel test may still hold the script's write
        // descriptor, and exec'ing it then fails with "Text file busy".
        let script = "/bin/sh \(shellQuote(launcher.path))"
        let console: String
        switch launch {
        case .plain:
            console = script
        case .recorded:
            let typescript = folder.appendingPathComponent("typescript")
            console = "script -q -e -f -c \(shellQuote(script)) \(shellQuote(typescript.path))"
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        tmux = try await TmuxSession.start(
            command: "\(console); echo \"EXIT=$?\"; exec /bin/sh",
            width: ConsoleRun.width, height: ConsoleRun.height,
            environment: [
                "PATH": path, "HOME": folder.path, "SHELL": "/bin/sh", "PS1": "$ ", "LANG": "C.UTF-8",
                "TERM": "xterm-256color",
            ],
            directory: folder.path, tmux: tmuxPath)
        try await body(ConsoleRun(folder: folder, server: server, tmux: tmux!, http: http, client: client))
    } catch {
        await tearDown(tmux: tmux, http: http, server: server)
        throw error
    }
    await tearDown(tmux: tmux, http: http, server: server)
}

private func tearDown(tmux: TmuxSession?, http: HTTPClientTransport, server: DemoServerProcess) async {
    await tmux?.kill()
    await http.shutdown()
    await server.stop()
}

/// A script that starts the console with a clean, explicit environment: the demo server's URL and token,
/// a UTF-8 locale, xterm-256color, and state and config folders inside the run's folder.
private func writeLauncher(in folder: URL, binary: URL, server: DemoServerProcess) throws -> URL {
    let variables = [
        ("PATH", ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
        ("HOME", folder.path),
        ("LANG", "C.UTF-8"),
        ("TERM", "xterm-256color"),
        ("XDG_STATE_HOME", folder.appendingPathComponent("state").path),
        ("XDG_CONFIG_HOME", folder.appendingPathComponent("config").path),
        ("CLOUDFLARE_BASE_URL", server.baseURL),
        ("CLOUDFLARE_API_TOKEN", server.token),
        // Debug logging in every run: the secret checks search the log at its most talkative.
        ("ORGTUI_LOG", "debug"),
    ]
    let assignments = variables.map { "\($0.0)=\(shellQuote($0.1))" }.joined(separator: " ")
    let script = "#!/bin/sh\nexec env -i \(assignments) \(shellQuote(binary.path))\n"
    let url = folder.appendingPathComponent("console.sh")
    try Data(script.utf8).write(to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    return url
}

/// `text` in single quotes for /bin/sh.
func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
