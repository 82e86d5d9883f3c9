import APICore
import APITransport
import ArgumentParser
import ConsoleModel
import ConsoleUI
import CursesTerminal
import DemoServer
import Foundation
import TUIKit

/// Runs the console against the demo backend or the configured provider.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Open the console (the default command).")

    @Flag(name: .long, help: "Run against the embedded demo backend (in-process, over loopback HTTP).")
    var demo = false

    @Option(name: .long, help: "Members of the demo's big account.")
    var members = 2_500

    @Option(name: .long, help: "Base URL of the Cloudflare API (overrides CLOUDFLARE_BASE_URL).")
    var baseURL: String?

    @Flag(name: .long, help: "Refuse every write.")
    var readOnly = false

    @Option(name: .long, help: "Theme: default or mono.")
    var theme: String?

    @Flag(name: .long, help: "Print a summary of what loads instead of opening the console.")
    var summary = false

    func run() async throws {
        FileLogHandler.bootstrap()
        let environment = ProcessInfo.processInfo.environment
        var server: DemoServer?
        let configuration: CloudflareConfiguration
        do {
            if demo {
                let started = try await DemoServer.start(DemoServerConfiguration(members: members))
                server = started
                configuration = try CloudflareConfiguration(
                    baseURL: started.cloudflareBaseURL.absoluteString, credentials: .apiToken(Secret(started.loginToken)))
            } else {
                guard CloudflareCredentials.fromEnvironment(environment) != nil else {
                    FileHandle.standardError.write(Data(GettingStarted.text.utf8))
                    throw ExitCode(2)
                }
                configuration = try CloudflareConfiguration.fromEnvironment(environment, baseURLOverride: baseURL)
            }
        } catch let error as APIError {
            FileHandle.standardError.write(Data("orgtui: \(error.userMessage)\n".utf8))
            throw ExitCode(2)
        }
        defer { if let server { Task { await server.stop() } } }
        if summary || isatty(STDOUT_FILENO) != 1 {
            let code = await LoadSummary.run(configuration: configuration)
            await server?.stop()
            if code != 0 { throw ExitCode(code) }
            return
        }
        let code = await runConsole(configuration: configuration, isDemo: demo, environment: environment)
        await server?.stop()
        if code != 0 { throw ExitCode(code) }
    }

    @MainActor
    private func runConsole(configuration: CloudflareConfiguration, isDemo: Bool, environment: [String: String]) async -> Int32 {
        let http = HTTPClientTransport()
        let client = CloudflareClient(configuration: configuration, transport: RetryingTransport(base: http))
        let session = ConsoleSession(
            profile: isDemo ? "demo" : "default", directory: CloudflareDirectory(client: client), readOnly: readOnly)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            FileHandle.standardError.write(Data("orgtui: \(error)\n".utf8))
            await http.shutdown()
            return 2
        }
        let chosen = ThemeSelection.initial(requested: theme, environment: environment, colors: terminal.colorCount)
        let runtime = ConsoleRuntime(
            backend: terminal, session: session,
            header: HeaderInfo(profile: isDemo ? "demo" : "default", provider: .cloudflare, isDemo: isDemo),
            theme: chosen.theme)
        if !chosen.warnings.isEmpty { runtime.flash(Notice(.warning, chosen.warnings.joined(separator: "; "))) }
        await runtime.run()
        terminal.stop()
        await http.shutdown()
        return 0
    }
}

/// What to do when orgtui has nothing to connect to.
enum GettingStarted {
    static let text = """
        orgtui: no credentials found.

        Try it with the built-in demo backend (no account needed):
            orgtui --demo

        Or connect to Cloudflare with an API token (it is read from the environment, never from arguments):
            export CLOUDFLARE_API_TOKEN=...        # or CLOUDFLARE_API_KEY + CLOUDFLARE_EMAIL
            orgtui

        """
}
