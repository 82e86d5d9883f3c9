import APICore
import CloudflareAPI

/// Generates the members of one account: realistic names, about 90 % accepted and 10 % pending, roles and 2FA mixed.
struct CloudflareMemberSeeder {
    /// Email domain of the account's people.
    let domain: String
    /// Whether to plant hostile names among the first rows.
    let hostile: Bool

    /// Members for `record`, `count` in all, the demo user first when `userMember` is given.
    func populate(
        _ record: inout CloudflareAccountRecord, count: Int, userMember: Cloudflare.Member?, rng: inout SplitMix64
    ) {
        var emailCounts: [String: Int] = [:]
        for index in 0..<count {
            if index == 0, let userMember {
                record.append(userMember)
                record.userMemberID = userMember.id
                continue
            }
            if hostile, let member = hostileMember(at: index, record: record, rng: &rng) {
                record.append(member)
                continue
            }
            record.append(regularMember(record: record, emailCounts: &emailCounts, rng: &rng))
        }
    }

    private func regularMember(
        record: CloudflareAccountRecord, emailCounts: inout [String: Int], rng: inout SplitMix64
    ) -> Cloudflare.Member {
        let (first, firstSlug) = rng.pick(NameCatalogue.firstNames)
        let (last, lastSlug) = rng.pick(NameCatalogue.lastNames)
        let base = "\(firstSlug).\(lastSlug)"
        let seen = emailCounts[base, default: 0]
        emailCounts[base] = seen + 1
        let email = seen == 0 ? "\(base)@\(domain)" : "\(base)\(seen + 1)@\(domain)"

        // The SDK's Member model allows only "accepted" and "pending" (strict validation rejects "rejected").
        let status: Cloudflare.MemberStatus = rng.int(in: 0...999) < 905 ? .accepted : .pending
        let roles = pickRoles(record: record, rng: &rng)
        let memberID = rng.hexID()
        let userID = rng.hexID()
        let twoFactor = rng.chance(0.72)
        let knowsName = rng.chance(0.5)

        let user: Cloudflare.MemberUser
        if status == .accepted {
            user = Cloudflare.MemberUser(
                email: email, id: userID, firstName: first, lastName: last, twoFactorAuthenticationEnabled: twoFactor)
        } else {
            user = Cloudflare.MemberUser(
                email: email, id: nil, firstName: knowsName ? first : nil, lastName: knowsName ? last : nil,
                twoFactorAuthenticationEnabled: false)
        }
        return Cloudflare.Member(id: memberID, email: email, status: OpenEnum(status), user: user, roles: roles)
    }

    private func pickRoles(record: CloudflareAccountRecord, rng: inout SplitMix64) -> [Cloudflare.Role] {
        let draw = rng.int(in: 0...99)
        switch draw {
        case 0..<3: return record.roles(named: [CloudflareRoleCatalogue.superAdministrator])
        case 3..<13: return record.roles(named: [CloudflareRoleCatalogue.administrator])
        case 13..<35: return record.roles(named: [CloudflareRoleCatalogue.administratorReadOnly])
        default:
            let specific = Array(record.roles.dropFirst(3))
            guard !specific.isEmpty else { return [] }
            let first = rng.pick(specific)
            let second = rng.pick(specific)
            return rng.chance(0.3) && second.id != first.id ? [first, second] : [first]
        }
    }

    /// Hostile rows at fixed early positions, so they land on the first page.
    private func hostileMember(
        at index: Int, record: CloudflareAccountRecord, rng: inout SplitMix64
    ) -> Cloudflare.Member? {
        let spec: (first: String, last: String, email: String)
        switch index {
        case 2:
            spec = (
                "\(HostileText.clearScreen)\(HostileText.red)Mallory",
                "Malicious\(HostileText.bell)\(HostileText.backspace)\(HostileText.backspace)", "mallory@evil.example"
            )
        case 4: spec = ("Eve", "\(HostileText.rightToLeftOverride)fdp.exe", "eve@evil.example")
        case 6: spec = (HostileText.zalgo, "Combining", "zalgo@evil.example")
        case 8: spec = ("太郎", "開発 🚀", "taro@kaihatsu.example")
        case 10: spec = ("Longname", HostileText.longName, "long.name@\(domain)")
        case 12:
            spec = ("👩\(HostileText.zeroWidthJoiner)💻 Dev", "Zero\(HostileText.zeroWidthJoiner)Width", "zwj@\(domain)")
        case 14: spec = ("Clip", "Board\(HostileText.osc52)", "clip\(HostileText.osc52)@evil.example")
        default: return nil
        }
        let user = Cloudflare.MemberUser(
            email: spec.email, id: rng.hexID(), firstName: spec.first, lastName: spec.last,
            twoFactorAuthenticationEnabled: index % 4 == 0)
        return Cloudflare.Member(
            id: rng.hexID(), email: spec.email, status: OpenEnum(.accepted), user: user,
            roles: record.roles(named: [CloudflareRoleCatalogue.administratorReadOnly]))
    }
}
