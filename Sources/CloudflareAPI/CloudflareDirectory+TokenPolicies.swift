/// A token's policies from the permissions picked: one policy per effect and scope, each group bound to a resource
/// of its own kind, as the dashboard does: account groups to the account (or every account), zone groups to the
/// account's zones, user groups to the user, R2 bucket groups to the account's buckets.
import APICore

extension CloudflareDirectory {
    static let accountScope = "com.cloudflare.api.account"
    static let zoneScope = "com.cloudflare.api.account.zone"
    static let userScope = "com.cloudflare.api.user"
    static let bucketScope = "com.cloudflare.edge.r2.bucket"

    /// The kind of resource a group's scope string names.
    static func permissionScope(_ scope: String?) -> PermissionScope {
        switch scope {
        case zoneScope?: .zone
        case userScope?: .user
        case bucketScope?: .bucket
        default: .account
        }
    }

    /// The policies of `grants` for a token owned by `scope`: allow before deny, one per kind of resource.
    func policies(_ grants: TokenGrants, in scope: Scope) async throws -> [Cloudflare.TokenPolicy] {
        guard !grants.allowed.isEmpty else {
            throw APIError(kind: .refused, detail: "Pick at least one permission to allow: nothing was sent")
        }
        var account: String?
        switch grants.resources {
        case .scopedAccount:
            guard let node = scope.node(.account) else {
                throw APIError(kind: .refused, detail: "No account is in scope: pick all accounts, or enter one first")
            }
            account = try Self.id(node.id, of: "account")
        case .allAccounts:
            account = nil
        case .account(let id):
            account = try Self.id(id, of: "account")
        }
        let needsUser = (grants.allowed + grants.denied).contains { $0.appliesTo == .user }
        let userID = needsUser ? try await client.user().id : nil
        var policies: [Cloudflare.TokenPolicy] = []
        for (effect, groups) in [(Cloudflare.PolicyEffect.allow, grants.allowed), (.deny, grants.denied)] {
            for kind in [PermissionScope.account, .zone, .user, .bucket] {
                let chosen = groups.filter { $0.appliesTo == kind }
                guard !chosen.isEmpty else { continue }
                policies.append(
                    Cloudflare.TokenPolicy(
                        effect: OpenEnum(effect), permissionGroups: chosen.map { .init(id: $0.id) },
                        resources: try Self.resources(for: kind, account: account, userID: userID)))
            }
        }
        return policies
    }

    /// The resources a group of `kind` is bound to: in one account, or in every account when `account` is nil.
    static func resources(for kind: PermissionScope, account: String?, userID: String?) throws -> [String: JSONValue] {
        func inAccount(_ leaf: String) -> [String: JSONValue] {
            guard let account else { return [leaf: .string("*")] }
            return ["\(accountScope).\(account)": .object([leaf: .string("*")])]
        }
        switch kind {
        case .account: return ["\(accountScope).\(account ?? "*")": .string("*")]
        case .zone: return inAccount("\(zoneScope).*")
        case .bucket: return inAccount("\(bucketScope).*")
        case .user:
            guard let userID, !userID.isEmpty else {
                throw APIError(kind: .refused, detail: "The user's id is unknown: nothing was sent")
            }
            return ["\(userScope).\(userID)": .string("*")]
        }
    }

    /// The groups a token's policies allow and deny (matched by name or id) and the account they are bound to: every
    /// account when a key says `*`, else the one account its keys name.
    public func grants(of token: Token, among groups: [PermissionGroup]) -> TokenGrants? {
        func picked(_ allows: Bool) -> [PermissionGroup] {
            let named = Set(token.policies.filter { $0.allows == allows }.flatMap(\.permissionGroups))
            return groups.filter { named.contains($0.name) || named.contains($0.id) }
        }
        let prefix = "\(Self.accountScope)."
        let accounts = token.policies.flatMap(\.resources).filter {
            $0.hasPrefix(prefix) && !$0.hasPrefix(Self.zoneScope)
        }
        .map { String($0.dropFirst(prefix.count)) }
        let resources: TokenResources =
            accounts.contains("*") || accounts.isEmpty
            ? .allAccounts : .account(id: accounts.first ?? "")
        return TokenGrants(allowed: picked(true), denied: picked(false), resources: resources)
    }
}
