/// Strings that try to take over a terminal or fool a reader; seeded into a few records on purpose.
enum HostileText {
    /// ANSI "clear screen".
    static let clearScreen = "\u{1B}[2J"
    /// ANSI red foreground.
    static let red = "\u{1B}[31m"
    /// ANSI attribute reset.
    static let reset = "\u{1B}[0m"
    /// OSC 52: writes "evil" to the clipboard.
    static let osc52 = "\u{1B}]52;c;ZXZpbA==\u{07}"
    /// Bell.
    static let bell = "\u{07}"
    /// Backspace.
    static let backspace = "\u{08}"
    /// Right-to-left override.
    static let rightToLeftOverride = "\u{202E}"
    /// Zero-width joiner.
    static let zeroWidthJoiner = "\u{200D}"
    /// CJK plus an emoji (double-width cells).
    static let cjk = "開発チーム 🚀"
    /// Stacked combining marks ("Zalgo").
    static let zalgo = "Z\u{0337}\u{0322}a\u{0338}l\u{0335}g\u{0336}o\u{0334}\u{0301}\u{0301}\u{0301}"

    /// A 300-character name.
    static let longName: String = {
        let unit = "Very Long Name Department Of Redundancy Department "
        return String(String(repeating: unit, count: 7).prefix(300))
    }()

    /// An account name with a clear-screen, colour and bell.
    static let accountName = "\(clearScreen)\(red)PWNED Holdings\(reset)\(bell)"
    /// An account name with a clipboard write and a bidi override.
    static let osc52AccountName = "\(osc52)Evil Corp \(rightToLeftOverride)moc.elpmaxe"
}
