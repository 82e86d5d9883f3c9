/// What re-reading a resource after an unknown outcome found: the write is never re-sent, so this is all the user
/// (and the journal) learn of what happened.
public struct RereadFinding: Sendable, Hashable {
    /// What the server now shows, in words ("accepted", "in Acme Europe"); nil when nothing was described (a
    /// list read again in the background) or the read failed.
    public var shown: String?
    /// Whether the re-read shows the write took effect; nil when it cannot tell.
    public var tookEffect: Bool?

    /// A finding; both parts unknown by default.
    public init(shown: String? = nil, tookEffect: Bool? = nil) {
        self.shown = shown
        self.tookEffect = tookEffect
    }

    /// What the server shows, or the words for a re-read that failed.
    public var shownOrUnread: String { shown ?? "unknown (could not re-read)" }
}
