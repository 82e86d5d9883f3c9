import ArgumentParser
import ConsoleUI
import Foundation
import OrgtuiConfig

/// `orgtui config check`: reads config.toml as the console would and names every problem with its line.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check the config file.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check config.toml: syntax, unknown keys and key bindings (with line numbers), and secrets.",
            discussion: "Exits 0 when the file is clean, 1 when there are warnings, 2 when it cannot be used.")

        @Argument(help: "The file to check (default: $XDG_CONFIG_HOME/orgtui/config.toml).") var path: String?

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let file = path ?? ConfigDirectory(environment: environment).configFile
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("orgtui: no config file at \(file) (orgtui runs with its defaults)")
                throw ExitCode(FileManager.default.fileExists(atPath: file) ? 2 : 0)
            }
            let text = String(decoding: data, as: UTF8.self)
            let config: ConfigFile
            do {
                config = try ConfigFile.parse(text, origin: file)
            } catch {
                print("error: \(error.message)")
                throw ExitCode(2)
            }
            let lines = text.components(separatedBy: "\n")
            var findings = (config.warnings + KeyMap(bindings: config.keys).warnings).map { warning in
                Self.line(of: warning, in: lines).map { "\(file):\($0): \(warning)" } ?? "\(file): \(warning)"
            }
            findings += Self.secretWarnings(config, file: file, lines: lines)
            guard !findings.isEmpty else {
                print("\(file): ok (\(config.profiles.count) profile(s))")
                return
            }
            for finding in findings { print("warning: \(finding)") }
            throw ExitCode(1)
        }

        /// The line a warning is about: the first that sets the key (or action id) it quotes.
        static func line(of warning: String, in lines: [String]) -> Int? {
            guard let quoteStart = warning.firstIndex(of: "\"") else { return nil }
            let rest = warning[warning.index(after: quoteStart)...]
            guard let quoteEnd = rest.firstIndex(of: "\"") else { return nil }
            let quoted = String(rest[..<quoteEnd])
            let leaf = quoted.split(separator: ".").last.map(String.init) ?? quoted
            let candidates = [quoted, leaf]
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                for key in candidates
                where trimmed.hasPrefix("\"\(key)\"") || trimmed.hasPrefix("\(key) ")
                    || trimmed.hasPrefix("\(key)=") || trimmed == "[\(quoted)]"
                {
                    return index + 1
                }
            }
            return nil
        }

        /// A config others can read that holds a `token_command` printing a literal secret defeats the command.
        static func secretWarnings(_ config: ConfigFile, file: String, lines: [String]) -> [String] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0
            guard mode & 0o044 != 0 else { return [] }
            return config.profiles.values.sorted { $0.name < $1.name }.compactMap { profile in
                guard let command = profile.tokenCommand, Self.echoesLiteral(command) else { return nil }
                let number = lines.firstIndex { $0.contains("token_command") && $0.contains(command) }.map { $0 + 1 }
                return "\(file)\(number.map { ":\($0)" } ?? ""): profiles.\(profile.name).token_command prints a "
                    + "literal secret and the file is readable by others (mode \(String(mode, radix: 8))): use a "
                    + "password manager's command, or chmod 600 \(file)"
            }
        }

        /// `echo sk-…`, `printf '…'`, `cat <<<…`: a command that prints text written into it.
        static func echoesLiteral(_ command: String) -> Bool {
            let words = command.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = words.first else { return false }
            return ["echo", "printf", "/bin/echo", "/usr/bin/printf"].contains(String(first)) && words.count > 1
                || command.contains("<<<")
        }
    }
}
