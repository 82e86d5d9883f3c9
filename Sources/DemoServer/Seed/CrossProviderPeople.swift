import KeycardAPI
import OpenAIAdminAPI

/// A person the demo seeds into more than one provider; `key` names them in each seeder's table of fixed ids.
struct CrossProviderPerson: Sendable, Hashable {
    let key: String
    let firstName: String
    let lastName: String

    var name: String { "\(firstName) \(lastName)" }
}

/// The people who appear in several providers, so the people view, offboarding and the risk lens find someone.
///
/// Every record here is hand-written and appended after the generated ones: no seeded generator is drawn for them,
/// so the generated records (and their ids) stay as they were. Emails differ in case between providers on purpose.
/// Scopes are positions in each provider's seeded list (0 is the first account or organization); ages are in days
/// before the seeders' own "now".
enum CrossProviderPeople {
    /// A departed contractor: the offboarding candidate, with stale keys and a pending invitation.
    static let jordan = CrossProviderPerson(key: "jordan", firstName: "Jordan", lastName: "Blake")
    /// An owner everywhere, with a differently cased email in each provider.
    static let priya = CrossProviderPerson(key: "priya", firstName: "Priya", lastName: "Shah")
    /// Someone with open (and lapsed) invitations.
    static let sam = CrossProviderPerson(key: "sam", firstName: "Sam", lastName: "Okoro")

    // MARK: Cloudflare

    /// A membership of a Cloudflare account; a pending one is the invitation the account sent.
    struct CloudflareMembership: Sendable {
        var person: CrossProviderPerson
        var email: String
        /// Position in the accounts list.
        var account: Int
        /// A role name of `CloudflareRoleCatalogue`.
        var role: String
        var pending = false
        var twoFactor: Bool
        /// When the membership was offered (a Cloudflare member has no date field: the age is not served).
        var invitedDaysAgo: Int
    }

    /// Members of the first accounts ("Acme Corp" enforces two-factor, "Globex Staging" does not).
    static let cloudflareMemberships: [CloudflareMembership] = [
        CloudflareMembership(
            person: jordan, email: "jordan.blake@example.com", account: 0, role: CloudflareRoleCatalogue.administrator,
            twoFactor: false, invitedDaysAgo: 420),
        CloudflareMembership(
            person: jordan, email: "jordan.blake@example.com", account: 1, role: "Analytics", twoFactor: false,
            invitedDaysAgo: 380),
        CloudflareMembership(
            person: priya, email: "priya.shah@example.com", account: 0,
            role: CloudflareRoleCatalogue.superAdministrator, twoFactor: true, invitedDaysAgo: 900),
        CloudflareMembership(
            person: sam, email: "sam.okoro@example.com", account: 0,
            role: CloudflareRoleCatalogue.administratorReadOnly,
            pending: true, twoFactor: false, invitedDaysAgo: 10),
    ]

    // MARK: OpenAI

    /// A user of the OpenAI organization.
    struct OpenAIUser: Sendable {
        var person: CrossProviderPerson
        var email: String
        var role: OpenAIAdmin.OrganizationRole
        var addedDaysAgo: Int
        /// The role in the first project ("Default Project"); nil when not a member of it.
        var firstProjectRole: String?
    }

    /// An API key a person owns: an admin key when `project` is nil, else a key of that project (by position).
    struct OpenAIKey: Sendable {
        var person: CrossProviderPerson
        var name: String
        var project: Int?
        var createdDaysAgo: Int
        /// Nil: never used.
        var lastUsedDaysAgo: Int?
    }

    /// An organization invite.
    struct OpenAIInvite: Sendable {
        var person: CrossProviderPerson
        var email: String
        var role: OpenAIAdmin.OrganizationRole
        var status: OpenAIAdmin.InviteStatus
        var createdDaysAgo: Int
    }

    static let openAIUsers: [OpenAIUser] = [
        OpenAIUser(
            person: jordan, email: "jordan.blake@example.com", role: .reader, addedDaysAgo: 400,
            firstProjectRole: "member"),
        OpenAIUser(person: priya, email: "Priya.Shah@example.com", role: .owner, addedDaysAgo: 880),
    ]

    static let openAIKeys: [OpenAIKey] = [
        OpenAIKey(person: jordan, name: "jordan-laptop", createdDaysAgo: 200, lastUsedDaysAgo: nil),
        OpenAIKey(person: jordan, name: "jordan-notebook", project: 0, createdDaysAgo: 330, lastUsedDaysAgo: 120),
    ]

    /// Sam's invite lapsed a week after it was sent and is still listed.
    static let openAIInvites: [OpenAIInvite] = [
        OpenAIInvite(person: sam, email: "sam.okoro@example.com", role: .reader, status: .expired, createdDaysAgo: 30)
    ]

    // MARK: Keycard

    /// An active member of a Keycard organization.
    struct KeycardMember: Sendable {
        var person: CrossProviderPerson
        var email: String
        /// Position in the organizations list.
        var organization: Int
        var role: Keycard.OrganizationRole
        /// The identity provider; nil takes the organization's SSO issuer (or Google when SSO is off).
        var source: String?
        var joinedDaysAgo: Int
    }

    /// An invitation a Keycard organization sent; it stays pending for `lifetimeDays` after it was sent.
    struct KeycardInvitation: Sendable {
        var person: CrossProviderPerson
        var email: String
        var organization: Int
        var role: Keycard.OrganizationRole
        var sentDaysAgo: Int
        var lifetimeDays: Int
    }

    static let keycardMembers: [KeycardMember] = [
        KeycardMember(
            person: priya, email: "PRIYA.SHAH@EXAMPLE.COM", organization: 0, role: .admin,
            source: "https://accounts.google.com", joinedDaysAgo: 610),
        KeycardMember(person: sam, email: "sam.okoro@example.com", organization: 1, role: .member, joinedDaysAgo: 45),
    ]

    /// Jordan's invitation is still pending 20 days on (sent with a 30-day lifetime).
    static let keycardInvitations: [KeycardInvitation] = [
        KeycardInvitation(
            person: jordan, email: "Jordan.Blake@example.com", organization: 0, role: .member, sentDaysAgo: 20,
            lifetimeDays: 30)
    ]
}
