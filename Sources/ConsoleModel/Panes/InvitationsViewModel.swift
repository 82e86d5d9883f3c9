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
    /// Called after a write changed the members of a scope (where the provider lists sent invitations as members).
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
        context.directory.sentInvitations(in: scope).show(
            in: sent, resource: .sentInvitations(scope), selecting: selecting)
    }

    /// Reloads the current list, bypassing the cache.
    public func refresh() { list.refresh() }

    /// Accepts or rejects a received invitation (after the UI's confirmation), updating the row at once.
    @discardableResult
    public func respond(id: String, _ response: InvitationResponse) -> Task<Void, Never> {
        context.writes.start(respondWrite(id: id, received.row(id: id), response))
    }

    /// `invitations.accept` / `invitations.reject`: the row changes before the request and goes back if refused.
    public func respondWrite(_ invitation: Invitation, _ response: InvitationResponse) -> WriteSpec<Invitation>? {
        respondWrite(id: invitation.id, invitation, response, requireListed: false)
    }

    /// The answer to `listed` (nil: no longer listed); `requireListed` refuses it once the row left the list.
    func respondWrite(
        id: String, _ listed: Invitation?, _ response: InvitationResponse, requireListed: Bool = true
    ) -> WriteSpec<Invitation>? {
        guard let answering = context.directory.invitationAnswering else { return nil }
        let accepting = response == .accept
        let verb = accepting ? "accepting" : "rejecting"
        let name = listed.map { $0.accountName ?? $0.accountID } ?? id
        let messages = WriteMessages<Invitation>(
            sending: "\(verb.prefix(1).uppercased())\(verb.dropFirst()) the invitation to \(name)…",
            done: { _ in accepting ? "Joined \(name)" : "Rejected the invitation to \(name)" },
            refused: { "Could not answer the invitation to \(name): \($0)" },
            unknown: {
                "No answer from the server; the invitation to \(name) is now \($0.shown ?? "unknown (could not re-read it)"). Nothing was re-sent."
            })
        var spec = WriteSpec(
            accepting ? "invitations.accept" : "invitations.reject", target: name, activity: "\(verb) an invitation",
            messages: messages
        ) {
            // The precondition refuses a write to a row that is gone before this runs.
            guard let invitation = listed else {
                throw APIError(kind: .refused, detail: "That invitation is no longer listed")
            }
            return try await answering.respond(to: invitation, with: response)
        }
        spec.precondition = { [received] in
            guard let invitation = received.row(id: id) ?? (requireListed ? nil : listed) else {
                return "That invitation is no longer listed; refresh with r"
            }
            guard invitation.status == .pending else {
                return "This invitation is \(invitation.status.label): there is nothing to answer"
            }
            return nil
        }
        spec.targetID = id
        guard let invitation = listed else { return spec }
        var optimistic = invitation
        optimistic.status = accepting ? .accepted : .rejected
        let changed: [CachedResource] = [
            .receivedInvitations, .accounts, .userOrganizations, .members(accountID: invitation.accountID),
        ]
        spec = spec.invalidating(changed)
        spec.prepare = { [received] in received.replaceRow(optimistic) }
        spec.apply = { [received] answered in received.replaceRow(answered.id.isEmpty ? optimistic : answered) }
        spec.revert = { [received] _ in received.replaceRow(invitation) }
        spec.reloadWhenDone = { [weak self] in self?.onMembershipChanged?() }
        spec.reread = { [weak self, received] in
            self?.onMembershipChanged?()
            let current = try? await answering.receivedInvitation(id: id)
            received.replaceRow(current ?? invitation)
            return RereadFinding(shown: current?.status.label, tookEffect: current.map { $0.status != .pending })
        }
        return spec
    }
}
