import Synchronization

/// Counts each credential's requests in a rolling window and refuses those past the budget.
public final class RateLimiter: Sendable {
    /// What the budget says of one request.
    public struct Verdict: Sendable, Hashable {
        /// Whether the request may go on.
        public var allowed: Bool
        /// The budget per window.
        public var limit: Int
        /// Requests left in the window after this one.
        public var remaining: Int
        /// Seconds until the oldest counted request leaves the window (a place frees up).
        public var resetSeconds: Int
        /// Seconds in the window.
        public var windowSeconds: Int
    }

    /// The budget enforced.
    public let limit: DemoRateLimit
    private let clock = ContinuousClock()
    private let counted = Mutex<[String: [ContinuousClock.Instant]]>([:])

    /// A limiter enforcing `limit`.
    public init(limit: DemoRateLimit) {
        self.limit = limit
    }

    /// Counts a request by `credential` unless the budget is spent; refused requests are not counted, so a client
    /// that waits as `Retry-After` says gets through.
    func take(credential: String) -> Verdict {
        let now = clock.now
        let window = limit.window
        return counted.withLock { counted in
            var times = counted[credential, default: []]
            times.removeAll { now - $0 >= window }
            let allowed = times.count < limit.requests
            if allowed { times.append(now) }
            counted[credential] = times
            let reset = times.first.map { window - (now - $0) } ?? window
            let seconds = max(1, Int(reset.components.seconds) + (reset.components.attoseconds > 0 ? 1 : 0))
            return Verdict(
                allowed: allowed, limit: limit.requests, remaining: max(0, limit.requests - times.count),
                resetSeconds: seconds, windowSeconds: limit.windowSeconds)
        }
    }

    /// Forgets every count (tests, `/__demo` resets).
    public func reset() {
        counted.withLock { $0.removeAll() }
    }
}
