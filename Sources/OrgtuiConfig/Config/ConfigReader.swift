import APICore
import Providers

/// Reads a config document key by key: known keys are type-checked, unknown ones become warnings.
struct ConfigReader {
    let origin: String
    var warnings: [String] = []

    static let topLevelKeys: Set<String> = ["theme", "read_only", "copy_osc52", "mouse", "profiles", "keys", "risks"]
    static var riskKeys: [String: WritableKeyPath<RiskThresholds, Int>] {
        [
            "unused_days": \.unusedDays, "expiring_days": \.expiringDays, "invitation_days": \.invitationDays,
            "max_owners": \.maxOwners, "sso_sources": \.ssoSources,
        ]
    }
    static let profileKeys: Set<String> = [
        "provider", "base_url", "token_command", "read_only", "mouse", "proxy", "ca_file", "connect_timeout",
        "request_timeout",
    ]

    init(origin: String) {
        self.origin = origin
    }

    mutating func config(from document: [String: TOMLDocument.Value]) throws(ConfigError) -> ConfigFile {
        warnUnknown(in: document, known: Self.topLevelKeys, path: "")
        var config = ConfigFile()
        config.theme = try string(document["theme"], path: "theme")
        config.readOnly = try bool(document["read_only"], path: "read_only") ?? false
        config.copyOSC52 = try bool(document["copy_osc52"], path: "copy_osc52") ?? false
        config.mouse = try bool(document["mouse"], path: "mouse") ?? true
        if let value = document["profiles"] {
            guard case .table(let profiles) = value else { throw typeError("profiles", expected: "a table", value) }
            for (name, entry) in profiles.sorted(by: { $0.key < $1.key }) {
                config.profiles[name] = try profile(name: name, entry)
            }
        }
        if let value = document["keys"] {
            guard case .table(let table) = value else { throw typeError("keys", expected: "a table", value) }
            config.keys = keyBindings(table)
        }
        if let value = document["risks"] {
            guard case .table(let table) = value else { throw typeError("risks", expected: "a table", value) }
            config.risks = try riskThresholds(table)
        }
        config.warnings = warnings
        return config
    }

    /// `[risks]`: the risk lens's thresholds, each a whole number of days (or people, or providers) above zero.
    private mutating func riskThresholds(_ table: [String: TOMLDocument.Value]) throws(ConfigError) -> RiskThresholds {
        warnUnknown(in: table, known: Set(Self.riskKeys.keys), path: "risks")
        var thresholds = RiskThresholds()
        for (key, path) in Self.riskKeys.sorted(by: { $0.key < $1.key }) {
            guard let value = table[key] else { continue }
            guard case .integer(let number) = value else {
                throw typeError("risks.\(key)", expected: "a whole number", value)
            }
            guard number > 0 else { throw ConfigError("\(origin): risks.\(key) must be above zero, not \(number)") }
            thresholds[keyPath: path] = Int(number)
        }
        return thresholds
    }

    /// `[keys]`: action id → a key name or an array of them; a value of another type is a warning naming the id
    /// (the default keys stay), never an error that stops the console.
    private mutating func keyBindings(_ table: [String: TOMLDocument.Value]) -> [String: [String]] {
        var bindings: [String: [String]] = [:]
        for (id, value) in table.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .string(let name): bindings[id] = name.isEmpty ? [] : [name]
            case .array(let values):
                var names: [String] = []
                for element in values {
                    guard case .string(let name) = element else {
                        warnings.append("config: keys.\(id) must list key names as strings, not a \(element.typeName)")
                        continue
                    }
                    names.append(name)
                }
                bindings[id] = names
            default:
                warnings.append(
                    "config: keys.\(id) must be a key name or an array of key names, not a \(value.typeName)")
            }
        }
        return bindings
    }

    private mutating func profile(name: String, _ value: TOMLDocument.Value) throws(ConfigError) -> ProfileConfig {
        let path = "profiles.\(name)"
        guard case .table(let table) = value else { throw typeError(path, expected: "a table", value) }
        warnUnknown(in: table, known: Self.profileKeys, path: path)
        var profile = ProfileConfig(name: name)
        if let providerName = try string(table["provider"], path: "\(path).provider") {
            guard let provider = ProviderRegistry.standard.provider(named: providerName) else {
                let known = ProviderRegistry.standard.names
                throw ConfigError("\(origin): \(path).provider: unknown provider \"\(providerName)\" (\(known))")
            }
            profile.provider = provider
        }
        profile.baseURL = try string(table["base_url"], path: "\(path).base_url")
        profile.tokenCommand = try string(table["token_command"], path: "\(path).token_command")
        profile.readOnly = try bool(table["read_only"], path: "\(path).read_only") ?? false
        profile.mouse = try bool(table["mouse"], path: "\(path).mouse")
        profile.network = NetworkOptions(
            proxy: try string(table["proxy"], path: "\(path).proxy"),
            caFile: try string(table["ca_file"], path: "\(path).ca_file"),
            connectTimeout: try seconds(table["connect_timeout"], path: "\(path).connect_timeout"),
            requestTimeout: try seconds(table["request_timeout"], path: "\(path).request_timeout"))
        return profile
    }

    private mutating func warnUnknown(in table: [String: TOMLDocument.Value], known: Set<String>, path: String) {
        for key in table.keys.sorted() where !known.contains(key) {
            let fullKey = path.isEmpty ? key : "\(path).\(key)"
            if ["token", "api_token", "api_key", "key", "secret", "password"].contains(key) {
                warnings.append(
                    "config: \(fullKey) is ignored: secrets are not read from the config file; use token_command "
                        + "(e.g. a password manager) or CLOUDFLARE_API_TOKEN")
            } else {
                warnings.append("config: unknown key \"\(fullKey)\"")
            }
        }
    }

    private func string(_ value: TOMLDocument.Value?, path: String) throws(ConfigError) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value else { throw typeError(path, expected: "a string", value) }
        return text
    }

    private func bool(_ value: TOMLDocument.Value?, path: String) throws(ConfigError) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let flag) = value else { throw typeError(path, expected: "true or false", value) }
        return flag
    }

    /// A positive number of seconds (`10` or `2.5`).
    private func seconds(_ value: TOMLDocument.Value?, path: String) throws(ConfigError) -> Duration? {
        guard let value else { return nil }
        let number: Double
        switch value {
        case .integer(let whole): number = Double(whole)
        case .float(let fraction): number = fraction
        default: throw typeError(path, expected: "a number of seconds", value)
        }
        guard number > 0, number <= 3600 else {
            throw ConfigError("\(origin): \(path) must be between 0 and 3600 seconds, not \(number)")
        }
        return .milliseconds(Int((number * 1000).rounded()))
    }

    private func typeError(_ path: String, expected: String, _ value: TOMLDocument.Value) -> ConfigError {
        ConfigError("\(origin): \(path) must be \(expected), not a \(value.typeName)")
    }
}
