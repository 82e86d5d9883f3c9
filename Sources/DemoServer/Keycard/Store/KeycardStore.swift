import APICore
import Foundation
import KeycardAPI

/// The state of the Keycard fake: seeded organizations, every mutation the API makes, issued access tokens, and
/// inspection methods for tests. Requests are logged by the server's shared request log (`DemoRequestLog`).
public actor KeycardStore {
    /// The demo API key (`KEYCARD_API_API_KEY`): the `--token` every provider of the demo server accepts.
    public nonisolated let apiKey: String
    /// Id of the demo user (the API key's user) in every organization it belongs to.
    public nonisolated let userID: String
    /// Email of the demo user.
    public nonisolated let userEmail: String
    /// Name of the demo user (the inviter's name its invitations show).
    public nonisolated let userName: String
    /// The organization with hundreds of members (`DemoServerConfiguration.keycardUsers`).
    public nonisolated let bigOrganizationID: String
    /// The organization with an SSO connection.
    public nonisolated let ssoOrganizationID: String
    /// The organization the demo user is only invited to (a pending invitation addressed to the demo user).
    public nonisolated let invitingOrganizationID: String
    /// The service account of the demo's client-credentials login (in the big organization).
    public nonisolated let loginServiceAccountID: String
    /// The credential of the demo's client-credentials login.
    public nonisolated let loginCredentialID: String
    /// `KEYCARD_API_CLIENT_ID` of the demo's client-credentials login.
    public nonisolated let loginClientID: String
    /// `KEYCARD_API_CLIENT_SECRET` of the demo's client-credentials login (random on every start).
    public nonisolated let loginClientSecret: String

    /// Organizations in creation order.
    var organizations: [KeycardOrganizationRecord]
    /// Access token → who it signs in and until when.
    var accessTokens: [String: KeycardAccessTokenRecord] = [:]
    /// The `sequence` of the next record created at run time.
    var nextSequence: Int
    /// Ids of records created at run time (seeded, so runs are reproducible).
    var idGenerator: SplitMix64
    /// "Now" at run time.
    var wallClock = DemoWallClock()
    /// `expires_in` of the access tokens issued from now on, in seconds.
    public private(set) var tokenLifetime: Int
    /// Whether the endpoints newer servers dropped (users, roles, identities, token exchange) answer; off, they 404.
    public private(set) var legacyEndpointsEnabled: Bool

    init(seed data: KeycardSeedData, configuration: DemoServerConfiguration, apiKey: String) {
        wallClock = DemoWallClock(frozen: configuration.frozenNow)
        self.apiKey = apiKey
        userID = data.userID
        userEmail = data.userEmail
        userName = data.userName
        bigOrganizationID = data.bigOrganizationID
        ssoOrganizationID = data.ssoOrganizationID
        invitingOrganizationID = data.invitingOrganizationID
        loginServiceAccountID = data.loginServiceAccountID
        loginCredentialID = data.loginCredentialID
        loginClientID = data.loginClientID
        loginClientSecret = data.loginClientSecret
        organizations = data.organizations
        nextSequence = data.nextSequence
        idGenerator = SplitMix64(seed: configuration.seed, label: "keycard:runtime")
        tokenLifetime = max(configuration.keycardTokenLifetime, 0)
        legacyEndpointsEnabled = configuration.keycardLegacyEndpoints
    }

    /// Seeds a store for `configuration`; `apiKey` is the demo login token.
    init(configuration: DemoServerConfiguration, apiKey: String, userEmail: String, userName: String) {
        let seeder = KeycardSeeder(
            seed: configuration.seed, bigOrganizationUsers: configuration.clampedKeycardUsers,
            clock: SeedClock(now: configuration.resolvedReferenceDate), userEmail: userEmail, userName: userName)
        self.init(seed: seeder.build(), configuration: configuration, apiKey: apiKey)
    }

    // MARK: Switches for tests

    /// Sets `expires_in` of the access tokens issued from now on.
    public func setTokenLifetime(seconds: Int) { tokenLifetime = max(seconds, 0) }

    /// Turns the dropped endpoints (users, roles, identities, token exchange) on or off (off: they answer 404).
    public func setLegacyEndpoints(enabled: Bool) { legacyEndpointsEnabled = enabled }

    /// Makes every access token issued so far invalid (the next request with one gets a 401).
    public func revokeAccessTokens() { accessTokens.removeAll() }

    // MARK: Helpers

    /// "Now" as RFC 3339.
    func nowString() -> String { Timestamp.format(wallClock.now()) }

    /// The next `sequence`.
    func takeSequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }

    /// A fresh 26-character id.
    func newID() -> String { idGenerator.nanoid() }

    /// The position of the organization with this id or label, whoever asks.
    func index(ofOrganization idOrLabel: String) -> Int? {
        organizations.firstIndex { $0.organization.id == idOrLabel || $0.organization.label == idOrLabel }
    }

    /// Whether `query` asks to expand permissions.
    static func wantsPermissions(_ query: QueryItems) -> Bool {
        query.keycardExpand.contains("permissions")
    }

    /// The caller's permissions on one resource type.
    static func permissions(_ resource: String, write: Bool, list: Bool = false) -> Keycard.Permissions {
        list
            ? [resource: ["list": true, "create": write]]
            : [resource: ["read": true, "update": write, "delete": write]]
    }
}
