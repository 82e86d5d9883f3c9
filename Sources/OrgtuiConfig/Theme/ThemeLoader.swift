import Foundation
import TUIKit

/// Loads a theme by name or by path, for `--theme`, the config's `theme` and `:theme`.
///
/// A PATH (it contains "/" or ends in ".toml") is read directly; `~/` means the home directory and a relative
/// path starts at the working directory. A NAME is looked up, first match wins, in
/// 1. `$XDG_CONFIG_HOME/orgtui/themes/NAME.toml` (default `~/.config/orgtui/themes`): the user's own themes,
/// 2. `./themes/NAME.toml`: running from a checkout,
/// 3. the themes compiled into the binary (`EmbeddedThemes`), so an installed binary needs no folder.
///
/// A file that exists but does not parse is an error naming the file and line; it never falls back silently.
public struct ThemeLoader: Sendable {
    /// orgtui's config directory (the user's themes are in its `themes/`).
    public var configDirectory: ConfigDirectory
    /// Where relative paths and `./themes` start.
    public var workingDirectory: String
    /// What `~/` expands to.
    public var home: String
    /// Compiled-in theme TOML by name.
    public var embedded: [String: String]

    /// A loader with explicit locations (tests point these at temporary directories).
    public init(
        configDirectory: ConfigDirectory, workingDirectory: String, home: String = NSHomeDirectory(),
        embedded: [String: String] = EmbeddedThemes.files
    ) {
        self.configDirectory = configDirectory
        self.workingDirectory = workingDirectory
        self.home = home
        self.embedded = embedded
    }

    /// A loader for this process: `XDG_CONFIG_HOME` from `environment`, the current directory.
    public init(environment: [String: String]) {
        self.init(
            configDirectory: ConfigDirectory(environment: environment),
            workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Whether `text` names a file rather than a theme: it contains "/" or ends in ".toml".
    public static func isPath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".toml")
    }

    /// Where a NAME is looked for, in order.
    public func candidates(forName name: String) -> [ThemeSource] {
        var sources: [ThemeSource] = [
            .file(configDirectory.themeFile(named: name)),
            .file((workingDirectory as NSString).appendingPathComponent("themes/\(name).toml")),
        ]
        if embedded[name] != nil { sources.append(.embedded(name)) }
        return sources
    }

    /// Where `nameOrPath` would be loaded from: a path as given (resolved), a name at its first match; nil when
    /// a name matches nothing.
    public func locate(_ nameOrPath: String) -> ThemeSource? {
        if Self.isPath(nameOrPath) { return .file(resolve(path: nameOrPath)) }
        return candidates(forName: nameOrPath).first { source in
            switch source {
            case .file(let path): Self.isFile(path)
            case .embedded: true
            }
        }
    }

    /// Loads `nameOrPath`: the theme with its warnings (unknown keys and colours), or why it could not load.
    public func load(_ nameOrPath: String) -> Result<LoadedTheme, ThemeLoadError> {
        let request = nameOrPath.trimmingCharacters(in: .whitespaces)
        guard !request.isEmpty else { return .failure(ThemeLoadError("No theme name given")) }
        guard let source = locate(request) else {
            let builtIn =
                EmbeddedThemes.names.filter { embedded[$0] != nil }
                + embedded.keys.sorted().filter {
                    !EmbeddedThemes.names.contains($0)
                }
            return .failure(
                ThemeLoadError(
                    "Unknown theme '\(request)' (built in: \(builtIn.joined(separator: ", ")))"))
        }
        return load(from: source)
    }

    /// Loads the theme at `source`.
    public func load(from source: ThemeSource) -> Result<LoadedTheme, ThemeLoadError> {
        switch source {
        case .embedded(let name):
            guard let text = embedded[name] else { return .failure(ThemeLoadError("No built-in theme '\(name)'")) }
            return Self.theme(fromTOML: text, name: name, origin: source.description)
        case .file(let path):
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return Self.read(path).flatMap { Self.theme(fromTOML: $0, name: name, origin: path) }
        }
    }

    /// Builds a theme called `name` from a theme file's text; `origin` (a path) names the file in errors.
    public static func theme(fromTOML text: String, name: String, origin: String) -> Result<LoadedTheme, ThemeLoadError>
    {
        do {
            let document = try TOMLDocument.parse(text)
            return .success(ThemeFile.theme(from: document, name: name))
        } catch {
            return .failure(ThemeLoadError("Theme \(error.describe(in: origin))"))
        }
    }

    private func resolve(path: String) -> String {
        if path == "~" || path.hasPrefix("~/") {
            return (home as NSString).appendingPathComponent(String(path.dropFirst()))
        }
        if path.hasPrefix("/") { return path }
        return (workingDirectory as NSString).appendingPathComponent(path)
    }

    private static func read(_ path: String) -> Result<String, ThemeLoadError> {
        guard isFile(path) else { return .failure(ThemeLoadError("No theme file at \(path)")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ThemeLoadError("Cannot read the theme file \(path)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeLoadError("The theme file \(path) is not UTF-8 text"))
        }
        return .success(text)
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
