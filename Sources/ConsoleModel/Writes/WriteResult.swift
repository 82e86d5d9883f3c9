/// The result of one run of a `WriteSpec`: the action, its target and how it ended. Never a secret: a new secret
/// goes to the spec's `apply` only, so a result can be printed, journalled or logged as it is.
public struct WriteResult: Sendable, Hashable {
    /// The spec's action id (`tokens.roll`).
    public var actionID: String
    /// The spec's target, in words.
    public var target: String
    /// The spec's target id, when it has one.
    public var targetID: String?
    /// How it ended: done, refused, unknown (with what the re-read found), or not sent.
    public var outcome: WriteOutcome
    /// The API's request id, when the provider reports one (no transport surfaces it yet, so nil for now).
    public var requestID: String?

    /// A result; the request id only where the provider gave one.
    public init(actionID: String, target: String, outcome: WriteOutcome, requestID: String? = nil) {
        self.actionID = actionID
        self.target = target
        self.outcome = outcome
        self.requestID = requestID
    }
}
