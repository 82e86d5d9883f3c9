/// How a cell looks: colours and the attributes every curses terminal supports.
public struct Style: Sendable, Hashable {
    /// Text colour.
    public var foreground: TerminalColor
    /// Cell background colour.
    public var background: TerminalColor
    /// Bold (often also "bright" on 8-colour terminals).
    public var bold: Bool
    /// Dim / faint.
    public var dim: Bool
    /// Underlined.
    public var underline: Bool
    /// Foreground and background swapped.
    public var reverse: Bool

    /// A style; every part defaults to the terminal's own.
    public init(
        foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
        bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()

    /// Whether the style uses any colour (rather than only attributes).
    public var hasColor: Bool { foreground != .terminalDefault || background != .terminalDefault }
}
