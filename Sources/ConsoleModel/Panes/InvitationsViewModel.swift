import APICore

/// The Invitations pane: invitations the user received (accept / reject, where the provider has them) and the
/// ones the scope sent (create, revoke).
@MainActor
public final class InvitationsViewModel {
    /// Which invitations are shown.
    public enum Mode: Sendable, Hashable { case received, sent }

    public let received: PagedListModel<Invitation>
    public let sent: PagedListModel<Invitation>
    public private(set) var mode: Mode
    /// The scope whose sent invitations are shown.
    public private(set) var scope: Scope = .top
    /// Called after an accept changed which accounts the user belongs to.
    var onMembershipChanged: (@MainActor () -> Void)?
    /// Called after a write changed the members of a scope (an invitation is a pending member on Cloudflare).
    var onMembersChanged: (@MainActor (Scope) -> Void)?
    let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        received = context.list(Columns.invitations, pane: .invitations)
        sent = context.list(Columns.invitations, pane: .invitations)
        mode = context.directory.invitationAnswering == nil ? .sent : .received
    }

    /// Whether the provider has invitations the user received (else only sent ones exist).
    public var hasReceived: Bool { context.directory.invitationAnswering != nil }

    /// The list of the current mode.
    public var list: PagedListModel<Invitation> { mode == .received ? received : sent }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Invitation> { list.snapshot }

    /// Received invitations still waiting for an answer (the tab badge).
    public var pendingCount: Int { received.snapshot.rows.filter { $0.status == .pending }.count }

    /// Loads the received invitations, or the sent ones when the provider has no others.
    public func load() {
        if let answering = context.directory.invitationAnswering {
            answering.receivedInvitations().show(in: received, resource: .receivedInvitations)
        } else {
            showSent()
        }
    }

    /// Switches between received and sent invitations; sent ones load when first shown.
    public func setMode(_ mode: Mode) {
        guard mode == .sent || hasReceived else { return }
        self.mode = mode
        if mode == .sent, sent.snapshot.loadState == .idle { showSent() }
        context.changed(.invitations)
    }

    /// Scopes the sent invitations (loaded only while they are shown).
    public func setScope(_ scope: Scope, selecting: String? = nil) {
        guard scope != self.scope || sent.snapshot.loadState == .idle else { return }
        self.scope = scope
        if mode == .sent { showSent(selecting: selecting) } else { sent.clear() }
    }

    func showSent(selecting: String? = nil) {
        context.directory.sentInvitations(in: scope).show(in: sent, resource: .sentInvitations(scope), selecting: selecting)
    }

    /// Reloads the current list, bypassing the cache.
    public func refresh() { list.refresh() }

    /// Accepts or rejects a received invitation (after the UI's confirmation), updating the row at once.
    @discardableResult
    public func respond(id: String, _ response: InvitationResponse) -> Task<Void, Never> {
        Task {
            let verb = response == .accept ? "accepting" : "rejecting"
            guard let answering = context.directory.invitationAnswering, context.mayWrite("\(verb) an invitation") else {
                return
            }
            guard let invitation = received.row(id: id) else {
                return context.notify(.warning, "That invitation is no longer listed; refresh with r")
            }
            guard invitation.status == .pending else {
                return context.notify(.warning, "This invitation is \(invitation.status.label): there is nothing to answer")
            }
            let name = invitation.accountName ?? invitation.accountID
            var optimistic = invitation
            optimistic.status = response == .accept ? .accepted : .rejected
            received.replaceRow(optimistic)
            context.notify(.info, "\(verb.prefix(1).uppercased())\(verb.dropFirst()) the invitation to \(name)…")
            switch await WriteOutcome.of({ try await answering.respond(to: invitation, with: response) }) {
            case .done(let answered):
                received.replaceRow(answered.id.isEmpty ? optimistic : answered)
                await invalidateAfterAnswer(invitation)
                context.notify(.success, response == .accept ? "Joined \(name)" : "Rejected the invitation to \(name)")
            case .failed(let message):
                received.replaceRow(invitation)
                context.notify(.error, "Could not answer the invitation to \(name): \(message)")
            case .unknown:
                await invalidateAfterAnswer(invitation)
                let current = try? await answering.receivedInvitation(id: id)
                received.replaceRow(current ?? invitation)
                let state = current?.status.label ?? "unknown (could not re-read it)"
                context.notify(.warning, "No answer from the server; the invitation to \(name) is now \(state). Nothing was re-sent.")
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
