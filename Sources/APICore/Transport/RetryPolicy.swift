import Foundation

/// When and how long to wait before sending a failed request again.
///
/// Reads are retried on 408, 429, 5xx and connection errors with exponential backoff and full jitter,
/// honouring `Retry-After` up to a cap. Writes are retried only when nothing was sent.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The backoff ceiling of the first retry; it doubles with each attempt.
    public var baseDelay: Duration
    /// The largest computed backoff.
    public var maxDelay: Duration
    /// The longest `Retry-After` that is honoured; a longer one ends the retries and reports the wait.
    public var retryAfterCap: Duration

    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
        retryAfterCap: Duration = .seconds(60)
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryAfterCap = retryAfterCap
    }

    /// The default policy.
    public static let standard = RetryPolicy()
    /// A single attempt.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Whether a status code is worth retrying on a request that may be retried.
    public static func isRetryableStatus(_ status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }

    /// The full-jitter backoff before retry number `retry` (1 for the first retry), given a unit random number.
    public func backoff(retry: Int, unitRandom: Double) -> Duration {
        let exponent = Double(1 << min(max(retry - 1, 0), 20))
        let ceiling = min(baseDelay.seconds * exponent, maxDelay.seconds)
        return .seconds(ceiling * min(max(unitRandom, 0), 1))
    }

    /// The wait a `Retry-After` value asks for (delay-seconds or an HTTP date), or nil when it is absent or unreadable.
    public static func retryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        // Clamped to a day: a server's `Retry-After: 1e300` (or `inf`) must not overflow a Duration (the fuzzer found it).
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 { return .seconds(min(seconds, longestWait)) }
        guard let date = httpDate(value) else { return nil }
        return .seconds(min(max(0, date.timeIntervalSince(now)), longestWait))
    }

    /// The longest wait a `Retry-After` is taken to ask for, in seconds.
    static let longestWait: Double = 86_400

    private static func httpDate(_ text: String) -> Date? {
        // An HTTP date is ASCII; Foundation's DateFormatter traps on some other bytes (the fuzzer found one).
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
