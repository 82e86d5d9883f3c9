/// One fault rule: which requests it hits, what it does, and how many more times.
public struct FaultRule: Sendable, Hashable, Identifiable {
    /// Assigned by `FaultInjector.add`.
    public internal(set) var id: Int
    /// HTTP method, or "*" for any.
    public var method: String
    /// Which paths it hits.
    public var path: RoutePattern
    /// What it does.
    public var kind: FaultKind
    /// Matches left before the rule is spent; nil means until cleared.
    public var remaining: Int?

    /// A rule for `method` (or "*") and `path`, hitting `times` requests (nil: until cleared).
    public init(method: String = "*", path: String, kind: FaultKind, times: Int? = 1) {
        id = 0
        self.method = method.uppercased()
        self.path = RoutePattern(path)
        self.kind = kind
        remaining = times
    }

    /// Whether the rule hits this request.
    func matches(method: String, path: String) -> Bool {
        (self.method == "*" || self.method == method.uppercased()) && self.path.matches(path)
    }
}
