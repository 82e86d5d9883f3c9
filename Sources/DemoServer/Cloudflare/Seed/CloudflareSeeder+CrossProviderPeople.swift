import APICore
import CloudflareAPI

extension CloudflareSeeder {
    /// User ids of the people (hand-written: no seeded generator is drawn for them). Pending people have none.
    private static let crossProviderUserIDs = [
        CrossProviderPeople.jordan.key: "b216dee6f349d1c7c929e57822202d0e",
        CrossProviderPeople.priya.key: "7a378621fa73c76ee544e97a062febe2",
    ]

    /// Member ids by person and account position ("jordan@0").
    private static let crossProviderMemberIDs = [
        "\(CrossProviderPeople.jordan.key)@0": "ceaacfe6658709f93538cba674d16e05",
        "\(CrossProviderPeople.jordan.key)@1": "800e802157fd7caf083e26f07e0ac07f",
        "\(CrossProviderPeople.priya.key)@0": "4b902317a1f308bfc460927c566c385f",
        "\(CrossProviderPeople.sam.key)@0": "0ea49892f76b799e136a09364a2ebea5",
    ]

    /// Puts the cross-provider people's memberships in place of each account's last generated members.
    func appendCrossProviderPeople(to accounts: inout [CloudflareAccountRecord]) {
        // In place of the last generated members: each account keeps the member count it was configured with.
        for membership in CrossProviderPeople.cloudflareMemberships where accounts.indices.contains(membership.account)
        {
            accounts[membership.account].removeLastMember()
        }
        for membership in CrossProviderPeople.cloudflareMemberships {
            let person = membership.person
            guard accounts.indices.contains(membership.account),
                let memberID = Self.crossProviderMemberIDs["\(person.key)@\(membership.account)"]
            else { continue }
            let user: Cloudflare.MemberUser
            if membership.pending {
                // An invitee has no Cloudflare user yet: no id, and no two-factor to speak of.
                user = Cloudflare.MemberUser(
                    email: membership.email, id: nil, firstName: person.firstName, lastName: person.lastName,
                    twoFactorAuthenticationEnabled: false)
            } else {
                user = Cloudflare.MemberUser(
                    email: membership.email, id: Self.crossProviderUserIDs[person.key], firstName: person.firstName,
                    lastName: person.lastName, twoFactorAuthenticationEnabled: membership.twoFactor)
            }
            let record = accounts[membership.account]
            accounts[membership.account].append(
                Cloudflare.Member(
                    id: memberID, email: membership.email,
                    status: OpenEnum(membership.pending ? .pending : .accepted), user: user,
                    roles: record.roles(named: [membership.role])))
        }
    }
}
