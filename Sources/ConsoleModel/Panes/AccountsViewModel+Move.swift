import APICore

extension AccountsViewModel {
    /// Moves an account into another organization of its tenant (after the UI's confirmation naming the account,
    /// where it is and where it goes). The accounts are read again after it (their `managed_by` changed); on an
    /// unknown outcome the account's organizations are read to say where the server now has it. Never re-sent.
    @discardableResult
    public func move(_ account: Account, to destination: TenantOrganization) -> Task<Void, Never> {
        Task {
            guard let moving = context.directory.accountMoving, context.mayWrite("moving an account") else { return }
            context.notify(.info, "Moving account \(account.name) to \(destination.name)…")
            switch await WriteOutcome.of({ try await moving.moveAccount(account, to: destination) }) {
            case .done:
                await context.invalidate([.accounts])
                list.refresh()
                onAccountMoved?(account)
                context.notify(.success, "Moved account \(account.name) to \(destination.name)")
            case .failed(let message):
                context.notify(.error, "Could not move account \(account.name): \(message)")
            case .unknown:
                await context.invalidate([.accounts])
                list.refresh()
                onAccountMoved?(account)
                let path = try? await moving.organizationPath(of: account)
                let place = path.map { $0.last.map { "in \($0.name)" } ?? "in no organization" } ?? "unknown (could not re-read)"
                context.notify(
                    .warning,
                    "No answer after moving account \(account.name); the server now shows it \(place). Nothing was re-sent.")
            }
        }
    }
}
