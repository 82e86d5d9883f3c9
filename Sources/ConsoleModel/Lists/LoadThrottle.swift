import APICore
import Synchronization

/// How many pages a load-all keeps in flight, and whether it may send at all: it halves its width on each new 429,
/// grows back by one after `growEvery` good pages in a row, and waits rather than spend the last tenth of the
/// session's rate-limit budget, which is kept for the user's own requests.
final class LoadThrottle: Sendable {
    private struct State {
        var width: Int
        var active = 0
        var goodPages = 0
        var seenThrottled: Int
        var halvings = 0
        /// Workers outside the width, woken when it grows past their index (or when their task is cancelled).
        var waiting: [(index: Int, id: UInt64, wake: CheckedContinuation<Void, Never>)] = []
        var nextWaiter: UInt64 = 0
    }

    /// Good pages in a row after which one more request may be in flight.
    static let growEvery = 8
    /// The widest it goes (`loadAllConcurrency`).
    let maximum: Int
    private let budget: RateBudget?
    private let state: Mutex<State>

    /// A throttle of at most `maximum` requests in flight, heeding `budget` when there is one.
    init(maximum: Int, budget: RateBudget?) {
        self.maximum = max(1, maximum)
        self.budget = budget
        state = Mutex(State(width: max(1, maximum), seenThrottled: budget?.reading?.throttled ?? 0))
    }

    /// Requests allowed in flight now.
    var width: Int { state.withLock { $0.width } }
    /// Requests in flight now.
    var active: Int { state.withLock { $0.active } }
    /// How often the width was halved.
    var halvings: Int { state.withLock { $0.halvings } }

    /// Waits until worker `index` may send: within the width and above the budget's reserve. `paused` is told the
    /// budget when a wait for it starts, and nil when it ends.
    func enter(worker index: Int, paused: @escaping @Sendable (RateBudgetReading?) async -> Void) async throws {
        var announced = false
        while true {
            try Task.checkCancellation()
            let (admitted, low) = state.withLock { state -> (Bool, RateBudgetReading?) in
                guard index < state.width else { return (false, nil) }
                if let reading = budget?.reading, !reading.allowsBackground(inFlight: state.active) {
                    return (false, reading)
                }
                state.active += 1
                return (true, nil)
            }
            if admitted {
                if announced { await paused(nil) }
                return
            }
            if let low, let budget {
                if !announced { await paused(low) }
                announced = true
                try await budget.waitForBackground(inFlight: { [weak self] in self?.active ?? 0 })
            } else {
                // Outside the width: sleep until it grows back past this worker (or the load ends and cancels it).
                await waitForWidth(index: index)
            }
        }
    }

    /// Suspends until `index` is within the width; a cancelled task returns at once.
    private func waitForWidth(index: Int) async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (wake: CheckedContinuation<Void, Never>) in
                // Under the lock: a cancellation that came first is seen here, one that comes later finds the waiter.
                let now = state.withLock { state -> Bool in
                    if index < state.width || Task.isCancelled { return true }
                    state.waiting.append((index, id, wake))
                    return false
                }
                if now { wake.resume() }
            }
        } onCancel: {
            let wake = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let position = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiting.remove(at: position).wake
            }
            wake?.resume()
        }
    }

    /// Ends a worker's turn: a 429 seen since (the budget counts them, retries included) halves the width, a run of
    /// good pages grows it by one, and wakes the workers it now lets in.
    func leave() {
        let throttled = budget?.reading?.throttled ?? 0
        let maximum = maximum
        let woken = state.withLock { Self.settle(&$0, throttled: throttled, maximum: maximum) }
        for wake in woken { wake.resume() }
    }

    /// The bookkeeping of `leave`, under the lock; returns the waiters now within the width.
    private static func settle(_ state: inout State, throttled: Int, maximum: Int) -> [CheckedContinuation<Void, Never>]
    {
        state.active = max(0, state.active - 1)
        if throttled > state.seenThrottled {
            state.seenThrottled = throttled
            state.width = max(1, state.width / 2)
            state.goodPages = 0
            state.halvings += 1
        } else {
            state.goodPages += 1
            if state.goodPages >= Self.growEvery, state.width < maximum {
                state.width += 1
                state.goodPages = 0
            }
        }
        let width = state.width
        let woken = state.waiting.filter { $0.index < width }.map(\.wake)
        state.waiting.removeAll { $0.index < width }
        return woken
    }
}
