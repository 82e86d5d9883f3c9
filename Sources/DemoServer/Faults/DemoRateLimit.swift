/// A request budget per credential over a rolling window, as `--rate-limit N/5m` gives it (Cloudflare documents
/// 1,200 requests per five minutes per user).
public struct DemoRateLimit: Sendable, Hashable, CustomStringConvertible {
    /// Requests allowed per window.
    public var requests: Int
    /// The rolling window.
    public var window: Duration

    /// A budget of `requests` per `window`.
    public init(requests: Int, window: Duration = .seconds(300)) {
        self.requests = max(1, requests)
        self.window = window
    }

    /// `N/5m`, `N/30s`, `N/1h` or `N/300` (seconds); nil when `text` is none of those.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let requests = Int(parts[0]), requests > 0, var window = parts.last, !window.isEmpty
        else { return nil }
        var unit = 1
        switch window.last {
        case "s": window.removeLast()
        case "m":
            window.removeLast()
            unit = 60
        case "h":
            window.removeLast()
            unit = 3600
        default: break
        }
        guard let count = Int(window.isEmpty ? "1" : window), count > 0 else { return nil }
        self.init(requests: requests, window: .seconds(count * unit))
    }

    /// Seconds in the window.
    var windowSeconds: Int { Int(window.components.seconds) }

    public var description: String {
        let seconds = windowSeconds
        return seconds % 60 == 0 ? "\(requests)/\(seconds / 60)m" : "\(requests)/\(seconds)s"
    }
}
