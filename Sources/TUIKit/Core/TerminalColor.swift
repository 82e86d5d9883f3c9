/// A terminal colour: the terminal's own default, or an index into the xterm 256-colour palette.
public enum TerminalColor: Sendable, Hashable {
    /// The terminal's default foreground or background (curses colour -1).
    case terminalDefault
    /// Palette index: 0–7 ANSI, 8–15 bright ANSI, 16–231 the 6×6×6 cube, 232–255 the grey ramp.
    case indexed(UInt8)
}

extension TerminalColor {
    /// ANSI black (0).
    public static let black = TerminalColor.indexed(0)
    /// ANSI red (1).
    public static let red = TerminalColor.indexed(1)
    /// ANSI green (2).
    public static let green = TerminalColor.indexed(2)
    /// ANSI yellow (3).
    public static let yellow = TerminalColor.indexed(3)
    /// ANSI blue (4).
    public static let blue = TerminalColor.indexed(4)
    /// ANSI magenta (5).
    public static let magenta = TerminalColor.indexed(5)
    /// ANSI cyan (6).
    public static let cyan = TerminalColor.indexed(6)
    /// ANSI white (7).
    public static let white = TerminalColor.indexed(7)
}
