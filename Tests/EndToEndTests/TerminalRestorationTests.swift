import ConsoleTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// After SIGINT, SIGTERM, SIGHUP (the SSH connection dropped) and a fatal signal (an internal error), the terminal is
/// as the console found it: echo and canonical mode, the normal screen, a visible cursor; a crash report goes to the
/// state folder, never over the shell.
@Suite(
    "End to end: the terminal is restored however the console ends",
    .enabled(if: EndToEndEnvironment.isEnabled, "tmux is not installed; ORGTUI_REQUIRE_E2E=1 makes this a failure"))
struct TerminalRestorationTests {
    enum Ending: String, CaseIterable, Sendable {
        case interrupt = "SIGINT"
        case terminate = "SIGTERM"
        case hangUp = "SIGHUP"
        case crash = "SIGSEGV"

        var signal: Int32 {
            switch self {
            case .interrupt: SIGINT
            case .terminate: SIGTERM
            case .hangUp: SIGHUP
            case .crash: SIGSEGV
            }
        }

        /// What the shell in the pane reports as the exit status.
        var exitStatus: String { self == .crash ? "EXIT=139" : "EXIT=0" }
    }

    @Test(arguments: Ending.allCases)
    func theTerminalIsRestored(_ ending: Ending) async throws {
        try await withConsole { run in
            try await waitForPane(run, .accounts, also: "Acme Corp")
            let shell = try await run.tmux.display("#{pane_pid}")
            let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
            let console = try #require(children.split(separator: " ").first.flatMap { pid_t($0) }, "\(children)")
            #expect(kill(console, ending.signal) == 0)
            let exited = try await run.tmux.waitForScreen(ending.exitStatus) {
                $0.components(separatedBy: "\n").contains(ending.exitStatus)
            }
            #expect(!exited.text.contains("Acme Corp"), "the console's screen is gone")
            #expect(!exited.text.contains("Fatal") && !exited.text.contains("fatal signal"), "nothing over the shell")
            #expect(try await run.tmux.display("#{alternate_on}") == "0", "back on the normal screen")
            #expect(try await run.tmux.display("#{cursor_flag}") == "1", "the cursor is visible again")
            let words = try await Self.sttyWords(run)
            #expect(words.contains("icanon") && !words.contains("-icanon"), "canonical mode restored")
            #expect(words.contains("echo") && !words.contains("-echo"), "echo restored")
            let state = run.folder.appendingPathComponent("state/orgtui")
            let reports =
                (try? FileManager.default.contentsOfDirectory(atPath: state.path))?
                .filter { $0.hasPrefix("crash-") } ?? []
            if ending == .crash {
                let report = try #require(reports.first, "a crash report in \(state.path)")
                let text = try String(contentsOf: state.appendingPathComponent(report), encoding: .utf8)
                #expect(text.contains("the terminal was restored"))
            } else {
                #expect(reports.isEmpty, "no crash report after a clean end: \(reports)")
            }
        }
    }

    /// The words of `stty -a` typed into the pane's shell.
    static func sttyWords(_ run: ConsoleRun) async throws -> Set<String> {
        try await run.tmux.type("stty -a")
        try await run.tmux.sendKeys("Enter")
        let stty = try await run.tmux.waitForScreen("stty -a output and a new prompt") { screen in
            let lines = screen.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return screen.contains("icanon") && lines.last?.trimmingCharacters(in: .whitespaces) == "$"
        }
        let output = stty.text.components(separatedBy: "stty -a").dropFirst().joined()
        return Set(output.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }
}
