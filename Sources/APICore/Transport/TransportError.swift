/// A failure below HTTP, classified by whether the request may have reached the server.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection was made; the request was never sent.
    case connectionFailed(String)
    /// The request was (or may have been) sent, then the connection failed or timed out before a full answer.
    case failedAfterSending(String)
    /// No answer within the deadline, after the request was sent.
    case timedOut
    /// The caller cancelled.
    case cancelled

    /// Whether the server can have seen the request.
    public var mayHaveReachedServer: Bool {
        switch self {
        case .connectionFailed, .cancelled: false
        case .failedAfterSending, .timedOut: true
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let reason): "connection failed: \(reason)"
        case .failedAfterSending(let reason): "connection lost after sending: \(reason)"
        case .timedOut: "timed out"
        case .cancelled: "cancelled"
        }
    }
}
