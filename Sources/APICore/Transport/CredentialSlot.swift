import Synchronization

/// The credentials a client currently uses; replaced when the signed-in token itself is rolled.
public final class CredentialSlot<Credentials: Sendable>: Sendable {
    private let current: Mutex<Credentials>

    /// Holds `credentials`.
    public init(_ credentials: Credentials) {
        current = Mutex(credentials)
    }

    /// The credentials in use.
    public var credentials: Credentials { current.withLock { $0 } }

    /// Uses `credentials` for every request from now on.
    public func replace(with credentials: Credentials) {
        current.withLock { $0 = credentials }
    }
}
