import APICore
import ArgumentParser
import ConsoleModel
import Foundation
import OrgtuiConfig
import Providers

/// `orgtui info`: where orgtui keeps its files and what it would connect with (like `k9s info`); connects to nothing.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the config, theme, log and journal paths and the profile and provider orgtui would use.")

    @Option(name: .long, help: "The profile to describe.") var profile: String?
    @Option(name: .long, help: "The provider to describe.") var provider: Provider?
    @Flag(help: "One JSON object.") var json = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = ConfigDirectory(environment: environment)
        var rows: [(String, String)] = [
            (
                "config",
                directory.configFile + (FileManager.default.fileExists(atPath: directory.configFile) ? "" : " (absent)")
            ),
            ("themes", (directory.path as NSString).appendingPathComponent("themes")),
            ("log", FileLogHandler.defaultPath(environment: environment)),
            ("journal", JournalFile.path(environment: environment)),
            ("cache", "in memory only (nothing is cached on disk)"),
        ]
        do {
            let config = try ConfigFile.load(from: directory)
            rows.append(("theme", config.theme ?? "default"))
            rows.append(("read_only", config.readOnly ? "yes" : "no"))
            let resolver = ProfileResolver(config: config, environment: environment, configPath: directory.configFile)
            switch try resolver.choose(requested: profile, provider: provider) {
            case .environment(let chosen)?:
                rows.append(("profile", chosen.rawValue + " (from the environment)"))
                rows.append(("provider", chosen.displayName))
            case .profile(let chosen)?:
                rows.append(("profile", chosen.name + " (from the config)"))
                rows.append(("provider", chosen.provider.displayName))
            case nil:
                rows.append(("profile", "none: set a provider's credentials or add a profile (try orgtui --demo)"))
            }
            let names = config.profiles.keys.sorted()
            rows.append(("profiles", names.isEmpty ? "none" : names.joined(separator: ", ")))
        } catch {
            rows.append(("config_error", error.message))
        }
        rows.append(("providers", ProviderRegistry.standard.providers.map(\.rawValue).joined(separator: ", ")))
        if json {
            print(ScriptJSON.object(rows.map { (key: $0.0, text: ScriptJSON.string($0.1)) }))
        } else {
            let width = rows.map(\.0.count).max() ?? 0
            for (label, value) in rows {
                print(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
            }
        }
    }
}
