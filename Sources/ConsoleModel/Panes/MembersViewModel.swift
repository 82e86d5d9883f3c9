import APICore

/// The Members pane: members of the scope (an account, the organization, a project), with a server-side status
/// filter, and the member writes the provider has: change roles, remove.
@MainActor
public final class MembersViewModel {
    public let list: PagedListModel<Member>
    /// The scope whose members are shown.
    public private(set) var scope: Scope = .top
    /// Server-side status filter (`:members pending`).
    public private(set) var statusFilter: MemberStatus?
    private let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        list = context.list(Columns.members, filterText: Columns.membersFilterText, pane: .members)
    }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Member> { list.snapshot }

    /// Shows the members of `scope`; `selecting` is the row to select once loaded.
    public func setScope(_ scope: Scope, selecting: String? = nil) {
        self.scope = scope
        show(selecting: selecting)
    }

    /// Filters members by status on the server (nil: all).
    public func setStatusFilter(_ status: MemberStatus?) {
        statusFilter = status
        show()
    }

    /// Reloads, bypassing the cache.
    public func refresh() { list.refresh() }

    private func show(selecting: String? = nil) {
        context.directory.members(in: scope, status: statusFilter)
            .show(in: list, resource: .members(scope), selecting: selecting)
    }

    /// Gives a member exactly `roles` (after the UI's confirmation of what is added and removed).
    @discardableResult
    public func setRoles(id: String, to roles: [Role]) -> Task<Void, Never> {
        Task {
            guard let editing = context.directory.memberRoleEditing, context.mayWrite("changing a member's roles"),
                let member = list.row(id: id)
            else { return }
            let names = roles.map(\.name).joined(separator: ", ")
            context.notify(.info, "Changing the roles of \(member.email)…")
            switch await WriteOutcome.of({ try await editing.setRoles(of: member, to: roles) }) {
            case .done(let updated):
                list.replaceRow(updated)
                await context.invalidate([.members(member.scope)])
                context.notify(.success, "\(member.email) now has: \(names.isEmpty ? "no roles" : names)")
            case .failed(let message):
                context.notify(.error, "Could not change the roles of \(member.email): \(message)")
            case .unknown:
                await context.invalidate([.members(member.scope)])
                let current = try? await editing.member(member)
                if let current { list.replaceRow(current) }
                let now = current.map { $0.roles.map(\.name).joined(separator: ", ") } ?? "unknown (could not re-read)"
                context.notify(.warning, "No answer after changing \(member.email); the server now shows: \(now). Nothing was re-sent.")
            }
        }
    }

    /// Removes a member (after the UI's typed-email confirmation).
    @discardableResult
    public func removeMember(id: String) -> Task<Void, Never> {
        Task {
            guard let removal = context.directory.memberRemoval, context.mayWrite("removing a member"),
                let member = list.row(id: id)
            else { return }
            context.notify(.info, "Removing \(member.email)…")
            let invalidated: [CachedResource] = [.members(member.scope), .sentInvitations(member.scope)]
            switch await WriteOutcome.of({ try await removal.removeMember(member) }) {
            case .done:
                list.removeRow(id: id)
                await context.invalidate(invalidated)
                context.notify(.success, "Removed \(member.email) from \(member.scope.leaf?.name ?? "the organization")")
            case .failed(let message):
                context.notify(.error, "Could not remove \(member.email): \(message)")
            case .unknown:
                await context.invalidate(invalidated)
                list.refresh()
                context.notify(.warning, "No answer after removing \(member.email): re-reading the member list to see what happened")
            }
        }
    }
}
