/// A mouse button or wheel direction reported by the terminal.
public enum MouseButton: Sendable, Hashable {
    /// Primary button.
    case left
    /// Middle button.
    case middle
    /// Secondary button.
    case right
    /// Wheel scrolled up.
    case wheelUp
    /// Wheel scrolled down.
    case wheelDown
}
