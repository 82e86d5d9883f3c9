/// A screen that presents whole frames and reports input: curses in the app, a fake in tests.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows `buffer` as the whole screen (the backend diffs and flushes).
    func present(_ buffer: Buffer)
    /// Keys, resizes and mouse events, in order; finishes when the terminal goes away.
    var events: AsyncStream<InputEvent> { get }
}
