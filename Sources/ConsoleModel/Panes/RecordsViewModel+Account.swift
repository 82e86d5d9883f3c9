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
        context.writes.start(editAccountProfileWrite(account, changes))
    }

    /// `accounts.editProfile`: the shown profile follows the server's answer, or what a re-read shows.
    func editAccountProfileWrite(_ account: Account, _ changes: [String: FieldChange]) -> WriteSpec<[EditableField]>? {
        guard let editing = context.directory.accountProfileEditing else { return nil }
        let labels = accountView?.profile?.value ?? []
        let label = { (id: String) in labels.first { $0.id == id }?.label.lowercased() ?? id }
        let names = changes.keys.sorted().map(label).joined(separator: ", ")
        let messages = WriteMessages<[EditableField]>(
            sending: "Saving the profile of account \(account.name) (\(names))…",
            done: { _ in "Saved the profile of account \(account.name): \(names)" },
            refused: { "Could not save the profile of account \(account.name): \($0)" },
            unknown: {
                "No answer after saving the profile of account \(account.name); the server now shows: \($0.shownOrUnread). Nothing was re-sent."
            })
        var spec = WriteSpec(
            "accounts.editProfile", target: "\(account.name): \(names)", activity: "editing an account profile",
            messages: messages
        ) {
            try await editing.editAccountProfile(account, changes)
        }
        spec.apply = { [weak self] in self?.setAccountProfile($0, of: account) }
        spec.reread = { [weak self] in
            guard let current = try? await editing.accountProfile(account) else { return RereadFinding() }
            self?.setAccountProfile(current, of: account)
            let shown = current.filter { changes[$0.id] != nil }
                .map { "\($0.label.lowercased()) \($0.value.flatMap { $0.isEmpty ? nil : "'\($0)'" } ?? "empty")" }
                .joined(separator: ", ")
            return RereadFinding(shown: shown)
        }
        spec.targetID = account.id
        return spec
    }
}
