/// The HTTP methods the API clients use.
public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"

    /// Whether repeating the request cannot change the outcome, so it may be retried freely.
    public var isSafeToRetry: Bool { self == .get }
}
