import CNCursesW

/// Facts about the linked curses library, readable without taking over the terminal.
public enum CursesLibrary {
    /// The version string the linked libncursesw reports, e.g. "ncurses 6.4.20221231".
    public static var version: String {
        guard let raw = curses_version() else { return "unknown" }
        return String(cString: raw)
    }

    /// Whether the linked library has the wide-character API this project draws with.
    public static var hasWideCharacterSupport: Bool {
        // `wcwidth` agrees with curses only when the wide build is linked; a wide glyph must measure 2.
        setlocale(LC_ALL, "C.UTF-8")
        return wcwidth(0x4E2D) == 2
    }
}
