import ConsoleUI
import TUIKit

/// Picks the starting theme from `--theme`, `NO_COLOR`, `TERM` and the terminal's colour count.
enum ThemeSelection {
    static func initial(requested: String?, environment: [String: String], colors: Int) -> LoadedTheme {
        let monochrome = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb" || colors < 8
        if monochrome { return LoadedTheme(theme: .monochrome) }
        var loaded = LoadedTheme(theme: .defaultDark)
        if let requested {
            switch ThemeCatalog.builtIn(requested) {
            case .success(let theme): loaded = theme
            case .failure(let error): loaded.warnings.append(error.message + "; using the default theme")
            }
        }
        if colors < 256 { loaded.theme = loaded.theme.downgraded(toColors: colors) }
        return loaded
    }
}
