/// The notice texts of one write: while it is sent, and for each way it can end.
public struct WriteMessages<Value: Sendable> {
    /// Shown while the request is under way ("Rolling a token 'ci'…"); nil: nothing.
    public var sending: String?
    /// The success notice, from the server's answer.
    public var done: @MainActor (Value) -> String
    /// The error notice, from the API's message.
    public var refused: @MainActor (String) -> String
    /// The notice after an unknown outcome, from what the re-read found (its level included: a lost secret is an
    /// error, not a warning).
    public var unknown: @MainActor (RereadFinding) -> Notice

    /// Messages for each outcome, the unknown one with its own level.
    public init(
        sending: String?, done: @escaping @MainActor (Value) -> String,
        refused: @escaping @MainActor (String) -> String, unknownNotice: @escaping @MainActor (RereadFinding) -> Notice
    ) {
        self.sending = sending
        self.done = done
        self.refused = refused
        self.unknown = unknownNotice
    }

    /// Messages whose unknown outcome is a warning with `unknown`'s text.
    public init(
        sending: String?, done: @escaping @MainActor (Value) -> String,
        refused: @escaping @MainActor (String) -> String, unknown: @escaping @MainActor (RereadFinding) -> String
    ) {
        self.init(sending: sending, done: done, refused: refused, unknownNotice: { Notice(.warning, unknown($0)) })
    }
}
