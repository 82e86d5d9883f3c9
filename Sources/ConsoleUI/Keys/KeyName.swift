import TUIKit

/// How keys are written: in the help and hints (`Ctrl-d`, `↓`, `PgDn`) and in `[keys]` of the config, which also
/// takes the spelled-out names (`Down`, `PageDown`, `C-d`, `ctrl+d`, `Space`).
public enum KeyName {
    /// The key as the help overlay and the hints show it.
    public static func label(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Ins"
        case .function(let number): "F\(number)"
        }
    }

    /// Several keys, as one label ("j ↓").
    public static func label(_ keys: [Key]) -> String { keys.map(label).joined(separator: " ") }

    /// The key a config names, or nil when the name means no key.
    public static func parse(_ name: String) -> Key? {
        let lower = name.lowercased()
        if let key = named[lower] { return key }
        if name.count == 1, let character = name.first { return .character(character) }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isLetter else { return nil }
            return .control(letter)
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            return .function(number)
        }
        return nil
    }

    private static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
        "backtab": .backTab, "backspace": .backspace, "del": .delete, "delete": .delete, "up": .up, "↑": .up,
        "down": .down, "↓": .down, "left": .left, "←": .left, "right": .right, "→": .right, "home": .home,
        "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "ins": .insert,
        "insert": .insert, "space": .character(" "),
    ]
}
