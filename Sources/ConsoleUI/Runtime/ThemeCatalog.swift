import TUIKit

/// A theme with the warnings its file produced (unknown keys, unknown colours).
public struct LoadedTheme: Sendable {
    public var theme: Theme
    public var warnings: [String]

    public init(theme: Theme, warnings: [String] = []) {
        self.theme = theme
        self.warnings = warnings
    }
}

/// Why a theme could not be loaded.
public struct ThemeLoadError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Finds themes by name or path for `:theme`; the loader (files, TOML) is supplied by the app.
public struct ThemeCatalog: Sendable {
    private let loader: @Sendable (String) -> Result<LoadedTheme, ThemeLoadError>

    public init(loader: @escaping @Sendable (String) -> Result<LoadedTheme, ThemeLoadError> = ThemeCatalog.builtIn) {
        self.loader = loader
    }

    /// The theme called `name`.
    public func theme(named name: String) -> Result<LoadedTheme, ThemeLoadError> { loader(name) }

    /// The compiled-in themes only.
    public static let builtIn: @Sendable (String) -> Result<LoadedTheme, ThemeLoadError> = { name in
        switch name {
        case "default", Theme.defaultDark.name: .success(LoadedTheme(theme: .defaultDark))
        case "mono", Theme.monochrome.name: .success(LoadedTheme(theme: .monochrome))
        default: .failure(ThemeLoadError("Unknown theme '\(name)'"))
        }
    }
}
