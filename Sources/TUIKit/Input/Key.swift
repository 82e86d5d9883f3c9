/// A key press, decoded by the terminal backend.
public enum Key: Sendable, Hashable {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, given as the lower-case letter: Ctrl-C is `.control("c")`.
    case control(Character)
    /// Return / Enter.
    case enter
    /// Esc on its own (not the start of an escape sequence).
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace (DEL or BS).
    case backspace
    /// Delete (forward).
    case delete
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Insert.
    case insert
    /// F1 … F12 as 1 … 12.
    case function(Int)
}
