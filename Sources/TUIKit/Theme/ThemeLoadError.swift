/// Why a theme could not be loaded.
public struct ThemeLoadError: Error, Sendable {
    /// The message shown to the user (names the file and line when there is one).
    public var message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }
}
