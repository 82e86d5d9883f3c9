import APICore

extension AccountsViewModel {
    /// Renames an account or changes its two-factor enforcement (after the UI's confirmation naming the account).
    @discardableResult
    public func update(id: String, name: String?, enforceTwoFactor: Bool?) -> Task<Void, Never> {
        Task {
            guard let admin = context.directory.accountAdministering, context.mayWrite("changing an account"),
                let account = list.row(id: id)
            else { return }
            context.notify(.info, "Saving account \(account.name)…")
            switch await WriteOutcome.of({ try await admin.updateAccount(account, name: name, enforceTwoFactor: enforceTwoFactor) }) {
            case .done(let updated):
                list.replaceRow(updated)
                await context.invalidate([.accounts])
                context.notify(.success, "Saved account \(updated.name)")
            case .failed(let message):
                context.notify(.error, "Could not change account \(account.name): \(message)")
            case .unknown:
                await context.invalidate([.accounts])
                list.refresh()
                context.notify(.warning, "No answer after changing account \(account.name): re-reading the accounts (nothing was re-sent)")
            }
        }
    }

    /// Creates an account (`:account new NAME`, after the UI's confirmation).
    @discardableResult
    public func create(name: String) -> Task<Void, Never> {
        Task {
            guard let admin = context.directory.accountAdministering, context.mayWrite("creating an account") else { return }
            context.notify(.info, "Creating account \(name)…")
            switch await WriteOutcome.of({ try await admin.createAccount(name: name) }) {
            case .done(let account):
                await context.invalidate([.accounts])
                list.insertRow(account)
                context.notify(.success, "Created account \(account.name)")
            case .failed(let message):
                context.notify(.error, "Could not create account \(name): \(message)")
            case .unknown:
                await context.invalidate([.accounts])
                list.refresh()
                context.notify(.warning, "No answer after creating account \(name): re-reading the accounts (nothing was re-sent)")
            }
        }
    }

    /// Deletes an account (after the UI's typed-name confirmation).
    @discardableResult
    public func delete(id: String) -> Task<Void, Never> {
        Task {
            guard let admin = context.directory.accountAdministering, context.mayWrite("deleting an account"),
                let account = list.row(id: id)
            else { return }
            context.notify(.info, "Deleting account \(account.name)…")
            switch await WriteOutcome.of({ try await admin.deleteAccount(account) }) {
            case .done:
                list.removeRow(id: id)
                await context.invalidate([.accounts])
                context.notify(.success, "Deleted account \(account.name)")
            case .failed(let message):
                context.notify(.error, "Could not delete account \(account.name): \(message)")
            case .unknown:
                await context.invalidate([.accounts])
                list.refresh()
                context.notify(.warning, "No answer after deleting account \(account.name): re-reading the accounts (nothing was re-sent)")
            }
        }
    }
}
