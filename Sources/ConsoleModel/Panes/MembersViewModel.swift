import APICore

/// The Members pane: members of the selected account, with a server-side status filter.
@MainActor
public final class MembersViewModel {
    public let list: PagedListModel<Member>
    /// The account whose members are shown.
    public private(set) var account: Account?
    /// The server-side status filter, if any.
    public private(set) var statusFilter: MemberStatus?
    private let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        list = PagedListModel(columns: Columns.members, cache: context.cache, profile: context.profile) {
            context.changed(.members)
        }
    }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Member> { list.snapshot }

    /// Scopes the pane to another account; loads of the previous account are cancelled and never land.
    public func setAccount(_ account: Account?) {
        guard account?.id != self.account?.id || list.snapshot.loadState == .idle else { return }
        self.account = account
        show()
    }

    /// Shows only members with this status (asked of the server).
    public func setStatusFilter(_ status: MemberStatus?) {
        statusFilter = status
        show()
    }

    /// Reloads, bypassing the cache.
    public func refresh() { list.refresh() }

    /// Removes a member from the account (after the UI's confirmation).
    @discardableResult
    public func removeMember(id: String) -> Task<Void, Never> {
        Task {
            if let refusal = context.refusal(of: "removing a member") { return list.setNotice(refusal) }
            guard let member = list.row(id: id) else { return }
            list.setNotice(Notice(.info, "Removing \(member.email)…"))
            switch await WriteOutcome.of({ try await context.directory.removeMember(member) }) {
            case .done:
                list.removeRow(id: id)
                await context.invalidate([.members(accountID: member.accountID), .sentInvitations(accountID: member.accountID)])
                list.setNotice(Notice(.success, "Removed \(member.email) from \(account?.name ?? member.accountID)"))
            case .failed(let message):
                list.setNotice(Notice(.error, "Could not remove \(member.email): \(message)"))
            case .unknown:
                await context.invalidate([.members(accountID: member.accountID)])
                list.refresh()
                list.setNotice(Notice(.warning, "No answer after removing \(member.email): re-reading the member list to see what happened"))
            }
        }
    }

    private func show() {
        guard let account else {
            list.clear(notice: Notice(.info, "Select an account (1, then Enter) to see its members"))
            return
        }
        let status = statusFilter
        list.show(
            ListSource(
                resource: .members(accountID: account.id), query: CacheKey.normalizedQuery(["status": status?.label]),
                list: context.directory.members(accountID: account.id, status: status)))
    }
}
