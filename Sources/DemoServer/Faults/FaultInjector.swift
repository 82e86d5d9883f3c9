import Synchronization

/// Per-route fault rules, shared by the server and whoever configures it (tests, `/__demo/faults`).
public final class FaultInjector: Sendable {
    /// What to do to one request: an optional delay, then an optional fault.
    struct Plan: Sendable {
        var delay: Duration = .zero
        var fault: FaultKind?
        var names: [String] = []
    }

    private struct State {
        var rules: [FaultRule] = []
        var nextID = 1
    }

    private let state = Mutex(State())
    /// The per-credential request budget (`--rate-limit`), when one is on.
    public let rateLimiter: RateLimiter?

    /// An injector without rules, enforcing `rateLimit` when given.
    public init(rateLimit: DemoRateLimit? = nil) {
        rateLimiter = rateLimit.map(RateLimiter.init(limit:))
    }

    /// Adds a rule; returns it with its id.
    @discardableResult
    public func add(_ rule: FaultRule) -> FaultRule {
        state.withLock { state in
            var rule = rule
            rule.id = state.nextID
            state.nextID += 1
            state.rules.append(rule)
            return rule
        }
    }

    /// Adds a rule for `method` and `path` that hits `times` requests (nil: until cleared).
    @discardableResult
    public func inject(_ kind: FaultKind, method: String = "*", path: String, times: Int? = 1) -> FaultRule {
        add(FaultRule(method: method, path: path, kind: kind, times: times))
    }

    /// Removes one rule.
    public func remove(id: Int) {
        state.withLock { $0.rules.removeAll { $0.id == id } }
    }

    /// Removes every rule.
    public func clear() {
        state.withLock { $0.rules.removeAll() }
    }

    /// The rules not yet spent.
    public var rules: [FaultRule] {
        state.withLock { $0.rules }
    }

    /// Consumes the rules that hit this request: every matching latency rule, then the first other one.
    func take(method: String, path: String) -> Plan {
        state.withLock { state in
            var plan = Plan()
            for index in state.rules.indices where state.rules[index].matches(method: method, path: path) {
                let kind = state.rules[index].kind
                if case .latency(let delay) = kind {
                    plan.delay += delay
                } else if plan.fault == nil {
                    plan.fault = kind
                } else {
                    continue
                }
                plan.names.append(kind.name)
                if let remaining = state.rules[index].remaining { state.rules[index].remaining = remaining - 1 }
            }
            state.rules.removeAll { ($0.remaining ?? 1) <= 0 }
            return plan
        }
    }
}
