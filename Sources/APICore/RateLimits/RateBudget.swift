import Foundation
import Synchronization

/// One session's rate-limit budget: the provider's limit, read from its answers' headers where it sends them and
/// otherwise counted locally against its documented default, so the header can show what is left and background
/// loading can slow down before it runs out.
///
/// `BudgetingTransport` feeds it every request and answer; readers ask for a `reading`.
public final class RateBudget: Sendable {
    private struct State {
        var limit: Int?
        var window: Duration?
        /// The server's last figure of what is left, and when that figure frees up.
        var reported: Int?
        var resetAt: ContinuousClock.Instant?
        /// Requests sent whose answer has not come back.
        var pending = 0
        /// When requests were sent within the window, for the local count (no server figures).
        var sent: [ContinuousClock.Instant] = []
        var throttled = 0
    }

    /// The window requests are counted in when neither the provider nor the server names one.
    static let assumedWindow = Duration.seconds(300)

    /// The limit assumed until the server says otherwise (Cloudflare's documented 1,200 / 5 min), if any.
    public let defaultLimit: RateLimit?
    private let clock = ContinuousClock()
    private let state: Mutex<State>

    /// A budget starting from the provider's documented `defaultLimit` (nil when it documents none).
    public init(default defaultLimit: RateLimit? = nil) {
        self.defaultLimit = defaultLimit
        state = Mutex(State(limit: defaultLimit?.requests, window: defaultLimit?.window))
    }

    /// What the budget says now; nil while no limit is known (no default and no header seen).
    public var reading: RateBudgetReading? {
        let now = clock.now
        return state.withLock { state in
            guard let limit = state.limit else { return nil }
            let remaining: Int
            if let reported = state.reported {
                remaining = reported - state.pending
            } else {
                let window = state.window ?? Self.assumedWindow
                state.sent.removeAll { now - $0 >= window }
                remaining = limit - state.sent.count
            }
            var resetsIn = state.resetAt.map { $0 - now }
            if state.reported == nil, let first = state.sent.first {
                resetsIn = (state.window ?? Self.assumedWindow) - (now - first)
            }
            return RateBudgetReading(
                limit: limit, remaining: max(0, remaining), window: state.window,
                resetsIn: resetsIn.map { max(.zero, $0) }, throttled: state.throttled, fromServer: state.reported != nil
            )
        }
    }

    /// Counts a request as it leaves.
    public func sending() {
        let now = clock.now
        state.withLock { state in
            state.pending += 1
            state.sent.append(now)
            let window = state.window ?? Self.assumedWindow
            state.sent.removeAll { now - $0 >= window }
        }
    }

    /// Reads an answer's figures (and a 429's `Retry-After`) into the budget.
    public func received(_ response: HTTPResponse) {
        let now = clock.now
        let figures = RateLimitHeaders(response)
        state.withLock { state in
            state.pending = max(0, state.pending - 1)
            if let limit = figures.limit { state.limit = limit }
            if let window = figures.window { state.window = window }
            if let remaining = figures.remaining {
                // Answers of concurrent requests arrive out of order: an older, higher figure does not undo a newer
                // one, until the budget has freed up.
                let freed = state.resetAt.map { now >= $0 } ?? true
                if freed || remaining <= (state.reported ?? Int.max) {
                    state.reported = remaining
                    state.resetAt = figures.reset.map { now + $0 }
                }
            }
            if response.status == 429 {
                state.throttled += 1
                state.reported = 0
                if let wait = RetryPolicy.retryAfter(response.header("retry-after")) ?? figures.reset {
                    state.resetAt = now + wait
                }
            }
        }
    }

    /// Counts a request that got no answer (a connection failure): it may or may not have been counted.
    public func failed() {
        state.withLock { $0.pending = max(0, $0.pending - 1) }
    }

    /// Waits until background loading may send again with `inFlight` of its requests out: until the budget frees
    /// up (then one request goes out to read the server's new figure). Returns at once when it may.
    public func waitForBackground(inFlight: @Sendable () -> Int) async throws {
        while let reading, !reading.allowsBackground(inFlight: inFlight()) {
            guard let wait = reading.resetsIn, wait > .zero else {
                // The figure is past its reset: let one request through to read the new one.
                state.withLock { state in
                    if let resetAt = state.resetAt, clock.now >= resetAt {
                        state.reported = nil
                        state.resetAt = nil
                    }
                }
                if self.reading?.allowsBackground(inFlight: inFlight()) ?? true { return }
                try await Task.sleep(for: .seconds(1))
                continue
            }
            try await Task.sleep(for: min(wait, .seconds(5)))
        }
    }
}
