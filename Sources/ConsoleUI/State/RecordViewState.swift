/// The read-only view over the panes (`:audit`, `:billing`, `:subs`, `:orgs`, `:user`): its rows live in the
/// session's `RecordsViewModel`; this is only what the keys move.
public struct RecordViewState: Sendable, Hashable {
    /// The filter line is being edited (after `/`).
    public var editingFilter = false
    /// First visible row.
    public var offset = 0

    public init() {}
}
