import APICore
import ConsoleModel

extension ScriptContext {
    /// The scope `options` name: the top level without `--account`; else that row of `accounts list` entered (an
    /// OpenAI organization row is the top level), then a Keycard service account in it.
    func scope(_ options: ScopeOptions) async throws -> Scope {
        guard let accountID = options.account else {
            if options.serviceAccount != nil { throw ScriptFailure.usage("--service-account needs --account") }
            return .top
        }
        let accounts = try await all(directory.accounts(in: .top, nameFilter: nil))
        guard let account = accounts.first(where: { $0.id == accountID }) else {
            throw ScriptFailure.usage(
                "no account, organization or project has the id \(accountID) (see orgtui accounts list)")
        }
        var scope = account.scopeNode.map { Scope([$0]) } ?? .top
        if let serviceAccountID = options.serviceAccount {
            let rows = try await all(directory.tokens(in: scope))
            guard let node = rows.first(where: { $0.id == serviceAccountID })?.scopeNode else {
                throw ScriptFailure.usage("no service account has the id \(serviceAccountID) in \(account.name)")
            }
            scope = scope.entering(node)
        }
        return scope
    }

    /// The row of `accounts list` with `id`.
    func account(_ id: String) async throws -> Account {
        let accounts = try await all(directory.accounts(in: .top, nameFilter: nil))
        guard let account = accounts.first(where: { $0.id == id }) else {
            throw ScriptFailure.failed(
                "no account, organization or project has the id \(id) (see orgtui accounts list)")
        }
        return account
    }

    /// The token `id` in the scope `options` name.
    func token(_ id: String, in options: ScopeOptions) async throws -> Token {
        try await token(id, in: try await scope(options))
    }

    /// The token, key or credential `id` of `scope`, as listed; without `--account`, an account's (or project's)
    /// token is found too, so `tokens roll ID` works for either.
    func token(_ id: String, in scope: Scope) async throws -> Token {
        if let token = try await all(directory.tokens(in: scope)).first(where: { $0.id == id }) { return token }
        if scope.isTop {
            for account in try await all(directory.accounts(in: .top, nameFilter: nil)) {
                guard let node = account.scopeNode else { continue }
                let rows = (try? await all(directory.tokens(in: Scope([node])))) ?? []
                if let token = rows.first(where: { $0.id == id }) { return token }
            }
        }
        throw ScriptFailure.failed("no token has the id \(id) \(Self.place(scope)) (see orgtui tokens list)")
    }

    /// The member `id` of `scope`.
    func member(_ id: String, in scope: Scope) async throws -> Member {
        let members = try await all(directory.members(in: scope, status: nil))
        guard let member = members.first(where: { $0.id == id || $0.email.caseInsensitiveCompare(id) == .orderedSame })
        else {
            throw ScriptFailure.failed(
                "no member has the id or email \(id) \(Self.place(scope)) (see orgtui members list)")
        }
        return member
    }

    /// The invitation `id` the signed-in user received.
    func receivedInvitation(_ id: String) async throws -> Invitation {
        guard let answering = directory.invitationAnswering else {
            throw ScriptFailure.usage("\(directory.provider.displayName) has no invitations to answer")
        }
        guard let invitation = try await all(answering.receivedInvitations()).first(where: { $0.id == id }) else {
            throw ScriptFailure.failed("no invitation to you has the id \(id) (see orgtui invites list)")
        }
        return invitation
    }

    /// The invitation `id` that `scope` sent.
    func sentInvitation(_ id: String, in scope: Scope) async throws -> Invitation {
        guard let invitation = try await all(directory.sentInvitations(in: scope)).first(where: { $0.id == id }) else {
            throw ScriptFailure.failed("no invitation has the id \(id) \(Self.place(scope)) (see orgtui invites list)")
        }
        return invitation
    }

    /// Roles by id or name (case-insensitive) among `available`.
    static func roles(_ wanted: [String], among available: [Role]) throws -> [Role] {
        try wanted.map { name in
            guard
                let role = available.first(where: {
                    $0.id == name || $0.name.caseInsensitiveCompare(name) == .orderedSame
                })
            else {
                let names = available.map(\.name).joined(separator: ", ")
                throw ScriptFailure.usage("no role '\(name)' here; the roles are: \(names)")
            }
            return role
        }
    }

    /// Permission groups by id or name (case-insensitive) among `available`.
    static func groups(_ wanted: [String], among available: [PermissionGroup]) throws -> [PermissionGroup] {
        try wanted.map { name in
            guard
                let group = available.first(where: {
                    $0.id == name || $0.name.caseInsensitiveCompare(name) == .orderedSame
                })
            else { throw ScriptFailure.usage("no permission group '\(name)' here") }
            return group
        }
    }

    static func place(_ scope: Scope) -> String {
        scope.leaf.map { "in \($0.name)" } ?? "at the top level"
    }
}
