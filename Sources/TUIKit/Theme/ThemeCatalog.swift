/// Finds themes by name or path for `:theme`; the loader (files, TOML) is supplied by the app, so the toolkit
/// never parses a theme file itself.
public struct ThemeCatalog: Sendable {
    private let loader: @Sendable (String) -> Result<LoadedTheme, ThemeLoadError>

    /// A catalog that asks `loader` for each theme (the default knows only the compiled-in styles).
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
