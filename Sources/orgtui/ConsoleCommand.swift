import APICore
import APITransport
import ArgumentParser
import ConsoleModel
import ConsoleUI
import CursesTerminal
import DemoServer
import Foundation
import Logging
import OrgtuiConfig
import Providers
import TUIKit

/// Runs the console against the demo backend or the configured provider.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Open the console (the default command).")

    @Flag(name: .long, help: "Run against the embedded demo backend (in-process, over loopback HTTP).")
    var demo = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The provider: cloudflare, openai or keycard.",
            discussion: "Without it, the one provider whose credentials are in the environment is used.",
            valueName: "name"))
    var provider: Provider?

    @Option(name: .long, help: "Members of the demo's big account.")
    var members = 2_500

    @Option(name: .long, help: "Base URL of the provider's API (overrides CLOUDFLARE_BASE_URL, OPENAI_BASE_URL, …).")
    var baseURL: String?

    @Flag(name: .long, help: "Refuse every write.")
    var readOnly = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Theme: a name or a path to a .toml file.",
            discussion: """
                A name is looked up in $XDG_CONFIG_HOME/orgtui/themes/NAME.toml (default ~/.config), then \
                ./themes/NAME.toml, then the built-in themes: default, light, high-contrast, mono.
                """,
            valueName: "name|path"))
    var theme: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Connect with [profiles.NAME] of $XDG_CONFIG_HOME/orgtui/config.toml (default ~/.config).",
            discussion: "Without it, the environment variables are used, else the profile 'default' or the only one.",
            valueName: "name"))
    var profile: String?

    @Flag(name: .long, help: "Print a summary of what loads instead of opening the console.")
    var summary = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How much goes to the log file: trace, debug, info (the default), notice, warning, error.",
            discussion: """
                Overrides ORGTUI_LOG. At debug every request is logged with its method, path, status, duration, HTTP \
                version, retry count and request id. The log is $XDG_STATE_HOME/orgtui/orgtui.log (mode 0600).
                """,
            valueName: "level"))
    var logLevel: String?

    func validate() throws {
        if demo && profile != nil { throw ValidationError("--demo and --profile cannot be used together") }
        if let logLevel, Logger.Level(rawValue: logLevel.lowercased()) == nil {
            throw ValidationError("--log-level must be one of \(FileLogHandler.levelNames)")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        FileLogHandler.bootstrap(level: FileLogHandler.level(option: logLevel, environment: environment))
        let config: ConfigFile
        do {
            config = try ConfigFile.load(from: ConfigDirectory(environment: environment))
        } catch {
            FileHandle.standardError.write(Data("orgtui: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        let selection = try await ProfileSelection.select(
            demo: demo, provider: provider, members: members, profile: profile, baseURL: baseURL, config: config,
            environment: environment)
        let server = selection.server
        defer { if let server { Task { await server.stop() } } }
        let transports = NetworkTransports(environment: environment)
        let transport: any Transport
        let budget = RateBudget(
            default: ProviderRegistry.standard.descriptor(for: selection.configuration.provider)?.defaultRateLimit)
        do {
            transport = try transports.transport(
                for: selection.network, profileName: selection.profileName, budget: budget)
        } catch {
            FileHandle.standardError.write(Data("orgtui: \(error.userMessage)\n".utf8))
            await server?.stop()
            throw ExitCode(2)
        }
        let code: Int32
        if summary || isatty(STDOUT_FILENO) != 1 {
            code = await LoadSummary.run(configuration: selection.configuration, transport: transport)
        } else {
            code = await runConsole(
                selection: selection, config: config, environment: environment, transport: transport,
                budget: budget, transports: transports)
        }
        await transports.shutdown()
        await server?.stop()
        if code != 0 { throw ExitCode(code) }
    }

    @MainActor
    private func runConsole(
        selection: ProfileSelection, config: ConfigFile, environment: [String: String], transport: any Transport,
        budget: RateBudget, transports: NetworkTransports
    ) async -> Int32 {
        let readOnly = self.readOnly || config.readOnly
        let session = ConsoleSession(
            profile: selection.profileName, directory: selection.configuration.makeDirectory(transport: transport),
            readOnly: readOnly || selection.readOnly,
            journal: JournalFile(path: JournalFile.path(environment: environment)), budget: budget)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(mouse: config.profiles[selection.profileName]?.mouse ?? config.mouse)
        } catch {
            FileHandle.standardError.write(Data("orgtui: \(error)\n".utf8))
            return 2
        }
        // Nothing may be printed over the screen curses owns, nor left over the shell by a crash.
        let captured = StandardErrorCapture.start(environment: environment)
        let themes = ThemeLoader(environment: environment)
        let chosen = ThemeSelection.initial(
            requested: theme, configured: config.theme, environment: environment, colors: terminal.colorCount,
            loader: themes)
        let keyMap = KeyMap(bindings: config.keys)
        let runtime = ConsoleRuntime(
            backend: terminal, session: session,
            header: HeaderInfo(
                profile: selection.profileName, provider: selection.configuration.provider, isDemo: selection.isDemo),
            theme: chosen.theme, themes: ThemeSelection.catalog(loader: themes, colors: terminal.colorCount),
            keyMap: keyMap, copy: config.copyOSC52 ? { OSC52Clipboard.copy($0) } : nil,
            profiles: ProfileSwitching.switcher(
                selection: selection, config: config, environment: environment, transports: transports,
                readOnly: readOnly))
        runtime.riskThresholds = config.risks
        let warnings = config.warnings + keyMap.warnings + chosen.warnings
        if !warnings.isEmpty { runtime.flash(Notice(.warning, warnings.joined(separator: "; "))) }
        await runtime.run()
        terminal.stop()
        captured?.stop()
        return 0
    }
}

extension Provider: ExpressibleByArgument {
    /// `--provider NAME`: any provider of the registry, by its id.
    public init?(argument: String) {
        guard let provider = ProviderRegistry.standard.provider(named: argument) else { return nil }
        self = provider
    }

    public static var allValueStrings: [String] { ProviderRegistry.standard.providers.map(\.rawValue) }
}
