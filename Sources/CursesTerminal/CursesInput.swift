import CNCursesW
import TUIKit

/// Turns what `wget_wch` returned into an input event.
enum CursesInput {
    static func event(result: Int32, code: wint_t, screen: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        if result == orgtui_key_code_yes() { return functionKey(Int32(bitPattern: code)) }
        return character(UInt32(code)).map(InputEvent.key)
    }

    /// A character code from `wget_wch` (result OK).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A:
            return Unicode.Scalar(code + 0x60).map { .control(Character($0)) }
        case 0x00...0x1F: return nil
        default:
            return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    private static func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_ENTER: return .key(.enter)
        case orgtui_key_mouse(): return mouse()
        case orgtui_key_resize(): return nil
        case orgtui_key_f(1)...orgtui_key_f(12): return .key(.function(Int(code - orgtui_key_f(0))))
        default: return nil
        }
    }

    private static func mouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let x = Int(event.x)
        let y = Int(event.y)
        if state & orgtui_button4_pressed() != 0 { return .mouse(.wheelUp, x: x, y: y) }
        if state & orgtui_button5_pressed() != 0 { return .mouse(.wheelDown, x: x, y: y) }
        if state & (orgtui_button1_pressed() | orgtui_button1_clicked()) != 0 { return .mouse(.left, x: x, y: y) }
        if state & orgtui_button3_pressed() != 0 { return .mouse(.right, x: x, y: y) }
        return nil
    }
}
