/// How a write ended, as a value: what the screen, a script and the journal are told.
public enum WriteOutcome: Sendable, Hashable {
    /// The server confirmed it.
    case done
    /// The server refused it, or it failed before reaching the server; the API's message.
    case refused(String)
    /// Sent, but no answer came: it may or may not have happened. The resource was re-read (never re-sent).
    case unknown(RereadFinding)
    /// Refused locally in read-only mode: nothing was sent.
    case readOnly
    /// Not sent because it could not be made now (the row is gone, a write to it is under way); the reason.
    case notSent(String)

    /// Whether a request reached (or may have reached) the server.
    public var wasSent: Bool {
        switch self {
        case .done, .refused, .unknown: true
        case .readOnly, .notSent: false
        }
    }
}
