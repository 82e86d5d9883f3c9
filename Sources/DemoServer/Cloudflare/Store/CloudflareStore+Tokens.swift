import APICore
import CloudflareAPI
import Foundation

extension CloudflareStore {
    /// The token `id` of `owner`, or 404.
    func tokenRecord(owner: CloudflareTokenOwner, id: String) throws -> CloudflareTokenRecord {
        guard let record = tokens[id], record.owner == owner else { throw DemoAPIError.notFound }
        return record
    }

    /// A page of `owner`'s tokens; expired ones only when asked for.
    func listTokens(
        owner: CloudflareTokenOwner, includeExpired: Bool, descending: Bool, page: CloudflarePageRequest
    ) -> ([Cloudflare.Token], Cloudflare.ResultInfo) {
        let now = wallClock.now()
        var list = (tokenOrder[owner] ?? []).compactMap { tokens[$0] }.map { Self.presented($0.token, at: now) }
        if !includeExpired { list.removeAll { $0.status?.value == .expired } }
        if descending { list.reverse() }
        return page.slice(list)
    }

    /// The token `id` of `owner` as the API shows it.
    func token(owner: CloudflareTokenOwner, id: String) throws -> Cloudflare.Token {
        Self.presented(try tokenRecord(owner: owner, id: id).token, at: wallClock.now())
    }

    /// Creates a token; the result carries its secret, this once.
    func createToken(owner: CloudflareTokenOwner, body: Cloudflare.TokenBody) throws -> Cloudflare.TokenWithValue {
        if body.policies.contains(where: { $0.id != nil }) {
            throw DemoAPIError.invalidBody("Reusing existing policies is not supported by token creation")
        }
        try validate(body)
        let now = nowString()
        var creator: String?
        if case .account = owner { creator = user.email }
        let token = Cloudflare.Token(
            id: newID(), name: body.name, status: OpenEnum(.active), issuedOn: now, modifiedOn: now,
            lastUsedOn: nil, notBefore: body.notBefore, expiresOn: body.expiresOn, condition: body.condition,
            policies: try normalizedPolicies(body.policies), creatorEmailAtCreation: creator)
        let record = CloudflareTokenRecord(token: token, secret: SecretGenerator.tokenSecret(), owner: owner)
        tokens[record.id] = record
        tokenOrder[owner, default: []].append(record.id)
        secretIndex[record.secret] = record.id
        return Cloudflare.TokenWithValue(token: token, value: record.secret)
    }

    /// Replaces a token's name, policies, condition, dates and (optionally) status.
    func updateToken(owner: CloudflareTokenOwner, id: String, body: Cloudflare.TokenBody) throws -> Cloudflare.Token {
        var record = try tokenRecord(owner: owner, id: id)
        try validate(body)
        if let status = body.status, status.value == nil {
            throw DemoAPIError.invalidBody("status must be one of active, disabled, expired")
        }
        record.token.name = body.name
        record.token.policies = try normalizedPolicies(body.policies)
        record.token.condition = body.condition
        record.token.expiresOn = body.expiresOn
        record.token.notBefore = body.notBefore
        if let status = body.status { record.token.status = status }
        record.token.modifiedOn = nowString()
        tokens[id] = record
        return Self.presented(record.token, at: wallClock.now())
    }

    /// Deletes a token; its secret stops working at once.
    func deleteToken(owner: CloudflareTokenOwner, id: String) throws {
        let record = try tokenRecord(owner: owner, id: id)
        tokens[id] = nil
        tokenOrder[owner]?.removeAll { $0 == id }
        secretIndex[record.secret] = nil
    }

    /// Rolls a token: a new secret, the old one stops working at once. Returns the new secret.
    func rollToken(owner: CloudflareTokenOwner, id: String) throws -> String {
        var record = try tokenRecord(owner: owner, id: id)
        secretIndex[record.secret] = nil
        record.secret = SecretGenerator.tokenSecret()
        record.token.modifiedOn = nowString()
        tokens[id] = record
        secretIndex[record.secret] = id
        if id == loginTokenID { loginSecret.value = record.secret }
        return record.secret
    }

    /// The secret a token signs with now (for tests that check no secret leaked anywhere).
    public func currentSecret(ofToken id: String) -> String? { tokens[id]?.secret }

    /// The calling token, when it belongs to `owner`'s collection; 401 1000 otherwise.
    func verify(owner: CloudflareTokenOwner, caller: CloudflareCaller?) throws -> Cloudflare.TokenVerification {
        guard let id = caller?.tokenID, let record = tokens[id], record.owner == owner else {
            throw DemoAPIError.invalidAPIToken
        }
        let token = Self.presented(record.token, at: wallClock.now())
        return Cloudflare.TokenVerification(
            id: id, status: token.status ?? OpenEnum(.active), expiresOn: token.expiresOn, notBefore: token.notBefore)
    }

