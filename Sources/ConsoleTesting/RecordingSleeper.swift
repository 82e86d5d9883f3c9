import Synchronization

/// A sleep function for `RetryingTransport` that returns at once and records what it was asked to wait.
public final class RecordingSleeper: Sendable {
    private let waits = Mutex<[Duration]>([])

    public init() {}

    /// The waits requested so far, in order.
    public var recorded: [Duration] { waits.withLock { $0 } }

    /// Pass this as `RetryingTransport`'s `sleep`.
    public var sleep: @Sendable (Duration) async throws -> Void {
        { duration in self.waits.withLock { $0.append(duration) } }
    }
}
