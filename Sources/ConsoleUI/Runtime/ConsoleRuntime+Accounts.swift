import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// `e` on Accounts: the edit form of the selected account.
    func openAccountForm() {
        guard session.directory.accountAdministering != nil, let account = session.accounts.snapshot.selectedRow,
            account.scopeKind == .account || account.scopeKind == .organization
        else { return }
        if session.readOnly {
            state.flash = Notice(.warning, "Read-only mode: changing an account refused, nothing was sent")
            return
        }
        state.overlay = .accountForm(AccountForm(account: account))
    }

    func handleAccountFormKey(_ key: Key, form: AccountForm) {
        var form = form
        switch key {
        case .escape:
            state.overlay = nil
            return
        case .tab, .backTab, .down, .up: if form.hasTwoFactor { form.editingName.toggle() }
        case .character(" ") where !form.editingName: form.enforceTwoFactor.toggle()
        case .backspace where form.editingName: form.name = String(form.name.dropLast())
        case .character(let character) where form.editingName: form.name.append(character)
        case .enter:
            let name = TextSanitizer.sanitize(form.account.name).text
            var lines = ["Change \(form.noun) \(name):"]
            if let newName = form.changedName {
                guard !newName.isEmpty else {
                    state.flash = Notice(.warning, "An account needs a name")
                    break
                }
                lines.append("name: '\(name)' → '\(TextSanitizer.sanitize(newName).text)'")
            }
            if let enforce = form.changedTwoFactor {
                lines.append(
                    enforce
                        ? "enforce two-factor: on — members without 2FA lose access until they set it up"
                        : "enforce two-factor: off")
            }
            guard lines.count > 1 else {
                state.overlay = nil
                state.flash = Notice(.info, "No change: the account is as it was")
                return
            }
            return confirm(
                ConfirmDialog(
                    title: "Change \(form.noun)", lines: lines, confirmLabel: "Save",
                    write: ConfirmedWrite("accounts.edit", target: form.account.id) {
                        $0.session.accounts.update(
                            id: form.account.id, name: form.changedName, enforceTwoFactor: form.changedTwoFactor)
                    },
                    isDangerous: form.changedTwoFactor == true, openedAt: now))
        default: break
        }
        state.overlay = .accountForm(form)
    }

    /// `D` on Accounts: delete the selected account, typing its name.
    func confirmDeleteAccount() {
        guard session.directory.accountDeleting != nil, let account = session.accounts.snapshot.selectedRow,
            account.scopeKind == .account
        else { return }
        let name = TextSanitizer.sanitize(account.name).text
        confirm(
            ConfirmDialog(
                title: "Delete account",
                lines: ["Delete the account \(name) with its members, tokens and settings.", "This cannot be undone."],
                confirmLabel: "Delete",
                write: ConfirmedWrite("accounts.delete", target: account.id) {
                    $0.session.accounts.delete(id: account.id)
                }, typedNameRequired: account.name,
                isDangerous: true, openedAt: now))
    }

    /// `:account new NAME` creates one; `:account` alone shows the selected (or scoped) account's details, with
    /// `profile` its business profile form and with `move` the organization picker over them.
    func runAccountCommand(_ argument: String?) {
        let words = (argument ?? "").split(separator: " ", maxSplits: 1).map(String.init)
        if words.first?.lowercased() == "new" {
            guard words.count == 2, !words[1].trimmingCharacters(in: .whitespaces).isEmpty else {
                state.flash = Notice(.warning, "Usage: :account new NAME")
                return
            }
            let name = words[1].trimmingCharacters(in: .whitespaces)
            return confirm(
                ConfirmDialog(
                    title: "Create account",
                    lines: [
                        "Create the account \(TextSanitizer.sanitize(name).text).",
                        "Only tenant administrators may; the API says so if you are not one.",
                    ],
                    confirmLabel: "Create",
                    write: ConfirmedWrite("accounts.create", target: name) { $0.session.accounts.create(name: name) },
                    openedAt: now))
        }
        let selected = state.pane == .accounts ? session.accounts.snapshot.selectedRow : nil
        let scoped = session.scope.node(.account).map { Account(id: $0.id, name: $0.name) }
        guard let account = selected ?? scoped else {
            state.flash = Notice(.info, "Select an account (1) first, or :account new NAME")
            return
        }
        let sub = words.first?.lowercased()
        guard sub == nil || sub == "profile" || sub == "move" else {
            state.flash = Notice(.warning, "Usage: :account, :account new NAME, :account profile or :account move")
            return
        }
        // The profile form and the move picker open over the account's details, and return to them.
        if let sub, refusedInReadOnly(sub == "move" ? .moveAccounts : .editAccountProfiles) { return }
        guard session.records.showAccount(account) else { return }
        state.overlay = .records(RecordViewState())
        switch sub {
        case "profile": openAccountProfileForm(account)
        case "move": openAccountMovePicker(account)
        default: break
        }
    }
}

/// The account edit form.
enum AccountFormDrawing {
    static func draw(_ form: AccountForm, into buffer: inout Buffer, area: Rect, theme: Theme) {
        var lines: [(String, ThemeRole)] = [
            (
                (form.editingName ? "▶ " : "  ") + "Name: " + TextSanitizer.sanitize(form.name).text
                    + (form.editingName ? "▏" : ""),
                form.editingName ? .filter : .textPrimary
            )
        ]
        if form.hasTwoFactor {
            lines.append(
                (
                    (form.editingName ? "  " : "▶ ") + "Enforce two-factor: "
                        + (form.enforceTwoFactor ? "[x] on" : "[ ] off"),
                    form.editingName ? .textPrimary : .filter
                ))
        }
        ModalWidget(
            title: "Edit \(form.noun) \(TextSanitizer.sanitize(form.account.name).text)", lines: lines,
            buttons: form.hasTwoFactor
                ? ["Tab field", "Space 2FA", "Enter save", "Esc cancel"] : ["Enter save", "Esc cancel"],
            selectedButton: nil,
            width: min(area.width - 4, 72)
        )
        .render(into: &buffer, area: area, theme: theme)
    }
}
