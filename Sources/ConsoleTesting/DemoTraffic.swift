import APICore
import DemoServer
import Synchronization

/// The client's side of an in-process demo: every request as it was sent (headers and body, which the server's
/// request log does not keep), and gates that hold chosen routes until the test releases them.
public final class DemoTraffic: Sendable {
    private struct State {
        var sent: [HTTPRequest] = []
        var gates: [(method: String, path: RoutePattern, gate: RequestGate)] = []
    }

    private let state = Mutex(State())

    /// Nothing sent, nothing held.
    public init() {}

    /// Every request that reached the server, oldest first (a request dropped at a gate is not among them).
    public var sent: [HTTPRequest] { state.withLock { $0.sent } }

    /// Holds every later request for `method` (or "*") on paths matching `path` (a `RoutePattern`) until released.
    public func hold(_ method: String, _ path: String) -> RequestGate {
        let gate = RequestGate()
        state.withLock { $0.gates.append((method.uppercased(), RoutePattern(path), gate)) }
        return gate
    }

    /// Waits at the gate holding `request`, if any; throws when the caller was cancelled meanwhile.
    func pass(_ request: HTTPRequest) async throws {
        let method = request.method.rawValue.uppercased()
        let path = request.url.path(percentEncoded: true)
        let gate = state.withLock { state in
            state.gates.last { ($0.method == "*" || $0.method == method) && $0.path.matches(path) }?.gate
        }
        guard let gate else { return }
        await gate.pass()
        gate.depart(cancelled: Task.isCancelled)
        if Task.isCancelled { throw TransportError.cancelled }
    }

    /// Records a request on its way to the server.
    func record(_ request: HTTPRequest) {
        state.withLock { $0.sent.append(request) }
    }
}
