import APICore

extension RecordsViewModel {
    /// Opens the roles of the account in `scope` (`:roles`); Enter reads a role fresh with its permissions.
    @discardableResult
    public func showRoles(in scope: Scope) -> Bool {
        guard let reading = context.directory.roleReading else { return false }
        showLedger(.roles, reading.roles(in: scope), scope: scope)
        return true
    }

    /// Whether the selected row's details are read fresh from the API (a single-item GET).
    public var readsEntriesFresh: Bool { entryReader != nil }

    /// Reads `id` fresh and shows what the server has now in its row (the details view of a row); a failure is a
    /// notice, and the list's copy stays.
    @discardableResult
    public func refreshEntry(id: String) -> Task<Void, Never> {
        guard let reader = entryReader else { return Task {} }
        let kind = kind
        return Task {
            do {
                let entry = try await reader(id)
                guard self.kind == kind else { return }
                list.replaceRow(RecordRow(ledger: entry))
            } catch {
                context.notify(.warning, "Could not read it fresh: \(PagedListModel<Account>.message(for: error))")
            }
        }
    }

    /// Creates a subscription in the view's scope (after the UI's confirmation).
    @discardableResult
    public func createSubscription(_ changes: [String: FieldChange]) -> Task<Void, Never> {
        context.writes.start(createSubscriptionWrite(changes, in: viewScope))
    }

    /// Changes the subscription `id` (after the UI's confirmation).
    @discardableResult
    public func updateSubscription(id: String, _ changes: [String: FieldChange]) -> Task<Void, Never> {
        context.writes.start(updateSubscriptionWrite(id: id, changes, in: viewScope))
    }

    /// Cancels the subscription `id` (after the UI's typed confirmation).
    @discardableResult
    public func deleteSubscription(id: String) -> Task<Void, Never> {
        context.writes.start(deleteSubscriptionWrite(id: id, in: viewScope))
    }

    /// `subscriptions.create`: the new row joins the view when it still shows that scope.
    public func createSubscriptionWrite(_ changes: [String: FieldChange], in scope: Scope) -> WriteSpec<LedgerEntry>? {
        guard let managing = context.directory.subscriptionManaging else { return nil }
        let place = scope.leaf?.name ?? "your user"
        var spec = WriteSpec(
            "subscriptions.create", target: place, activity: "creating a subscription",
            messages: subscriptionMessages("creating a subscription for \(place)")
        ) {
            try await managing.createSubscription(in: scope, changes)
        }.invalidating([.records(Kind.subscriptions.rawValue, scope)])
        spec.apply = { [weak self] entry in
            guard let self, kind == .subscriptions, viewScope == scope else { return }
            list.insertRow(RecordRow(ledger: entry))
        }
        spec.reread = rereadSubscriptions(scope)
        return spec
    }

    /// `subscriptions.update`: the row shows the server's answer.
    public func updateSubscriptionWrite(id: String, _ changes: [String: FieldChange], in scope: Scope)
        -> WriteSpec<LedgerEntry>?
    {
        guard let managing = context.directory.subscriptionManaging else { return nil }
        var spec = WriteSpec(
            "subscriptions.update", target: id, activity: "changing a subscription",
            messages: subscriptionMessages("changing the subscription \(id)")
        ) {
            try await managing.updateSubscription(id: id, in: scope, changes)
        }.invalidating([.records(Kind.subscriptions.rawValue, scope)])
        spec.apply = { [weak self] entry in
            guard let self, kind == .subscriptions else { return }
            list.replaceRow(RecordRow(ledger: entry))
        }
        spec.reread = rereadSubscriptions(scope)
        spec.targetID = id
        return spec
    }

    /// `subscriptions.delete`: the row goes.
    public func deleteSubscriptionWrite(id: String, in scope: Scope) -> WriteSpec<Void>? {
        guard let managing = context.directory.subscriptionManaging else { return nil }
        let messages = WriteMessages<Void>(
            sending: "Cancelling the subscription \(id)…", done: { "Cancelled the subscription \(id)" },
            refused: { "Could not cancel the subscription \(id): \($0)" },
            unknown: { _ in
                "No answer when cancelling the subscription \(id): re-reading the list (nothing was re-sent)"
            })
        var spec = WriteSpec(
            "subscriptions.delete", target: id, activity: "cancelling a subscription", messages: messages
        ) {
            try await managing.deleteSubscription(id: id, in: scope)
        }.invalidating([.records(Kind.subscriptions.rawValue, scope)])
        spec.apply = { [weak self] _ in
            guard let self, kind == .subscriptions else { return }
            list.removeRow(id: id)
        }
        spec.reread = rereadSubscriptions(scope)
        spec.targetID = id
        return spec
    }

    private func subscriptionMessages(_ activity: String) -> WriteMessages<LedgerEntry> {
        WriteMessages(
            sending: "\(activity.prefix(1).uppercased())\(activity.dropFirst())…",
            done: { entry in "Saved: \(entry.cells.prefix(3).filter { !$0.isEmpty }.joined(separator: ", "))" },
            refused: { "Could not finish \(activity): \($0)" },
            unknown: { _ in "No answer when \(activity): re-reading the list (nothing was re-sent)" })
    }

    private func rereadSubscriptions(_ scope: Scope) -> @MainActor () async -> RereadFinding {
        { [weak self] in
            if let self, kind == .subscriptions, viewScope == scope { list.refresh() }
            return RereadFinding()
        }
    }
}
