import APICore

extension RecordsViewModel {
    /// Reads the account's details, profile and organizations at once and shows them as they come back.
    func loadAccount(_ account: Account, administering admin: any AccountAdministering) {
        accountView = AccountView(account: account)
        let profiles = context.directory.accountProfileEditing
        let moving = context.directory.accountMoving
        Task {
            async let details = AccountView.read(admin) { try await $0.accountDetails(account) }
            async let profile = AccountView.read(profiles) { try await $0.accountProfile(account) }
            async let path = AccountView.read(moving) { try await $0.organizationPath(of: account) }
            var view = AccountView(account: account)
            let read = await details
            view.details = read?.value ?? []
            view.profile = await profile
            view.organizations = await path
            guard kind == .account, accountView?.account.id == account.id else { return }
            accountView = view
            if case .refused(let message) = read {
                summary = []
                summaryError = message
            } else {
                summary = view.fields
                summaryError = nil
            }
            context.sessionChanged()
        }
    }

    /// Reads the account's details again when they are shown (after a move or a profile edit).
    func reloadAccount(_ account: Account) {
        guard kind == .account, accountView?.account.id == account.id,
            let admin = context.directory.accountAdministering
        else { return }
        loadAccount(account, administering: admin)
    }

    /// Shows `profile` as the account's profile, when that account is shown.
    func setAccountProfile(_ profile: [EditableField], of account: Account) {
        guard kind == .account, var view = accountView, view.account.id == account.id else { return }
        view.profile = .loaded(profile)
        accountView = view
        if summaryError == nil { summary = view.fields }
    }

    /// Applies `changes` to the account's business profile (after the UI's confirmation listing each field);
    /// on an unknown outcome re-reads it and says what the server now has. Never re-sent.
    @discardableResult
    public func editAccountProfile(_ account: Account, _ changes: [String: FieldChange]) -> Task<Void, Never> {
        Task {
            guard let editing = context.directory.accountProfileEditing,
                context.mayWrite("editing an account profile")
            else { return }
            let labels = accountView?.profile?.value ?? []
            let label = { (id: String) in labels.first { $0.id == id }?.label.lowercased() ?? id }
            let names = changes.keys.sorted().map(label).joined(separator: ", ")
            context.notify(.info, "Saving the profile of account \(account.name) (\(names))…")
            switch await WriteOutcome.of({ try await editing.editAccountProfile(account, changes) }) {
            case .done(let profile):
                setAccountProfile(profile, of: account)
                context.notify(.success, "Saved the profile of account \(account.name): \(names)")
            case .failed(let message):
                context.notify(.error, "Could not save the profile of account \(account.name): \(message)")
            case .unknown:
                let current = try? await editing.accountProfile(account)
                if let current { setAccountProfile(current, of: account) }
                let shown = current.map { fields in
                    fields.filter { changes[$0.id] != nil }
                        .map { "\($0.label.lowercased()) \($0.value.flatMap { $0.isEmpty ? nil : "'\($0)'" } ?? "empty")" }
                        .joined(separator: ", ")
                } ?? "unknown (could not re-read)"
                context.notify(
                    .warning,
                    "No answer after saving the profile of account \(account.name); the server now shows: \(shown). Nothing was re-sent.")
            }
            context.sessionChanged()
        }
    }
}
