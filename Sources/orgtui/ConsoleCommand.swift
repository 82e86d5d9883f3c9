import APICore
import APITransport
import ArgumentParser
import DemoServer
import Foundation

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

    func run() async throws {
        FileLogHandler.bootstrap()
        if demo {
            let server = try await DemoServer.start(DemoServerConfiguration(members: members))
            let configuration = try CloudflareConfiguration(
                baseURL: server.cloudflareBaseURL.absoluteString, credentials: .apiToken(Secret(server.loginToken)))
            print("DEMO backend on \(server.cloudflareBaseURL.absoluteString)")
            let code = await LoadSummary.run(configuration: configuration)
            await server.stop()
            if code != 0 { throw ExitCode(code) }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        guard CloudflareCredentials.fromEnvironment(environment) != nil else {
            FileHandle.standardError.write(Data(GettingStarted.text.utf8))
            throw ExitCode(2)
        }
        do {
            let configuration = try CloudflareConfiguration.fromEnvironment(environment, baseURLOverride: baseURL)
            let code = await LoadSummary.run(configuration: configuration)
            if code != 0 { throw ExitCode(code) }
        } catch let error as APIError {
            FileHandle.standardError.write(Data("orgtui: \(error.userMessage)\n".utf8))
            throw ExitCode(2)
        }
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
