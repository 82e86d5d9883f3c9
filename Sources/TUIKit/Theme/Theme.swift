/// A named set of styles for the semantic roles; roles it lacks fall back to the compiled-in default.
public struct Theme: Sendable, Hashable {
    /// The name shown by `:theme` and the status line.
    public var name: String
    /// The style of each role; missing roles use `Theme.defaultDark`'s.
    public var styles: [ThemeRole: Style]

    /// A theme from explicit styles.
    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`.
    public subscript(role: ThemeRole) -> Style {
        get { styles[role] ?? Theme.defaultDarkStyles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// Whether any role uses a colour (false for monochrome themes).
    public var usesColor: Bool { ThemeRole.allCases.contains { self[$0].hasColor } }
}
