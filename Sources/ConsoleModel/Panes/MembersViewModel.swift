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
    let context: SessionContext

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

    /// Reads the member `id` again on its own (its single-item GET, where the provider has one), so its details
    /// show what the server has now.
    @discardableResult
    public func readFresh(id: String) -> Task<Void, Never> {
        guard let member = list.row(id: id), let reading = context.directory.memberRoleEditing,
            reading.canEditRoles(of: member)
        else { return Task {} }
        return Task { [list] in
            if let current = try? await reading.member(member) { list.replaceRow(current) }
        }
    }

    /// Gives a member exactly `roles` (after the UI's confirmation of what is added and removed).
    @discardableResult
    public func setRoles(id: String, to roles: [Role]) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap { setRolesWrite($0, to: roles) })
    }

    /// Removes a member (after the UI's typed-email confirmation).
    @discardableResult
    public func removeMember(id: String) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap(removeWrite))
    }

    /// `members.setRoles`: the row is replaced with the server's answer, or with what a re-read shows.
    public func setRolesWrite(_ member: Member, to roles: [Role]) -> WriteSpec<Member>? {
        guard let editing = context.directory.memberRoleEditing else { return nil }
        let id = member.id
        let names = roles.map(\.name).joined(separator: ", ")
        let messages = WriteMessages<Member>(
            sending: "Changing the roles of \(member.email)…",
            done: { _ in "\(member.email) now has: \(names.isEmpty ? "no roles" : names)" },
            refused: { "Could not change the roles of \(member.email): \($0)" },
            unknown: {
                "No answer after changing \(member.email); the server now shows: \($0.shownOrUnread). Nothing was re-sent."
            })
        var spec = WriteSpec(
            "members.setRoles", target: member.email, activity: "changing a member's roles", messages: messages
        ) {
            try await editing.setRoles(of: member, to: roles)
        }.invalidating([.members(member.scope)])
        spec.apply = { [list] in list.replaceRow($0) }
        spec.reread = { [list] in
            guard let current = try? await editing.member(member) else { return RereadFinding() }
            list.replaceRow(current)
            return RereadFinding(
                shown: current.roles.map(\.name).joined(separator: ", "),
                tookEffect: Set(current.roles.map(\.id)) == Set(roles.map(\.id)))
        }
        spec.targetID = id
        return spec
    }

    /// `members.remove`: the row goes; where a pending member is a sent invitation, the scope's sent invitations are
    /// forgotten too.
    public func removeWrite(_ member: Member) -> WriteSpec<Void>? {
        guard let removal = context.directory.memberRemoval else { return nil }
        let id = member.id
        let messages = WriteMessages<Void>(
            sending: "Removing \(member.email)…",
            done: { "Removed \(member.email) from \(member.scope.leaf?.name ?? "the organization")" },
            refused: { "Could not remove \(member.email): \($0)" },
            unknown: { _ in "No answer after removing \(member.email): re-reading the member list to see what happened"
            })
        var spec = WriteSpec("members.remove", target: member.email, activity: "removing a member", messages: messages)
        {
            try await removal.removeMember(member)
        }.invalidating(
            [.members(member.scope)]
                + (context.directory.sentInvitationsAreMembers ? [.sentInvitations(member.scope)] : []))
        spec.apply = { [list] _ in list.removeRow(id: id) }
        spec.reread = { [list] in
            list.refresh()
            return RereadFinding()
        }
        spec.targetID = id
        return spec
    }
}
