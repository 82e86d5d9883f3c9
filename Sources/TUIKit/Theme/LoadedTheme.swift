/// A theme with the warnings its file produced (unknown keys, unknown colours).
public struct LoadedTheme: Sendable {
    /// The theme to use.
    public var theme: Theme
    /// What the file held that the theme could not use, one message each.
    public var warnings: [String]

    /// A theme and the warnings its file produced.
    public init(theme: Theme, warnings: [String] = []) {
        self.theme = theme
        self.warnings = warnings
    }
}
