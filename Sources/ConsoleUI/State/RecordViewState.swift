/// The read-only view over the panes (`:audit`, `:billing`, `:subs`, `:orgs`, `:user`): its rows live in the
/// session's `RecordsViewModel`; this is only what the keys move.
public struct RecordViewState: Sendable, Hashable {
    /// The filter line is being edited (after `/`).
    public var editingFilter = false
    /// First visible row.
    public var offset = 0
    /// Whether Enter opened the selected row's every field over the list (narrow terminals have no side pane).
    public var showingEntry = false

    public init() {}
}
