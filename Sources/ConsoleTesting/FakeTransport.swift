import APICore
import Foundation
import Synchronization

/// A scripted `Transport` for tests: answers from a queue of outcomes per route and records every request.
public final class FakeTransport: Transport {
    /// What one request gets back.
    public enum Outcome: Sendable {
        case response(HTTPResponse)
        case failure(TransportError)
    }

    private struct State {
        var scripted: [String: [Outcome]] = [:]
        var fallback: [String: Outcome] = [:]
        var handlers: [String: @Sendable (HTTPRequest) -> Outcome] = [:]
        var gates: [String: RequestGate] = [:]
        var requests: [HTTPRequest] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Queues outcomes for `METHOD /path` (path without the base URL's path and without a query); the last one repeats.
    public func script(_ method: APICore.HTTPMethod, _ path: String, _ outcomes: [Outcome]) {
        state.withLock { state in
            let key = "\(method.rawValue) \(path)"
            state.scripted[key, default: []].append(contentsOf: outcomes.dropLast())
            if let last = outcomes.last { state.fallback[key] = last }
        }
    }

    /// Answers every request to `METHOD /path` by calling `handler` (after any queued outcomes are used up).
    public func handle(
        _ method: APICore.HTTPMethod, _ path: String, _ handler: @escaping @Sendable (HTTPRequest) -> Outcome
    ) {
        state.withLock { $0.handlers["\(method.rawValue) \(path)"] = handler }
    }

    /// Holds every request to `METHOD /path` at the returned gate until the test releases it.
    public func hold(_ method: APICore.HTTPMethod, _ path: String) -> RequestGate {
        let gate = RequestGate()
        state.withLock { $0.gates["\(method.rawValue) \(path)"] = gate }
        return gate
    }

    /// Queues a JSON body with a status for `METHOD /path`.
    public func respond(
        _ method: APICore.HTTPMethod, _ path: String, status: Int = 200, json: String, headers: [String: String] = [:]
    ) {
        script(method, path, [.response(HTTPResponse(status: status, headers: headers, body: Data(json.utf8)))])
    }

    /// Every request sent so far.
    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// How many requests were sent to `METHOD /path`.
    public func count(_ method: APICore.HTTPMethod, _ path: String) -> Int {
        state.withLock { $0.requests.filter { $0.method == method && Self.routePath($0.url) == path }.count }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let key = "\(request.method.rawValue) \(Self.routePath(request.url))"
        if let gate = state.withLock({ $0.gates[key] }) {
            await gate.pass()
            gate.depart(cancelled: Task.isCancelled)
            try Task.checkCancellation()
        }
        let outcome: Outcome? = state.withLock { state in
            state.requests.append(request)
            let key = "\(request.method.rawValue) \(Self.routePath(request.url))"
            if var queue = state.scripted[key], !queue.isEmpty {
                let next = queue.removeFirst()
                state.scripted[key] = queue
                return next
            }
            return state.fallback[key] ?? state.handlers[key].map { $0(request) }
        }
        switch outcome {
        case .response(let response): return response
        case .failure(let error): throw error
        case nil:
            let body =
                #"{"success":false,"errors":[{"code":7003,"message":"No route for that URI"}],"messages":[],"result":null}"#
            return HTTPResponse(status: 404, body: Data(body.utf8))
        }
    }

    /// The path after the `/client/v4` prefix, or the whole path.
    static func routePath(_ url: URL) -> String {
        let path = url.path(percentEncoded: true)
        if let range = path.range(of: "/client/v4") { return String(path[range.upperBound...]) }
        return path
    }
}
