/// Reads `capture-pane -p -e` output: the text of each row and the SGR attributes of each character.
///
/// tmux writes only attribute changes, carried across rows, so the state is tracked from the top of the
/// screen. Only what tmux emits is understood: SGR (`ESC [ … m`); other escapes are skipped.
struct ScreenAttributes {
    /// The attributes in effect for one character.
    struct Style: Hashable, CustomStringConvertible {
        var foreground = "default"
        var background = "default"
        var flags: Set<Int> = []

        var description: String { "fg \(foreground) bg \(background) flags \(flags.sorted())" }
    }

    /// Per row: the characters and their styles.
    private(set) var rows: [[(character: Character, style: Style)]] = []

    init(_ captured: String) {
        var style = Style()
        var row: [(character: Character, style: Style)] = []
        var characters = Array(captured)[...]
        while let character = characters.popFirst() {
            if character == "\u{1B}" {
                guard characters.first == "[" else {
                    _ = characters.popFirst()
                    continue
                }
                characters = characters.dropFirst()
                var parameters = ""
                while let next = characters.popFirst() {
                    if next.isLetter {
                        if next == "m" { Self.apply(parameters, to: &style) }
                        break
                    }
                    parameters.append(next)
                }
            } else if character == "\n" {
                rows.append(row)
                row = []
            } else {
                row.append((character, style))
            }
        }
        if !row.isEmpty { rows.append(row) }
    }

    /// The text of row `index`.
    func text(row index: Int) -> String {
        index < rows.count ? String(rows[index].map(\.character)) : ""
    }

    /// The style of the first character of `needle` on row `index`, or nil when it is not there.
    func style(of needle: String, row index: Int) -> Style? {
        guard index < rows.count else { return nil }
        let characters = rows[index].map(\.character)
        let target = Array(needle)
        guard !target.isEmpty, characters.count >= target.count else { return nil }
        for start in 0...(characters.count - target.count)
        where Array(characters[start..<start + target.count]) == target {
            return rows[index][start].style
        }
        return nil
    }

    private static func apply(_ parameters: String, to style: inout Style) {
        var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
        if codes.isEmpty { codes = [0] }
        while let code = codes.popFirst() {
            switch code {
            case 0: style = Style()
            case 1...9: style.flags.insert(code)
            case 21, 22:
                style.flags.remove(1)
                style.flags.remove(2)
            case 23...29: style.flags.remove(code - 20)
            case 30...37, 90...97: style.foreground = "\(code)"
            case 39: style.foreground = "default"
            case 40...47, 100...107: style.background = "\(code)"
            case 49: style.background = "default"
            case 38, 48, 58:
                var value = ""
                switch codes.popFirst() {
                case 5: value = "256:\(codes.popFirst() ?? 0)"
                case 2: value = "rgb:\(codes.popFirst() ?? 0),\(codes.popFirst() ?? 0),\(codes.popFirst() ?? 0)"
                default: break
                }
                if code == 38 { style.foreground = value } else if code == 48 { style.background = value }
            default: break
            }
        }
    }
}
