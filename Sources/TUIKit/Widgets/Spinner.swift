/// A braille spinner for work in progress.
public enum Spinner {
    /// The frames, in order.
    public static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The frame for animation step `tick` (any integer; wraps around).
    public static func frame(_ tick: Int) -> String {
        let count = frames.count
        return frames[((tick % count) + count) % count]
    }
}
