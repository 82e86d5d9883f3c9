import APICore

/// Reads everything one profile can see, for the people view and the risk lens: its identity, its accounts, and in
/// each scope the members, sent invitations and tokens (a service account's credentials too), within the rate-limit
/// budget of its transport.
///
/// A list that cannot be read becomes a problem in words, never a failed sweep: the rest is still worth showing.
public struct InventorySweep: Sendable {
    public let profile: String
    public let directory: any IdentityDirectory
    public let budget: RateBudget?
    /// Scopes read at once.
    public var width = 4

    public init(profile: String, directory: any IdentityDirectory, budget: RateBudget?) {
        self.profile = profile
        self.directory = directory
        self.budget = budget
    }

    /// Runs the sweep; `progress` hears how many scopes are read after each one.
    public func run(progress: @escaping @Sendable (SweepProgress) async -> Void = { _ in }) async -> ProfileInventory {
        var inventory = ProfileInventory(profile: profile, provider: directory.provider)
        inventory.pendingMembersAreInvitations = directory.sentInvitationsAreMembers
        do {
            inventory.user = try await directory.currentUser()
        } catch {
            inventory.problems.append("the signed-in identity: \(Self.message(error))")
        }
        var accounts: [Account] = []
        do {
            accounts = try await all(directory.accounts(in: .top, nameFilter: nil))
        } catch {
            inventory.problems.append("the \(directory.provider.displayName) accounts: \(Self.message(error))")
        }
        var pending = [ScopeInventory(scope: .top, account: accounts.first { $0.scopeKind == nil })]
        pending += accounts.compactMap { account in
            account.scopeNode.map { ScopeInventory(scope: Scope([$0]), account: account) }
        }
        var total = pending.count
        await progress(SweepProgress(done: 0, total: total))
        await withTaskGroup(of: (ScopeInventory, [String]).self) { group in
            var running = 0
            while !pending.isEmpty || running > 0 {
                while running < width, !pending.isEmpty {
                    let target = pending.removeFirst()
                    running += 1
                    group.addTask { await read(target) }
                }
                guard let (scope, problems) = await group.next() else { break }
                running -= 1
                inventory.scopes.append(scope)
                inventory.problems += problems
                // A service account holds credentials: its own scope, read for its tokens alone.
                let holders = scope.tokens.compactMap(\.scopeNode).map {
                    ScopeInventory(scope: scope.scope.entering($0))
                }
                pending += holders
                total += holders.count
                await progress(SweepProgress(done: inventory.scopes.count, total: total))
            }
        }
        // Scopes in a stable order (the order of the accounts list), whatever order they finished in.
        let order = Dictionary(
            (([Scope.top] + accounts.compactMap { $0.scopeNode.map { Scope([$0]) } }).enumerated()).map { ($1, $0) },
            uniquingKeysWith: { first, _ in first })
        inventory.scopes.sort { lhs, rhs in
            let left = order[Scope(Array(lhs.scope.path.prefix(1)))] ?? Int.max
            let right = order[Scope(Array(rhs.scope.path.prefix(1)))] ?? Int.max
            return left != right ? left < right : lhs.scope.path.count < rhs.scope.path.count
        }
        return inventory
    }

    /// One scope's rows; a service account's scope has only tokens.
    private func read(_ target: ScopeInventory) async -> (ScopeInventory, [String]) {
        var result = target
        var problems: [String] = []
        let scope = target.scope
        let place = scope.leaf.map { "\($0.kind.rawValue) \($0.name)" } ?? "the top level"
        func attempt<Item>(_ what: String, _ listing: Listing<Item>) async -> [Item] {
            do {
                return try await all(listing)
            } catch {
                if (error as? APIError)?.kind != .unsupported {
                    problems.append("\(what) of \(place): \(Self.message(error))")
                }
                return []
            }
        }
        result.tokens = await attempt("tokens", directory.tokens(in: scope))
        guard scope.leaf?.kind != .serviceAccount else { return (result, problems) }
        result.members = await attempt("members", directory.members(in: scope, status: nil))
        result.invitations = await attempt("invitations", directory.sentInvitations(in: scope))
        if let organization = scope.leaf, organization.kind == .organization {
            if let sso = directory.ssoManaging {
                do {
                    result.ssoEnabled = try await sso.ssoConnection(organizationID: organization.id) != nil
                } catch {
                    problems.append("SSO of \(place): \(Self.message(error))")
                }
            }
            if let identities = directory.identityListing?.identities(in: scope) {
                result.memberSources = await sources(identities, problems: &problems, place: place)
            }
        }
        return (result, problems)
    }

    /// The distinct identity providers of an organization's members (its identities of type user).
    private func sources(_ ledger: Ledger, problems: inout [String], place: String) async -> Set<String> {
        guard let source = ledger.columns.firstIndex(of: "Source") else { return [] }
        let type = ledger.columns.firstIndex(of: "Type")
        do {
            let entries = try await all(ledger.listing)
            return Set(
                entries.compactMap { entry in
                    guard entry.cells.indices.contains(source), !entry.cells[source].isEmpty else { return nil }
                    if let type, entry.cells.indices.contains(type), entry.cells[type] != "user" { return nil }
                    return entry.cells[source]
                })
        } catch {
            if (error as? APIError)?.kind != .unsupported {
                problems.append("identities of \(place): \(Self.message(error))")
            }
            return []
        }
    }

    /// Every item of a listing, page after page, each page waiting for the budget (a sweep is background work: a
    /// user's own keys and writes go first).
    private func all<Item>(_ listing: Listing<Item>) async throws -> [Item] {
        guard let list = listing.pagedList else { return [] }
        var items: [Item] = []
        var cursor: PageCursor? = list.first
        while let current = cursor {
            try Task.checkCancellation()
            try await budget?.waitForBackground(inFlight: { 1 })
            let page = try await list.page(current)
            items += page.items
            cursor = page.next
        }
        return items
    }

    static func message(_ error: any Error) -> String {
        (error as? APIError)?.userMessage ?? "\(error)"
    }
}
