extension TerminalColor {
    /// ANSI colour names accepted in theme files, by palette index.
    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a colour spec: "#rrggbb" or "#rgb" (nearest xterm-256 colour), "color0"…"color255", an ANSI name
    /// ("red", "bright-red"), or "default"; nil when it is none of these.
    public init?(spec: String) {
        let text = String(spec.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            .lowercased()
        if text == "default" || text == "none" || text == "terminal" {
            self = .terminalDefault
        } else if text.hasPrefix("#") {
            guard let rgb = Self.hexRGB(String(text.dropFirst())) else { return nil }
            self = Self.nearest(red: rgb.red, green: rgb.green, blue: rgb.blue)
        } else if text.hasPrefix("color") {
            guard let index = UInt8(text.dropFirst(5)) else { return nil }
            self = .indexed(index)
        } else if let index = Self.ansiNames.firstIndex(of: text) {
            self = .indexed(UInt8(index))
        } else if let index = Self.brightIndex(text) {
            self = .indexed(index)
        } else {
            return nil
        }
    }

    /// "bright-red", "bright_red" or "brightred" → 9.
    private static func brightIndex(_ text: String) -> UInt8? {
        for prefix in ["bright-", "bright_", "bright"] where text.hasPrefix(prefix) {
            if let index = ansiNames.firstIndex(of: String(text.dropFirst(prefix.count))) { return UInt8(index + 8) }
        }
        return nil
    }

    private static func hexRGB(_ digits: String) -> (red: Int, green: Int, blue: Int)? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let values = digits.compactMap { $0.hexDigitValue }
        switch values.count {
        case 3: return (values[0] * 17, values[1] * 17, values[2] * 17)
        case 6: return (values[0] * 16 + values[1], values[2] * 16 + values[3], values[4] * 16 + values[5])
        default: return nil
        }
    }
}
