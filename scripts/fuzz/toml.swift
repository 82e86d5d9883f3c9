// libFuzzer target: the TOML readers, config.toml and theme files, and what reads their values (profiles, key
// bindings, risk thresholds, network options, colours). Every input is read both ways; a bad file is an error or
// a warning that names the problem, never a trap. Built by `scripts/fuzz.sh`.
import ConsoleUI
import Foundation

@testable import OrgtuiConfig
@testable import orgtui

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    readConfig(text)
    switch ThemeLoader.theme(fromTOML: text, name: "fuzz", origin: "fuzz.toml") {
    case .success: break
    case .failure(let error): if "\(error)".isEmpty { fatalError("a theme error without words") }
    }
    return 0
}

func readConfig(_ text: String) {
    let config: ConfigFile
    do {
        config = try ConfigFile.parse(text, origin: "config.toml")
    } catch {
        if error.message.isEmpty { fatalError("a config error without words") }
        return
    }
    let lines = text.components(separatedBy: "\n")
    for warning in config.warnings + KeyMap(bindings: config.keys).warnings {
        _ = ConfigCommand.Check.line(of: warning, in: lines)
    }
    let resolver = ProfileResolver(config: config, environment: [:], configPath: "config.toml")
    for name in config.profiles.keys {
        // `choose` only: `resolve` would run the profile's token_command.
        _ = try? resolver.choose(requested: name)
    }
    _ = try? resolver.choose(requested: nil)
}
