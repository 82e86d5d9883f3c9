import APICore

/// One membership of a person: where (profile, provider, scope) and the member row there.
public struct PersonMembership: Sendable, Hashable {
    public var profile: String
    public var provider: Provider
    public var scope: Scope
    /// Where, in words: the scope's breadcrumb ("Acme Corp", "Acme AI › Project Atlas").
    public var place: String
    public var member: Member
}

/// An open invitation to a person, sent by a scope.
public struct PersonInvitation: Sendable, Hashable {
    public var profile: String
    public var provider: Provider
    public var scope: Scope
    /// Where, in words: the scope's breadcrumb ("Acme Corp", "Acme AI › Project Atlas").
    public var place: String
    public var invitation: Invitation
}

/// A token or key that is the person's, where the API says whose it is.
public struct PersonKey: Sendable, Hashable {
    public var profile: String
    public var provider: Provider
    public var scope: Scope
    /// Where, in words: the scope's breadcrumb ("Acme Corp", "Acme AI › Project Atlas").
    public var place: String
    public var token: Token
}

/// One person across every profile, matched by email without regard to case.
public struct Person: Sendable, Identifiable, Hashable {
    /// The email, lower-cased: what matches a person across providers.
    public var id: String
    /// The email as first seen.
    public var email: String
    public var name: String?
    public var memberships: [PersonMembership] = []
    public var invitations: [PersonInvitation] = []
    public var keys: [PersonKey] = []

    public init(email: String) {
        id = email.lowercased()
        self.email = email
    }

    /// The providers they appear in, in the order of the profiles.
    public var providers: [Provider] {
        var seen: [Provider] = []
        for provider in memberships.map(\.provider) + invitations.map(\.provider) + keys.map(\.provider)
        where !seen.contains(provider) {
            seen.append(provider)
        }
        return seen
    }

    /// How many organizations, accounts and projects they belong to.
    public var placeCount: Int { Set(memberships.map { "\($0.profile)|\($0.scope)" }).count }

    /// Their most privileged role anywhere (owner > admin > member > viewer), by name.
    public var highestRole: Role? {
        memberships.flatMap(\.member.roles).max { $0.tier < $1.tier }
    }
}

/// Builds the people view's rows from every profile's sweep.
public enum PeopleIndex {
    /// One person per email (case-insensitive), sorted by email; each with their memberships, open invitations and
    /// keys. A pending member that is an invitation (Cloudflare) counts once, as the invitation.
    public static func people(from inventories: [ProfileInventory]) -> [Person] {
        var people: [String: Person] = [:]
        func add(_ email: String, name: String?, _ change: (inout Person) -> Void) {
            let key = email.lowercased()
            var person = people[key] ?? Person(email: email)
            if person.name == nil, let name, !name.isEmpty { person.name = name }
            change(&person)
            people[key] = person
        }
        for inventory in inventories {
            var memberOwners: [String: String] = [:]
            var seenInvitations: Set<String> = []
            for scope in inventory.scopes {
                for member in scope.members where !member.email.isEmpty {
                    if inventory.pendingMembersAreInvitations && member.status == .pending { continue }
                    memberOwners[member.id] = member.email.lowercased()
                    add(member.email, name: member.name) {
                        $0.memberships.append(
                            PersonMembership(
                                profile: inventory.profile, provider: inventory.provider, scope: scope.scope,
                                place: place(scope.scope, inventory), member: member))
                    }
                }
                for invitation in scope.invitations where invitation.status.isOpen {
                    guard let email = invitation.inviteeEmail, !email.isEmpty,
                        seenInvitations.insert(invitation.id).inserted
                    else { continue }
                    add(email, name: nil) {
                        $0.invitations.append(
                            PersonInvitation(
                                profile: inventory.profile, provider: inventory.provider, scope: scope.scope,
                                place: place(scope.scope, inventory), invitation: invitation))
                    }
                }
            }
            for scope in inventory.scopes {
                for token in scope.tokens {
                    guard let email = owner(of: token, memberOwners: memberOwners, user: inventory.user) else {
                        continue
                    }
                    add(email, name: nil) {
                        $0.keys.append(
                            PersonKey(
                                profile: inventory.profile, provider: inventory.provider, scope: scope.scope,
                                place: place(scope.scope, inventory), token: token))
                    }
                }
            }
        }
        return people.values.sorted { $0.id < $1.id }
    }

    /// A scope's breadcrumb; the top level is named by its own Accounts row (an OpenAI organization) if it has one.
    public static func place(_ scope: Scope, _ inventory: ProfileInventory) -> String {
        if !scope.isTop { return scope.path.map(\.name).joined(separator: " › ") }
        let top = inventory.scopes.first { $0.scope.isTop }?.account?.name
        return top ?? "\(inventory.provider.displayName) (own)"
    }

    /// Whose a token is: the user id the provider names, an email in its owner text, or (a user token at the top
    /// level, Cloudflare's) the signed-in identity's.
    static func owner(of token: Token, memberOwners: [String: String], user: UserProfile?) -> String? {
        if let id = token.ownerUserID { return memberOwners[id] }
        if let label = token.ownerLabel,
            let email = label.split(separator: " ").first(where: { $0.contains("@") })
        {
            return String(email).lowercased()
        }
        if token.owner.isTop, token.kind == .apiToken, let user, !user.email.isEmpty { return user.email }
        return nil
    }
}
