import Foundation

/// Where orgtui's own files live: `$XDG_CONFIG_HOME/orgtui` (default `~/.config/orgtui`).
public struct ConfigDirectory: Sendable, Hashable {
    /// The directory's absolute path.
    public var path: String

    /// The directory at `path`.
    public init(path: String) {
        self.path = path
    }

    /// `$XDG_CONFIG_HOME/orgtui`; a relative or empty `XDG_CONFIG_HOME` is ignored, as the XDG spec says.
    public init(environment: [String: String], home: String = NSHomeDirectory()) {
        let configured = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let base = configured ?? (home as NSString).appendingPathComponent(".config")
        path = (base as NSString).appendingPathComponent("orgtui")
    }

    /// `config.toml` in this directory.
    public var configFile: String { (path as NSString).appendingPathComponent("config.toml") }

    /// `themes/NAME.toml` in this directory.
    public func themeFile(named name: String) -> String {
        (path as NSString).appendingPathComponent("themes/\(name).toml")
    }
}
