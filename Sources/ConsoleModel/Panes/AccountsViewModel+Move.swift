import APICore

extension AccountsViewModel {
    /// Moves an account into another organization of its tenant (after the UI's confirmation naming the account,
    /// where it is and where it goes). The accounts are read again after it (their `managed_by` changed); on an
    /// unknown outcome the account's organizations are read to say where the server now has it. Never re-sent.
    @discardableResult
    public func move(_ account: Account, to destination: TenantOrganization) -> Task<Void, Never> {
        context.writes.start(moveWrite(account, to: destination))
    }

    /// `accounts.move`: the accounts and the account's details are read again whatever the server did.
    func moveWrite(_ account: Account, to destination: TenantOrganization) -> WriteSpec<Void>? {
        guard let moving = context.directory.accountMoving else { return nil }
        let messages = WriteMessages<Void>(
            sending: "Moving account \(account.name) to \(destination.name)…",
            done: { "Moved account \(account.name) to \(destination.name)" },
            refused: { "Could not move account \(account.name): \($0)" },
            unknown: {
                "No answer after moving account \(account.name); the server now shows it \($0.shownOrUnread). Nothing was re-sent."
            })
        var spec = WriteSpec(
            "accounts.move", target: "\(account.name) → \(destination.name)", activity: "moving an account",
            messages: messages
        ) {
            _ = try await moving.moveAccount(account, to: destination)
        }.invalidating([.accounts])
        spec.reloadWhenDone = { [weak self] in
            self?.list.refresh()
            self?.onAccountMoved?(account)
        }
        spec.reread = { [weak self] in
            self?.list.refresh()
            self?.onAccountMoved?(account)
            guard let path = try? await moving.organizationPath(of: account) else { return RereadFinding() }
            let place = path.last.map { "in \($0.name)" } ?? "in no organization"
            return RereadFinding(shown: place, tookEffect: path.last?.id == destination.id)
        }
        spec.targetID = account.id
        return spec
    }
}
