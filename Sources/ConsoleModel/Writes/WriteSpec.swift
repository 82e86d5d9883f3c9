import APICore

/// One write, described as data: what it is, the one request it sends, and what follows each outcome.
///
/// A view-model builds a spec and hands it to the session's `WriteRunner`, which is the only code that runs it.
/// The closures are the write's own parts (its request, its row change, its re-read); the order they run in, the
/// read-only refusal, the outcome sorting and the notices belong to the runner.
public struct WriteSpec<Value: Sendable> {
    /// The stable action id, `noun.verb` (`tokens.roll`): the future catalogue, CLI and journal name it so.
    public let actionID: String
    /// Who or what the write changes, in words (a name, an email, an id): for messages and the journal.
    public let target: String
    /// The id of what it changes (a token's, a member's), when it has one: for the journal and scripts.
    public var targetID: String?
    /// The write as a gerund phrase ("rolling a token"), for the read-only refusal.
    public let activity: String
    /// The request: sent exactly once, never retried and never re-sent.
    public let request: @MainActor () async throws -> Value
    /// The notice texts of each outcome.
    public let messages: WriteMessages<Value>
    /// Why the write cannot be made now (the row is gone, there is nothing to answer); checked after the
    /// read-only refusal, before anything is sent. Nil: it can.
    public var precondition: @MainActor () -> String? = { nil }
    /// A key no two writes may hold at once (one token's id): a second write with it is refused while the first
    /// waits for its answer, so nothing is rolled twice. The text is the refusal's.
    public var exclusive: (key: String, busyMessage: String)?
    /// Runs just before the request: an optimistic row change, state the screen shows while waiting.
    public var prepare: @MainActor () async -> Void = {}
    /// The row change once the server confirmed the write (before the cache is invalidated).
    public var apply: @MainActor (Value) async -> Void = { _ in }
    /// Undoes `prepare` when the server refused; gets the API's message.
    public var revert: @MainActor (String) -> Void = { _ in }
    /// Cached pages the write changed: forgotten after it is done.
    public var invalidatesWhenDone: [CachedResource] = []
    /// Cached pages forgotten when the outcome is unknown (before the re-read).
    public var invalidatesWhenUnknown: [CachedResource] = []
    /// What to read again once the cache has forgotten the changed pages after a done write (a list, another pane).
    public var reloadWhenDone: @MainActor () -> Void = {}
    /// After an unknown outcome: reads the resource again (never re-sending the request) and says what the
    /// server now shows.
    public var reread: @MainActor () async -> RereadFinding = { RereadFinding() }

    /// A write with its id, target, activity, request and messages; the rest is set on the value.
    public init(
        _ actionID: String, target: String, activity: String, messages: WriteMessages<Value>,
        request: @escaping @MainActor () async throws -> Value
    ) {
        self.actionID = actionID
        self.target = target
        self.activity = activity
        self.messages = messages
        self.request = request
    }

    /// The same spec invalidating `resources` after every outcome that may have changed the server.
    public func invalidating(_ resources: [CachedResource]) -> WriteSpec {
        var spec = self
        spec.invalidatesWhenDone = resources
        spec.invalidatesWhenUnknown = resources
        return spec
    }
}
