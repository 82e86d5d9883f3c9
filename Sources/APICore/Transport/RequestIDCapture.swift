import Foundation
import Synchronization

/// Collects the request ids (`cf-ray`, `x-request-id`) of the responses a task received, so a write can name its
/// request in the journal without a transport knowing who asked.
///
/// The write runner binds one with `RequestIDCapture.$current.withValue` around a write's request; every response
/// that passes through `JSONAPIClient` while it is bound adds its id.
public final class RequestIDCapture: Sendable {
    /// The capture bound to the running task, if any.
    @TaskLocal public static var current: RequestIDCapture?

    private let ids = Mutex<[String]>([])

    public init() {}

    /// The ids seen, in order.
    public var requestIDs: [String] { ids.withLock { $0 } }

    /// The id of the last response seen.
    public var last: String? { ids.withLock { $0.last } }

    /// Adds the request id `response` carries, when it has one.
    public func record(_ response: HTTPResponse) {
        guard let id = Self.requestID(of: response) else { return }
        ids.withLock { $0.append(id) }
    }

    /// The provider's request id of a response: Cloudflare's `cf-ray`, OpenAI's `x-request-id`, or `request-id`.
    public static func requestID(of response: HTTPResponse) -> String? {
        for name in ["cf-ray", "x-request-id", "request-id"] {
            if let value = response.header(name), !value.isEmpty { return String(value.prefix(128)) }
        }
        return nil
    }
}
