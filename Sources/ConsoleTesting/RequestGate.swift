import Synchronization

/// Holds requests until the test releases them, and lets the test wait until one has arrived.
public final class RequestGate: Sendable {
    private struct State {
        var arrived = 0
        var departedCancelled = 0
        var departed = 0
        var departureWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var released = false
        var waitingRequests: [CheckedContinuation<Void, Never>] = []
        var arrivalWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Lets every held and future request through.
    public func release() {
        let waiting = state.withLock { state in
            state.released = true
            defer { state.waitingRequests = [] }
            return state.waitingRequests
        }
        waiting.forEach { $0.resume() }
    }

    /// Suspends until `count` requests have reached the gate.
    public func waitForArrivals(_ count: Int = 1) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if state.arrived >= count { return true }
                state.arrivalWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Suspends until `count` requests have left the gate (sent on, or dropped because their task was cancelled).
    public func waitForDepartures(_ count: Int = 1) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if state.departed >= count { return true }
                state.departureWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// How many requests were dropped at the gate because their task had been cancelled meanwhile.
    public var cancelledDepartures: Int { state.withLock { $0.departedCancelled } }

    /// Called by the transport when a request leaves the gate.
    func depart(cancelled: Bool) {
        let satisfied = state.withLock { state in
            state.departed += 1
            if cancelled { state.departedCancelled += 1 }
            let satisfied = state.departureWaiters.filter { $0.count <= state.departed }.map(\.continuation)
            state.departureWaiters.removeAll { $0.count <= state.departed }
            return satisfied
        }
        satisfied.forEach { $0.resume() }
    }

    /// How many requests reached the gate.
    public var arrivals: Int { state.withLock { $0.arrived } }

    /// Called by the transport: counts the arrival and waits for release.
    func pass() async {
        await withCheckedContinuation { continuation in
            let (resumeNow, satisfied) = state.withLock { state in
                state.arrived += 1
                let satisfied = state.arrivalWaiters.filter { $0.count <= state.arrived }.map(\.continuation)
                state.arrivalWaiters.removeAll { $0.count <= state.arrived }
                if state.released { return (true, satisfied) }
                state.waitingRequests.append(continuation)
                return (false, satisfied)
            }
            satisfied.forEach { $0.resume() }
            if resumeNow { continuation.resume() }
        }
    }
}
