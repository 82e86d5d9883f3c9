import APICore
import DemoServer
import Foundation

extension InProcessDemo {
    /// Every request the server answered, oldest first.
    public func log() async -> [DemoRequestRecord] { await server.requestLog.entries() }

    /// The requests for `method` whose path ends with `suffix`.
    public func requests(_ method: String, pathSuffix suffix: String) async -> [DemoRequestRecord] {
        await log().filter { $0.method == method && $0.path.hasSuffix(suffix) }
    }

    /// How many requests were writes (anything but GET).
    public func writeCount() async -> Int { await log().filter { $0.method != "GET" }.count }

    /// The requests sent for `method` whose path ends with `suffix`, as the client sent them, oldest first.
    public func sent(_ method: APICore.HTTPMethod, pathSuffix suffix: String) -> [HTTPRequest] {
        traffic.sent.filter { $0.method == method && $0.url.path(percentEncoded: true).hasSuffix(suffix) }
    }

    /// The `Authorization` header of each request sent for `method` to a path ending with `suffix` ("" when none).
    public func authorizations(_ method: APICore.HTTPMethod, pathSuffix suffix: String) -> [String] {
        sent(method, pathSuffix: suffix).map { $0.header("Authorization") ?? "" }
    }

    /// The string values of the JSON object the last such request carried; nil when none was sent or not an object.
    public func lastBody(_ method: APICore.HTTPMethod, pathSuffix suffix: String) -> [String: String]? {
        lastObject(method, suffix)?.compactMapValues { $0 as? String }
    }

    /// The top-level keys of the JSON object the last such request carried, sorted (a `null` value counts).
    public func lastBodyKeys(_ method: APICore.HTTPMethod, pathSuffix suffix: String) -> [String]? {
        lastObject(method, suffix)?.keys.sorted()
    }

    /// The raw body of the last such request (nil when none was sent or it had none).
    public func lastRawBody(_ method: APICore.HTTPMethod, pathSuffix suffix: String) -> Data? {
        sent(method, pathSuffix: suffix).last?.body
    }

    /// Holds later requests for `method` (or "*") on paths matching `pattern` (see `RoutePattern`) until released.
    public func hold(_ method: String, _ pattern: String) -> RequestGate { traffic.hold(method, pattern) }

    private func lastObject(_ method: APICore.HTTPMethod, _ suffix: String) -> [String: Any]? {
        guard let body = lastRawBody(method, pathSuffix: suffix) else { return nil }
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}
