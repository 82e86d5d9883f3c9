import APICore
import Foundation

/// The settings in `$XDG_CONFIG_HOME/orgtui/config.toml`.
///
/// ```toml
/// theme = "light"          # a theme name or path, as for --theme
/// read_only = true         # refuse every write, whatever the profile
/// copy_osc52 = false       # let y / c copy through the terminal (OSC 52)
/// mouse = false            # leave the mouse to the terminal (select text over SSH); also per profile
///
/// [profiles.work]
/// provider = "cloudflare"
/// base_url = "https://api.cloudflare.com/client/v4"
/// token_command = "op read op://Private/Cloudflare/token"
/// read_only = true
/// proxy = "http://proxy.corp.example:3128"   # wins over HTTPS_PROXY; "direct" for none
/// ca_file = "~/corp-ca.pem"                   # trusted on top of the system's CAs
/// connect_timeout = 10                        # seconds
/// request_timeout = 30                        # seconds
///
/// [keys]                   # rebind catalogue actions by id; "" or [] unbinds
/// "members.invite" = "I"
/// "cursor.down" = ["j", "Ctrl-n"]
///
/// [risks]                  # the risk lens (:risks, orgtui risks)
/// unused_days = 90         # a key unused this long (or never used, issued this long ago)
/// expiring_days = 14       # a key expiring this soon
/// invitation_days = 7      # an invitation pending longer than this
/// max_owners = 5           # more owners than this in one organization
/// sso_sources = 2          # SSO off while members sign in through this many identity providers
/// ```
///
/// Unknown keys are warnings naming them (the rest of the file still applies); a known key with a value of the wrong
/// type is an error, so that `read_only = "yes"` can never quietly mean writable.
public struct ConfigFile: Sendable, Hashable {
    /// `theme`: the theme to start with (`--theme` wins).
    public var theme: String?
    /// `read_only`: refuse every write (also `--read-only` and a profile's `read_only`).
    public var readOnly: Bool
    /// `copy_osc52`: copying with `y` / `c` writes an OSC 52 sequence to the terminal.
    public var copyOSC52: Bool
    /// `mouse`: the console captures the mouse (wheel scrolls, click selects); false leaves it to the terminal.
    public var mouse = true
    /// `[profiles.NAME]` by name.
    public var profiles: [String: ProfileConfig]
    /// `[keys]`: action id → key names, as written (the console's key map checks them against its catalogue).
    public var keys: [String: [String]] = [:]
    /// `[risks]`: the risk lens's thresholds.
    public var risks = RiskThresholds()
    /// One line per key the file has but orgtui does not know.
    public var warnings: [String]

    /// A config; every setting defaults to off.
    public init(
        theme: String? = nil, readOnly: Bool = false, copyOSC52: Bool = false, profiles: [String: ProfileConfig] = [:],
        warnings: [String] = []
    ) {
        self.theme = theme
        self.readOnly = readOnly
        self.copyOSC52 = copyOSC52
        self.profiles = profiles
        self.warnings = warnings
    }

    /// Reads `config.toml` in `directory`; a missing file is an empty config, not an error.
    public static func load(from directory: ConfigDirectory) throws(ConfigError) -> ConfigFile {
        let path = directory.configFile
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("Cannot read the config file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError("The config file \(path) is not UTF-8 text")
        }
        return try parse(text, origin: path)
    }

    /// Parses a config file's text; `origin` (its path) names the file in errors and warnings.
    public static func parse(_ text: String, origin: String) throws(ConfigError) -> ConfigFile {
        let document: [String: TOMLDocument.Value]
        do {
            document = try TOMLDocument.parse(text)
        } catch {
            throw ConfigError("Config \(error.describe(in: origin))")
        }
        var reader = ConfigReader(origin: origin)
        return try reader.config(from: document)
    }
}
