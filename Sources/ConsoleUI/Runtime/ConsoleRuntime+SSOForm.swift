import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    func handleSSOFormKey(_ key: Key, form: SSOForm) {
        var form = form
        switch key {
        case .escape:
            form.wipe()
            state.overlay = .sso
            return
        case .tab, .down: form.focus = (form.focus + 1) % form.fields.count
        case .backTab, .up: form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .backspace: form.deleteBackward()
        case .character(let character): form.append(character)
        case .enter: return submitSSOForm(form)
        default: break
        }
        state.overlay = .ssoForm(form)
    }

    /// Enabling names who is affected; a change lists each setting it changes (the secret only by its length).
    private func submitSSOForm(_ form: SSOForm) {
        let organization = TextSanitizer.sanitize(session.sso.organization?.name ?? "the organization").text
        let (settings, changes) = form.changes()
        form.wipe()
        let sanitized = changes.map { TextSanitizer.sanitize($0).text }
        if form.original == nil {
            guard form.isComplete else {
                state.flash = Notice(.warning, "Enter the issuer (https://…) and the client id (Tab switches fields)")
                state.overlay = .ssoForm(form)
                return
            }
            let issuer = TextSanitizer.sanitize(form.text(.issuer)).text
            return confirm(
                ConfirmDialog(
                    title: "Enable SSO",
                    lines: [
                        "Enable single sign-on for \(organization) through \(issuer)",
                        "(client id \(TextSanitizer.sanitize(form.text(.clientID)).text)).",
                        "Who is affected: every member of \(organization) signs in through that identity provider.",
                    ],
                    confirmLabel: "Enable SSO",
                    write: ConfirmedWrite(
                        "sso.enable", target: form.text(.issuer), cancel: Self.wipingBackToSSO(settings)
                    ) {
                        $0.session.sso.enable(settings)
                        $0.state.overlay = .sso
                    }, openedAt: now))
        }
        guard !changes.isEmpty else {
            state.overlay = .sso
            state.flash = Notice(.info, "No change: the SSO connection is as it was")
            return
        }
        confirm(
            ConfirmDialog(
                title: "Change SSO",
                lines: ["Change the SSO connection of \(organization):"] + sanitized
                    + ["Members keep signing in through it; a wrong setting stops their sign-in."],
                confirmLabel: "Save",
                write: ConfirmedWrite("sso.update", target: organization, cancel: Self.wipingBackToSSO(settings)) {
                    $0.session.sso.update(settings)
                    $0.state.overlay = .sso
                }, isDangerous: settings.issuer != nil || settings.clientID != nil, openedAt: now))
    }

    /// Cancelling returns to the SSO modal and wipes the secret the settings held.
    private static func wipingBackToSSO(_ settings: SSOSettings) -> @MainActor @Sendable (ConsoleRuntime) -> Void {
        { runtime in
            settings.clientSecret?.wipe()
            runtime.state.overlay = .sso
        }
    }
}
