/// A provider's request limit: so many requests per window (Cloudflare: 1,200 per five minutes per user).
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// Requests allowed per window.
    public var requests: Int
    /// The window the requests are counted in.
    public var window: Duration

    /// A limit of `requests` per `window`.
    public init(requests: Int, window: Duration) {
        self.requests = max(1, requests)
        self.window = window
    }

    /// The window in words: "5m", "30s", "1h".
    public static func windowText(_ window: Duration) -> String {
        let seconds = Int(window.components.seconds)
        if seconds >= 3600, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds >= 60, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    public var description: String { "\(requests)/\(Self.windowText(window))" }
}

/// What a rate budget says at one moment: the limit, what is left of it, and when it frees up.
public struct RateBudgetReading: Sendable, Hashable, CustomStringConvertible {
    /// Requests allowed per window.
    public var limit: Int
    /// Requests left (the server's last figure less the requests since sent, or the local count).
    public var remaining: Int
    /// The window, when known (a policy header or the provider's default).
    public var window: Duration?
    /// Time until the budget frees up, as the last answer said; nil when unknown.
    public var resetsIn: Duration?
    /// Answers 429 seen so far.
    public var throttled: Int
    /// Whether the figures come from the server's headers (otherwise from the local count of the default).
    public var fromServer: Bool

    /// Requests background loading leaves for the user: the last tenth of the limit.
    public var reserve: Int { max(1, (limit + 9) / 10) }
    /// Whether less than a quarter is left: the header then shows the budget.
    public var isLow: Bool { remaining * 4 < limit }
    /// Whether background loading may send another request with `inFlight` of its own requests already out.
    public func allowsBackground(inFlight: Int = 0) -> Bool { remaining - inFlight > reserve }

    /// "250/1200 per 5m", or "250/1200" when the window is unknown.
    public var description: String {
        "\(remaining)/\(limit)" + (window.map { " per \(RateLimit.windowText($0))" } ?? "")
    }
}
