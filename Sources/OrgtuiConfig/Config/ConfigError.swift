/// Why the config could not be used: a syntax error with its line, a key with the wrong type, a failing
/// `token_command`, an unknown profile. The message is for the user and never contains a secret.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, naming the file, key or profile.
    public var message: String

    /// An error with a user-facing message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
