import ConsoleModel

/// Waits, with a deadline, until a condition on a session's state holds, waking on each of its events.
@MainActor
public final class ModelEventWaiter {
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private var forwarding: Task<Void, Never>?
    /// The last notice the session sent (what the status line would show).
    public private(set) var lastNotice: Notice?
    /// Every notice the session sent, oldest first.
    public private(set) var notices: [Notice] = []

    /// Starts listening to the session's events (the waiter is their only consumer).
    public init(_ session: ConsoleSession) {
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self)
        self.wakeups = wakeups
        self.wake = wake
        let events = session.subscribe()
        forwarding = Task { [weak self] in
            for await event in events {
                if case .notice(let notice) = event {
                    self?.lastNotice = notice
                    self?.notices.append(notice)
                }
                wake.yield()
            }
            wake.finish()
        }
    }

    isolated deinit { forwarding?.cancel() }

    /// True as soon as `condition` holds; false if it still does not when `timeout` has passed.
    public func until(timeout: Duration = .seconds(30), _ condition: @MainActor () -> Bool) async -> Bool {
        if condition() { return true }
        let deadline = ContinuousClock.now + timeout
        let wake = wake
        let timer = Task {
            try? await ContinuousClock().sleep(until: deadline)
            wake.yield()
        }
        defer { timer.cancel() }
        for await _ in wakeups {
            if condition() { return true }
            if ContinuousClock.now >= deadline { return false }
        }
        return condition()
    }

    /// True as soon as `condition` holds, checked now and after each event; for conditions that await, such as a
    /// DemoServer's request log (a request is logged before its answer reaches the session).
    public func eventually(timeout: Duration = .seconds(30), _ condition: @MainActor () async -> Bool) async -> Bool {
        if await condition() { return true }
        let deadline = ContinuousClock.now + timeout
        let wake = wake
        let timer = Task {
            try? await ContinuousClock().sleep(until: deadline)
            wake.yield()
        }
        defer { timer.cancel() }
        for await _ in wakeups {
            if await condition() { return true }
            if ContinuousClock.now >= deadline { return false }
        }
        return await condition()
    }
}
