import ConsoleUI
import OrgtuiConfig
import TUIKit

/// Picks the starting theme and builds the `:theme` catalog, from `--theme`, the config's `theme`, `NO_COLOR`,
/// `TERM` and the terminal's colour count.
enum ThemeSelection {
    /// `--theme` wins over the config's `theme`; `NO_COLOR` (non-empty), `TERM=dumb` and terminals with fewer than 8
    /// colours get `mono`; fewer than 256 colours get the theme downgraded. A theme that cannot load is a warning
    /// and the default theme.
    static func initial(
        requested: String?, configured: String?, environment: [String: String], colors: Int, loader: ThemeLoader
    ) -> LoadedTheme {
        let monochrome = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb" || colors < 8
        if monochrome {
            // An explicit --theme is not dropped silently; the config's theme is, NO_COLOR being just as deliberate.
            let note = requested.map {
                "--theme \($0) ignored: NO_COLOR, TERM=dumb or a colourless terminal asks for mono"
            }
            return LoadedTheme(theme: .monochrome, warnings: note.map { [$0] } ?? [])
        }
        var loaded = LoadedTheme(theme: .defaultDark)
        if let name = requested ?? configured {
            switch loader.load(name) {
            case .success(let theme):
                loaded = theme
                if !loaded.warnings.isEmpty {
                    loaded.warnings = ["Theme \(loaded.theme.name): " + loaded.warnings.joined(separator: "; ")]
                }
            case .failure(let error):
                loaded.warnings.append(error.message + "; using the default theme")
            }
        }
        loaded.theme = loaded.theme.downgraded(toColors: colors)
        return loaded
    }

    /// `:theme NAME|PATH` through the same loader, downgraded to what the terminal shows.
    static func catalog(loader: ThemeLoader, colors: Int) -> ThemeCatalog {
        ThemeCatalog { name in
            loader.load(name).map { loaded in
                LoadedTheme(theme: loaded.theme.downgraded(toColors: colors), warnings: loaded.warnings)
            }
        }
    }
}
