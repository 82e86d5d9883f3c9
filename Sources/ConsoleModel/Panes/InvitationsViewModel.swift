import APICore

/// The Invitations pane: invitations the user received (accept / reject) and, per account, sent ones (revoke).
@MainActor
public final class InvitationsViewModel {
    /// Which invitations are shown.
    public enum Mode: Sendable, Hashable { case received, sent }

    public let received: PagedListModel<Invitation>
    public let sent: PagedListModel<Invitation>
    public private(set) var mode: Mode = .received
    /// The account whose sent invitations are shown.
    public private(set) var account: Account?
    /// Called after an accept changed which accounts the user belongs to.
    var onMembershipChanged: (@MainActor () -> Void)?
    private let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        received = PagedListModel(columns: Columns.invitations, cache: context.cache, profile: context.profile) {
            context.changed(.invitations)
        }
        sent = PagedListModel(columns: Columns.invitations, cache: context.cache, profile: context.profile) {
            context.changed(.invitations)
        }
    }

    /// The list of the current mode.
    public var list: PagedListModel<Invitation> { mode == .received ? received : sent }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Invitation> { list.snapshot }

    /// Received invitations still waiting for an answer (the tab badge).
    public var pendingCount: Int { received.snapshot.rows.filter { $0.status == .pending }.count }

    /// Loads the received invitations.
    public func load() {
        received.show(ListSource(resource: .receivedInvitations, list: context.directory.receivedInvitations()))
    }

    /// Switches between received and sent invitations; sent ones load when first shown.
    public func setMode(_ mode: Mode) {
        self.mode = mode
        if mode == .sent, sent.snapshot.loadState == .idle { showSent() }
        context.changed(.invitations)
    }

    /// Scopes the sent invitations to an account (loaded only while they are shown).
    public func setAccount(_ account: Account?) {
        guard account?.id != self.account?.id else { return }
        self.account = account
        if mode == .sent { showSent() } else { sent.clear() }
    }

    private func showSent() {
        guard let account else {
            return sent.clear(notice: Notice(.info, "Select an account (1, then Enter) to see the invitations it sent"))
        }
        sent.show(
            ListSource(
                resource: .sentInvitations(accountID: account.id),
                list: context.directory.sentInvitations(accountID: account.id, accountName: account.name)))
    }

    /// Reloads the current list, bypassing the cache.
    public func refresh() { list.refresh() }

    /// Accepts or rejects a received invitation (after the UI's confirmation), updating the row at once.
    @discardableResult
    public func respond(id: String, _ response: InvitationResponse) -> Task<Void, Never> {
        Task {
            let verb = response == .accept ? "accepting" : "rejecting"
            if let refusal = context.refusal(of: "\(verb) an invitation") { return received.setNotice(refusal) }
            guard let invitation = received.row(id: id) else {
                return received.setNotice(Notice(.warning, "That invitation is no longer listed; refresh with r"))
            }
            guard invitation.status == .pending else {
                return received.setNotice(Notice(.warning, "This invitation is \(invitation.status.label): there is nothing to answer"))
            }
            let name = invitation.accountName ?? invitation.accountID
            var optimistic = invitation
            optimistic.status = response == .accept ? .accepted : .rejected
            received.replaceRow(optimistic)
            received.setNotice(Notice(.info, "\(verb.prefix(1).uppercased())\(verb.dropFirst()) the invitation to \(name)…"))
            switch await WriteOutcome.of({ try await context.directory.respond(to: invitation, with: response) }) {
            case .done(let answered):
                received.replaceRow(answered.id.isEmpty ? optimistic : answered)
                await invalidateAfterAnswer(invitation)
                received.setNotice(
                    Notice(.success, response == .accept ? "Joined \(name)" : "Rejected the invitation to \(name)"))
            case .failed(let message):
                received.replaceRow(invitation)
                received.setNotice(Notice(.error, "Could not answer the invitation to \(name): \(message)"))
            case .unknown:
                await invalidateAfterAnswer(invitation)
                let current = try? await context.directory.receivedInvitation(id: id)
                received.replaceRow(current ?? invitation)
                let state = current?.status.label ?? "unknown (could not re-read it)"
                received.setNotice(
                    Notice(.warning, "No answer from the server; the invitation to \(name) is now \(state). Nothing was re-sent."))
            }
        }
    }

    /// Revokes a sent invitation (after the UI's confirmation).
    @discardableResult
    public func revoke(id: String) -> Task<Void, Never> {
        Task {
            if let refusal = context.refusal(of: "revoking an invitation") { return sent.setNotice(refusal) }
            guard let invitation = sent.row(id: id) else { return }
            let who = invitation.inviteeEmail ?? invitation.id
            switch await WriteOutcome.of({ try await context.directory.revokeInvitation(invitation) }) {
            case .done:
                sent.removeRow(id: id)
                await context.invalidate([.sentInvitations(accountID: invitation.accountID), .members(accountID: invitation.accountID)])
                sent.setNotice(Notice(.success, "Revoked the invitation of \(who)"))
            case .failed(let message):
                sent.setNotice(Notice(.error, "Could not revoke the invitation of \(who): \(message)"))
            case .unknown:
                await context.invalidate([.sentInvitations(accountID: invitation.accountID)])
                sent.refresh()
                sent.setNotice(Notice(.warning, "No answer when revoking the invitation of \(who): re-reading"))
            }
        }
    }

    private func invalidateAfterAnswer(_ invitation: Invitation) async {
        await context.invalidate([
            .receivedInvitations, .accounts, .userOrganizations, .members(accountID: invitation.accountID),
        ])
        onMembershipChanged?()
    }
}