    /// The permission group catalogue, filtered by name (substring, case-insensitive) and scope.
    func permissionGroups(name: String?, scope: String?) -> [Cloudflare.PermissionGroup] {
        permissionGroups.filter { group in
            if let name, !name.isEmpty, group.name?.localizedCaseInsensitiveContains(name) != true { return false }
            if let scope, !scope.isEmpty, group.scopes?.contains(scope) != true { return false }
            return true
        }
    }

    /// A token as the API shows it: an active token past `expires_on` reads as expired.
    static func presented(_ token: Cloudflare.Token, at now: Date) -> Cloudflare.Token {
        var token = token
        if token.status?.value == .active, let expires = Timestamp.parse(token.expiresOn), expires <= now {
            token.status = OpenEnum(.expired)
        }
        return token
    }

    private func validate(_ body: Cloudflare.TokenBody) throws {
        if body.name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DemoAPIError.invalidBody("name must not be empty")
        }
        if body.policies.isEmpty { throw DemoAPIError.invalidBody("policies must contain at least one policy") }
        for (field, value) in [("expires_on", body.expiresOn), ("not_before", body.notBefore)] {
            if let value, Timestamp.parse(value) == nil {
                throw DemoAPIError.invalidBody("\(field) must be an RFC 3339 date-time")
            }
        }
    }

    /// Policies with ids and permission group names filled in; unknown groups and empty resources are refused.
    private func normalizedPolicies(_ policies: [Cloudflare.TokenPolicy]) throws -> [Cloudflare.TokenPolicy] {
        try policies.map { policy in
            guard policy.effect.value != nil else { throw DemoAPIError.invalidBody("effect must be allow or deny") }
            guard !policy.permissionGroups.isEmpty else {
                throw DemoAPIError.invalidBody("permission_groups must not be empty")
            }
            guard !policy.resources.isEmpty else { throw DemoAPIError.invalidBody("resources must not be empty") }
            var policy = policy
            policy.id = policy.id ?? newID()
            policy.permissionGroups = try policy.permissionGroups.map { reference in
                guard let group = permissionGroups.first(where: { $0.id == reference.id }) else {
                    throw DemoAPIError.invalidBody("Permission group \(reference.id) does not exist")
                }
                try Self.checkScope(of: group, against: policy.resources)
                return Cloudflare.PermissionGroupReference(id: reference.id, name: group.name, meta: reference.meta)
            }
            return policy
        }
    }

    /// A group applies to one kind of resource (its scope); a policy binding it to resources of another kind is
    /// refused, as the API refuses a zone permission on an account resource.
    private static func checkScope(of group: Cloudflare.PermissionGroup, against resources: [String: JSONValue]) throws
    {
        guard let scope = group.scopes?.first else { return }
        let leaves = resources.flatMap { key, value -> [String] in
            if case .object(let nested) = value { return Array(nested.keys) }
            return [key]
        }
        for leaf in leaves.sorted() where resourceScope(leaf) != scope {
            throw DemoAPIError.invalidBody(
                "Permission group '\(group.name ?? group.id ?? "")' applies to \(scope) resources, not to \(leaf)")
        }
    }

    /// The scope a resource key belongs to: `com.cloudflare.api.account.zone.*` is a zone, and so on.
    static func resourceScope(_ key: String) -> String {
        for scope in ["com.cloudflare.api.user", "com.cloudflare.api.account.zone", "com.cloudflare.edge.r2.bucket"]
        where key.hasPrefix(scope + ".") {
            return scope
        }
        return "com.cloudflare.api.account"
    }

    // MARK: Inspection

    /// The current secret of a token, user- or account-owned.
    public func secret(ofTokenID id: String) -> String? { tokens[id]?.secret }

    /// The tokens of `owner`, expired ones included, as the API shows them.
    public func tokens(of owner: CloudflareTokenOwner) -> [Cloudflare.Token] {
        (tokenOrder[owner] ?? []).compactMap { tokens[$0] }.map { Self.presented($0.token, at: wallClock.now()) }
    }

    /// One token by id, whoever owns it.
    public func token(id: String) -> Cloudflare.Token? {
        tokens[id].map { Self.presented($0.token, at: wallClock.now()) }
    }

    /// The id of the token whose current secret is `secret`.
    public func tokenID(forSecret secret: String) -> String? { secretIndex[secret] }
}
