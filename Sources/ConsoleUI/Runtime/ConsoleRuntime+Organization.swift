import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// `:accept TOKEN`: reads what the token joins (without credentials), then asks before accepting it.
    func confirmTokenAcceptance(_ argument: String?) {
        guard let text = argument?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            state.flash = Notice(.warning, "Usage: :accept TOKEN (the token from the invitation's email link)")
            return
        }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: accepting an invitation refused, nothing was sent")
            return
        }
        let token = Secret(text)
        let current = session
        state.flash = Notice(.info, "Reading the invitation…")
        effect({ await current.invitations.preview(token: token) }, whenProfileChanged: { _ in token.wipe() }) {
            runtime, preview in runtime.landTokenPreview(preview, token: token)
        }
    }

    /// Shows what the emailed token invites to, and asks to accept; the token is wiped on every other way out.
    private func landTokenPreview(_ preview: Result<InvitationPreview, APIError>, token: Secret) {
        switch preview {
        case .success(let invitation) where invitation.status != .pending:
            token.wipe()
            state.flash = Notice(.warning, "That invitation is \(invitation.status.label): there is nothing to accept")
        case .success(let invitation):
            let organization = TextSanitizer.sanitize(invitation.organizationName).text
            let email = TextSanitizer.sanitize(invitation.inviteeEmail).text
            let roles = invitation.roles.map { TextSanitizer.sanitize($0).text }.joined(separator: ", ")
            var lines = [
                "Accept the invitation to \(organization) for \(email)",
                "You join with the role: \(roles.isEmpty ? "none listed" : roles).",
            ]
            if let by = invitation.invitedBy { lines.append("Invited by \(TextSanitizer.sanitize(by).text).") }
            lines.append("Accepting uses up the token.")
            state.flash = nil
            confirm(
                ConfirmDialog(
                    title: "Accept invitation", lines: lines, confirmLabel: "Accept",
                    write: ConfirmedWrite(
                        "invitations.acceptToken", target: invitation.organizationName, cancel: { _ in token.wipe() }
                    ) {
                        $0.session.invitations.accept(token: token, organizationName: invitation.organizationName)
                    },
                    openedAt: now))
        case .failure(let error):
            token.wipe()
            state.flash = Notice(.error, "Could not read the invitation: \(error.userMessage)")
        }
    }

    /// `:sso`: the SSO connection of the organization in scope, else of the selected one.
    func openSSO() {
        let selected = session.accounts.snapshot.selectedRow?.scopeNode
        guard let organization = session.scope.node(.organization) ?? (selected?.kind == .organization ? selected : nil)
        else {
            state.flash = Notice(.info, "Select an organization first (1, then a row): SSO belongs to an organization")
            return
        }
        session.sso.load(organization)
        state.overlay = .sso
    }

    func handleSSOKey(_ key: Key) {
        let organization = TextSanitizer.sanitize(session.sso.organization?.name ?? "the organization").text
        switch (key, session.sso.state) {
        case (.escape, _), (.character("q"), _), (.enter, _):
            state.overlay = nil
        case (.character("e"), .off) where session.readOnly, (.character("e"), .on) where session.readOnly:
            // Refused before the form opens: nobody types a client secret into a form that cannot be sent.
            state.flash = WriteRunner.readOnlyRefusal("changing SSO")
        case (.character("e"), .off):
            state.overlay = .ssoForm(SSOForm())
        case (.character("e"), .on(let connection)):
            state.overlay = .ssoForm(SSOForm(editing: connection))
        case (.character("x"), .on(let connection)):
            // Only a count that is the whole organization: not a first page, not a server that lists no members.
            let snapshot = session.members.snapshot
            let counted =
                session.members.scope.node(.organization)?.id == session.sso.organization?.id
                && snapshot.placeholder == nil && snapshot.loadState == .loaded
            let whole = snapshot.totalCount ?? (snapshot.hasMore ? nil : snapshot.loadedCount)
            let members = counted ? whole.flatMap { $0 > 0 ? $0 : nil } : nil
            let who =
                members.map { "all \(Format.count($0)) members of \(organization)" }
                ?? "every member of \(organization)"
            confirm(
                ConfirmDialog(
                    title: "Disable SSO",
                    lines: [
                        "Disable single sign-on for \(organization).",
                        "Who is affected: \(who) who sign in through \(TextSanitizer.sanitize(connection.issuer).text);",
                        "they must sign in another way until SSO is enabled again.",
                    ],
                    confirmLabel: "Disable SSO",
                    write: ConfirmedWrite("sso.disable", target: "", cancel: Self.backToSSO) {
                        $0.session.sso.disable()
                        $0.state.overlay = .sso
                    }, isDangerous: true, openedAt: now))
        case (.character("r"), _):
            if let node = session.sso.organization { session.sso.load(node) }
        default:
            break
        }
    }

    /// Cancelling an SSO change returns to the SSO modal it was opened from, as confirming does.
    static let backToSSO: @MainActor @Sendable (ConsoleRuntime) -> Void = { $0.state.overlay = .sso }
}

extension ConsoleRuntime {
    /// `:exchange`: an access token for the organization in scope (or selected), confirmed, then shown once.
    func confirmTokenExchange() {
        let selected = state.pane == .accounts ? session.accounts.snapshot.selectedRow?.scopeNode : nil
        guard
            let organization = session.scope.node(.organization)
                ?? selected.flatMap({ $0.kind == .organization ? $0 : nil })
        else {
            state.flash = Notice(.warning, "Select an organization (1, then Enter) to exchange a token for")
            return
        }
        let name = TextSanitizer.sanitize(organization.name).text
        confirm(
            ConfirmDialog(
                title: "Exchange token",
                lines: [
                    "Issue an access token for \(name), acting as you.",
                    "It is shown once and works until it expires.",
                ],
                confirmLabel: "Issue",
                write: ConfirmedWrite("tokens.exchange", target: organization.id) { runtime in
                    let task = runtime.session.tokens.exchangeToken(for: organization)
                    runtime.effect({ await task.value }) { runtime, _ in runtime.showRevealedSecret() }
                }, openedAt: now))
    }
}
