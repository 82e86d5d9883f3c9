import APICore
import ConsoleModel
import TUIKit

/// The account's business profile form and its move to another organization (`:account profile`,
/// `:account move`, `e` and `m` in the account's details). Both open over the details, and return to them.
extension ConsoleRuntime {
    /// The account's profile form: from the profile the details read, or read now when they have not yet.
    func openAccountProfileForm(_ account: Account) {
        guard let editing = session.directory.accountProfileEditing else {
            state.flash = Notice(.info, "\(session.provider.displayName) accounts have no business profile here")
            return
        }
        guard !refusedInReadOnly(.editAccountProfiles) else { return }
        let name = TextSanitizer.sanitize(account.name).text
        if let view = session.records.accountView, view.account.id == account.id {
            switch view.profile {
            case .loaded(let fields):
                state.overlay = .profileForm(ProfileForm(fields: fields, target: .account(account)))
                return
            case .refused(let message):
                state.flash = Notice(
                    .error, "The profile of account \(name) could not be read, so there is nothing to edit: \(message)")
                return
            case nil: break
            }
        }
        state.flash = Notice(.info, "Reading the profile of account \(name)…")
        effect({ await Self.attempt { try await editing.accountProfile(account) } }) { runtime, result in
            guard runtime.isQuiet else { return }
            switch result {
            case .success(let fields):
                runtime.state.flash = nil
                runtime.state.overlay = .profileForm(ProfileForm(fields: fields, target: .account(account)))
            case .failure(let error):
                runtime.state.flash = Notice(
                    .error,
                    "The profile of account \(name) could not be read, so there is nothing to edit: \(Self.message(error))"
                )
            }
        }
    }

    /// Reads where the account is and the organizations it can go to, then opens the picker (or, when the API
    /// refuses the list, the picker with the refusal and nothing to pick).
    func openAccountMovePicker(_ account: Account) {
        guard let moving = session.directory.accountMoving else {
            state.flash = Notice(
                .info, "\(session.provider.displayName) cannot move accounts between organizations here")
            return
        }
        guard !refusedInReadOnly(.moveAccounts) else { return }
        state.flash = Notice(.info, "Reading the organizations…")
        let provider = session.provider.displayName
        effect({
            async let listed = Self.attempt { try await moving.tenantOrganizations() }
            async let path = Self.attempt { try await moving.organizationPath(of: account) }
            return await (listed, path)
        }) { runtime, results in
            let (organizations, containing) = results
            guard runtime.isQuiet else { return }
            let pathError = containing.error.map(Self.message)
            let picker: AccountMovePicker
            switch organizations {
            case .success(let list):
                picker = AccountMovePicker(
                    account: account, organizations: list, current: containing.value?.last, pathError: pathError)
            case .failure(let error):
                let said = Self.message(error)
                let refusal =
                    Self.isRefusal(error)
                    ? "\(provider) refused listing organizations: \(said); moving accounts needs a tenant administrator"
                    : "Could not list the organizations: \(said)"
                picker = AccountMovePicker(account: account, organizations: [], current: nil, refusal: refusal)
            }
            runtime.state.flash = nil
            runtime.state.overlay = .accountMove(picker)
        }
    }

    func handleAccountMoveKey(_ key: Key, picker: AccountMovePicker) {
        var picker = picker
        switch key {
        case .escape, .character("q"):
            state.overlay = returnToAccountDetails
            return
        case .down, .character("j"): picker.move(1)
        case .up, .character("k"): picker.move(-1)
        case .enter:
            guard let destination = picker.selected else {
                state.overlay = returnToAccountDetails
                return
            }
            let name = TextSanitizer.sanitize(picker.account.name).text
            let target = TextSanitizer.sanitize(destination.name).text
            guard !picker.isCurrent(destination) else {
                state.flash = Notice(.info, "Account \(name) is in \(target) already: pick another organization")
                break
            }
            return confirm(
                ConfirmDialog(
                    title: "Move account",
                    lines: [
                        "Move account \(name) from \(TextSanitizer.sanitize(picker.sourceName).text) to \(target).",
                        "It is then managed by \(target): that organization's administrators and policies apply.",
                    ],
                    confirmLabel: "Move",
                    write: ConfirmedWrite("accounts.move", target: picker.account.id, cancel: Self.backToAccountDetails)
                    {
                        $0.session.accounts.move(picker.account, to: destination)
                        $0.state.overlay = $0.returnToAccountDetails
                    }, openedAt: now))
        default: break
        }
        state.overlay = .accountMove(picker)
    }

    /// The confirmation of an account profile form: every changed field, old → new.
    func confirmAccountProfile(_ form: ProfileForm, account: Account, lines: [String]) {
        confirm(
            ConfirmDialog(
                title: "Save the account profile",
                lines: ["Change the profile of account \(TextSanitizer.sanitize(account.name).text):"] + lines,
                confirmLabel: "Save",
                write: ConfirmedWrite("accounts.editProfile", target: account.id, cancel: Self.backToAccountDetails) {
                    $0.session.records.editAccountProfile(account, form.changes)
                    $0.state.overlay = $0.returnToAccountDetails
                }, openedAt: now))
    }

    /// Cancelling a profile edit or a move returns to the account's details it was opened over.
    static let backToAccountDetails: @MainActor @Sendable (ConsoleRuntime) -> Void = {
        $0.state.overlay = $0.returnToAccountDetails
    }

    /// In read-only mode, says the profile edit or the move is refused (nothing is sent) and returns true.
    func refusedInReadOnly(_ write: ProviderCapabilities) -> Bool {
        guard session.readOnly else { return false }
        let action = write == .moveAccounts ? "moving an account" : "editing an account profile"
        state.flash = Notice(.warning, "Read-only mode: \(action) refused, nothing was sent")
        return true
    }

    /// The account's details when they are what the form or picker opened over; otherwise nothing.
    var returnToAccountDetails: Overlay? {
        session.records.kind == .account ? .records(RecordViewState()) : nil
    }

    /// Nothing but the account's details (or nothing) covers the panes: a late read may open its overlay.
    private var isQuiet: Bool {
        switch state.overlay {
        case nil, .records: true
        default: false
        }
    }

    static func attempt<Value: Sendable>(_ read: @Sendable () async throws -> Value) async -> Result<Value, any Error> {
        do { return .success(try await read()) } catch { return .failure(error) }
    }

    private static func message(_ error: any Error) -> String {
        (error as? APIError)?.userMessage ?? "\(error)"
    }

    /// Whether the API said no (rather than failing to answer).
    private static func isRefusal(_ error: any Error) -> Bool {
        guard case .http(let status) = (error as? APIError)?.kind else { return false }
        return [401, 403, 404].contains(status)
    }
}

extension Result {
    /// The success value, if any.
    fileprivate var value: Success? { try? get() }
    /// The failure, if any.
    fileprivate var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
