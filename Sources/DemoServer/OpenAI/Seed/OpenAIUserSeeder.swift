import APICore
import OpenAIAdminAPI

/// Generates the organization's users (the demo user first, hostile names early) and their role assignments.
struct OpenAIUserSeeder {
    let now: Int
    let roles: [OpenAIAdmin.Role]
    /// Email domain of the organization's people.
    static let domain = "acme-ai.example"

    /// `count` users in list order (oldest first) and each one's assigned role ids, the predefined role first.
    func users(count: Int, rng: inout SplitMix64) -> ([OpenAIAdmin.OrganizationUser], [String: [String]]) {
        let span = 3 * 365 * 86_400
        let step = max(span / max(count, 1), 1)
        var users: [OpenAIAdmin.OrganizationUser] = []
        users.reserveCapacity(count)
        var assignments: [String: [String]] = [:]
        var emailCounts: [String: Int] = [:]
        for index in 0..<count {
            let addedAt = now - span + index * step + rng.int(in: 0...max(step - 1, 0))
            let id = OpenAIIdentifiers.make("user-", using: &rng)
            let person: (name: String, email: String)
            let role: OpenAIAdmin.OrganizationRole
            if index == 0 {
                person = ("Alex Morgan", "alex.morgan@example.com")
                role = .owner
            } else if let hostile = Self.hostilePerson(at: index) {
                person = hostile
                role = .reader
            } else {
                person = regularPerson(emailCounts: &emailCounts, rng: &rng)
                role = rng.int(in: 0...99) < 4 ? .owner : .reader
            }
            let lastUsed = rng.chance(0.6) ? now - rng.int(in: 60...(90 * 86_400)) : nil
            users.append(
                OpenAIAdmin.OrganizationUser(
                    id: id, addedAt: addedAt, email: person.email, name: person.name, role: OpenEnum(role),
                    created: addedAt - rng.int(in: 0...(400 * 86_400)), apiKeyLastUsedAt: lastUsed,
                    isDefault: index == 0, isServiceAccount: false, isScimManaged: index > 0 && rng.chance(0.05)))
            assignments[id] = assignedRoles(base: role, isDemoUser: index == 0, rng: &rng)
        }
        return (users, assignments)
    }

    private func regularPerson(emailCounts: inout [String: Int], rng: inout SplitMix64) -> (String, String) {
        let (first, firstSlug) = rng.pick(NameCatalogue.firstNames)
        let (last, lastSlug) = rng.pick(NameCatalogue.lastNames)
        let base = "\(firstSlug).\(lastSlug)"
        let seen = emailCounts[base, default: 0]
        emailCounts[base] = seen + 1
        let email = seen == 0 ? "\(base)@\(Self.domain)" : "\(base)\(seen + 1)@\(Self.domain)"
        return ("\(first) \(last)", email)
    }

    /// The predefined role for `base`, plus a custom role for some people (two for the demo user).
    private func assignedRoles(base: OpenAIAdmin.OrganizationRole, isDemoUser: Bool, rng: inout SplitMix64)
        -> [String]
    {
        var ids = roles.first { $0.predefinedRole && $0.name == base.rawValue }.map { [$0.id] } ?? []
        let custom = roles.filter { !$0.predefinedRole }
        guard !custom.isEmpty else { return ids }
        if isDemoUser {
            ids += custom.prefix(2).map(\.id)
        } else if rng.chance(0.15) {
            ids.append(rng.pick(custom).id)
        }
        return ids
    }

    /// Hostile people at fixed early positions, so they land on the first page.
    static func hostilePerson(at index: Int) -> (name: String, email: String)? {
        switch index {
        case 2:
            ("\(HostileText.clearScreen)\(HostileText.red)Mallory Malicious\(HostileText.bell)", "mallory@evil.example")
        case 4: ("Eve \(HostileText.rightToLeftOverride)fdp.exe", "eve@evil.example")
        case 6: ("\(HostileText.zalgo) Combining", "zalgo@evil.example")
        case 8: ("太郎 開発 🚀", "taro@kaihatsu.example")
        case 10: ("Longname \(HostileText.longName)", "long.name@\(domain)")
        case 12: ("👩\(HostileText.zeroWidthJoiner)💻 Zero\(HostileText.zeroWidthJoiner)Width", "zwj@\(domain)")
        case 14: ("Clip Board\(HostileText.osc52)", "clip\(HostileText.osc52)@evil.example")
        default: nil
        }
    }
}
