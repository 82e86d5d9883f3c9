/// Something the terminal reports: a key, a new size, or a mouse action at a cell.
public enum InputEvent: Sendable, Hashable {
    /// A key press.
    case key(Key)
    /// The terminal now has this size.
    case resize(Size)
    /// A mouse button or wheel event at column `x`, row `y`.
    case mouse(MouseButton, x: Int, y: Int)
}
