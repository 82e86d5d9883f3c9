/// Everything the Keycard fake starts with, produced by `KeycardSeeder`.
struct KeycardSeedData: Sendable {
    var organizations: [KeycardOrganizationRecord]
    var userID: String
    var userEmail: String
    var userName: String
    var bigOrganizationID: String
    var ssoOrganizationID: String
    /// The organization the demo user is only invited to (its pending invitation can be accepted).
    var invitingOrganizationID: String
    var loginServiceAccountID: String
    var loginCredentialID: String
    var loginClientID: String
    var loginClientSecret: String
    /// The next free `sequence` for records created at run time.
    var nextSequence: Int
}
