import Synchronization

/// A string readable without `await`: the login token's current secret, shared by the store and the server.
final class SecretCell: Sendable {
    private let storage: Mutex<String>

    init(_ value: String) { storage = Mutex(value) }

    /// The current value.
    var value: String {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
