import CNCursesW
import TUIKit

/// Allocates curses colour pairs for (foreground, background) combinations on first use.
struct ColorPairs {
    private var numbers: [Pair: Int32] = [:]

    private struct Pair: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// The pair number for a style's colours; 0 (the terminal default) when colours are off or pairs run out.
    mutating func pair(for style: Style) -> Int32 {
        guard has_colors() else { return 0 }
        let pair = Pair(foreground: Self.number(style.foreground), background: Self.number(style.background))
        if pair.foreground == -1 && pair.background == -1 { return 0 }
        if let number = numbers[pair] { return number }
        let next = Int32(numbers.count + 1)
        guard next < min(orgtui_color_pairs(), 32_767) else { return 0 }
        init_pair(Int16(next), pair.foreground, pair.background)
        numbers[pair] = next
        return next
    }

    private static func number(_ color: TerminalColor) -> Int16 {
        switch color {
        case .terminalDefault: -1
        case .indexed(let index): Int16(index) < Int16(orgtui_colors()) ? Int16(index) : -1
        }
    }
}
