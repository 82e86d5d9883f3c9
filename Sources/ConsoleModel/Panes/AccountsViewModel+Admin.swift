import APICore

extension AccountsViewModel {
    /// Renames an account or changes its two-factor enforcement (after the UI's confirmation naming the account).
    @discardableResult
    public func update(id: String, name: String?, enforceTwoFactor: Bool?) -> Task<Void, Never> {
        context.writes.start(
            list.row(id: id).flatMap { updateWrite($0, name: name, enforceTwoFactor: enforceTwoFactor) })
    }

    /// Creates an account (`:account new NAME`, after the UI's confirmation).
    @discardableResult
    public func create(name: String) -> Task<Void, Never> {
        context.writes.start(createWrite(name: name))
    }

    /// Deletes an account (after the UI's typed-name confirmation).
    @discardableResult
    public func delete(id: String) -> Task<Void, Never> {
        context.writes.start(list.row(id: id).flatMap(deleteWrite))
    }

    /// `accounts.update`: the row is replaced with the server's answer.
    public func updateWrite(_ account: Account, name: String?, enforceTwoFactor: Bool?) -> WriteSpec<Account>? {
        guard let admin = context.directory.accountAdministering else { return nil }
        let id = account.id
        let messages = WriteMessages<Account>(
            sending: "Saving account \(account.name)…",
            done: { "Saved account \($0.name)" },
            refused: { "Could not change account \(account.name): \($0)" },
            unknown: { _ in
                "No answer after changing account \(account.name): re-reading the accounts (nothing was re-sent)"
            })
        var spec = WriteSpec(
            "accounts.update", target: account.name, activity: "changing an account", messages: messages
        ) {
            try await admin.updateAccount(account, name: name, enforceTwoFactor: enforceTwoFactor)
        }.invalidating([.accounts])
        spec.apply = { [list] in list.replaceRow($0) }
        spec.reread = rereadList
        spec.targetID = id
        return spec
    }

    /// `accounts.create`: the new account is inserted once the cache forgot the old list.
    public func createWrite(name: String) -> WriteSpec<Account>? {
        guard let admin = context.directory.accountAdministering else { return nil }
        let messages = WriteMessages<Account>(
            sending: "Creating account \(name)…",
            done: { "Created account \($0.name)" },
            refused: { "Could not create account \(name): \($0)" },
            unknown: { _ in "No answer after creating account \(name): re-reading the accounts (nothing was re-sent)" })
        var spec = WriteSpec("accounts.create", target: name, activity: "creating an account", messages: messages) {
            try await admin.createAccount(name: name)
        }.invalidating([.accounts])
        spec.apply = { [list] in list.insertRow($0) }
        spec.reread = rereadList
        return spec
    }

    /// `accounts.delete`: the row goes.
    public func deleteWrite(_ account: Account) -> WriteSpec<Void>? {
        guard let admin = context.directory.accountDeleting else { return nil }
        let id = account.id
        let messages = WriteMessages<Void>(
            sending: "Deleting account \(account.name)…",
            done: { "Deleted account \(account.name)" },
            refused: { "Could not delete account \(account.name): \($0)" },
            unknown: { _ in
                "No answer after deleting account \(account.name): re-reading the accounts (nothing was re-sent)"
            })
        var spec = WriteSpec(
            "accounts.delete", target: account.name, activity: "deleting an account", messages: messages
        ) {
            try await admin.deleteAccount(account)
        }.invalidating([.accounts])
        spec.apply = { [list] _ in list.removeRow(id: id) }
        spec.reread = rereadList
        spec.targetID = id
        return spec
    }

    /// Reads the accounts again after an unknown outcome (in the background: the list shows what it finds).
    func rereadList() async -> RereadFinding {
        list.refresh()
        return RereadFinding()
    }
}
