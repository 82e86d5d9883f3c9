/// The streams a session's events go to: each subscriber gets every event sent after it subscribed.
@MainActor
final class EventSubscribers {
    private var continuations: [AsyncStream<ModelEvent>.Continuation] = []

    /// A new stream of the events sent from now on.
    func subscribe() -> AsyncStream<ModelEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ModelEvent.self, bufferingPolicy: .unbounded)
        continuations.append(continuation)
        return stream
    }

    /// Sends an event to every subscriber.
    func send(_ event: ModelEvent) {
        for continuation in continuations { continuation.yield(event) }
    }

    /// Ends every stream.
    func finish() {
        for continuation in continuations { continuation.finish() }
        continuations = []
    }
}
