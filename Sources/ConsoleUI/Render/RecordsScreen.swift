import APICore
import ConsoleModel

/// What the read-only view shows, as values: its title, columns, rows and summary fields.
public struct RecordsScreen: Sendable {
    public var kind: RecordsViewModel.Kind
    public var title: String
    public var columns: [String]
    public var snapshot: ListSnapshot<RecordRow>
    public var summary: [RecordField]
    public var summaryError: String?
    /// Whether the account shown has a profile that was read (so `e` has something to edit).
    public var hasAccountProfile: Bool
    /// Whether `n` can create a subscription in the view's scope.
    public var canCreateSubscription = false

    /// The view's content while it (or the profile form or move picker over it) is open; nil otherwise.
    @MainActor
    init?(state: AppState, session: ConsoleSession) {
        switch state.overlay {
        case .records, .profileForm, .accountMove: break
        default: return nil
        }
        let records = session.records
        guard let kind = records.kind else { return nil }
        self.kind = kind
        title = records.title
        columns = records.columnTitles
        snapshot = records.snapshot
        summary = records.summary
        summaryError = records.summaryError
        hasAccountProfile = records.accountView?.profile?.value != nil
        canCreateSubscription =
            session.directory.subscriptionManaging?.canCreateSubscription(in: records.viewScope) ?? false
    }
}
