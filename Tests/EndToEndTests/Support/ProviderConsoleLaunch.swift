import ConsoleTesting
import Foundation

/// A script that starts `orgtui --provider NAME` with a clean environment: the basics plus `credentials` only.
func writeProviderLauncher(in folder: URL, binary: URL, provider: String, credentials: [(String, String)]) throws -> URL
{
    let variables =
        [
            ("PATH", ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            ("HOME", folder.path),
            ("LANG", "C.UTF-8"),
            ("TERM", "xterm-256color"),
            ("XDG_STATE_HOME", folder.appendingPathComponent("state").path),
            ("XDG_CONFIG_HOME", folder.appendingPathComponent("config").path),
        ] + credentials
    let assignments = variables.map { "\($0.0)=\(shellQuote($0.1))" }.joined(separator: " ")
    let script = "#!/bin/sh\nexec env -i \(assignments) \(shellQuote(binary.path)) --provider \(provider)\n"
    let url = folder.appendingPathComponent("console.sh")
    try Data(script.utf8).write(to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    return url
}

/// Starts tmux on the launcher at the console's size; the pane keeps a shell (and `EXIT=…`) after it ends.
func startConsoleTmux(launcher: URL, folder: URL, tmux tmuxPath: String) async throws -> TmuxSession {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return try await TmuxSession.start(
        // Read by sh, not exec'd: see `withConsole` ("Text file busy" under parallel spawns).
        command: "/bin/sh \(shellQuote(launcher.path)); echo \"EXIT=$?\"; exec /bin/sh",
        width: ConsoleRun.width, height: ConsoleRun.height,
        environment: [
            "PATH": path, "HOME": folder.path, "SHELL": "/bin/sh", "PS1": "$ ", "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
        ],
        directory: folder.path, tmux: tmuxPath)
}
