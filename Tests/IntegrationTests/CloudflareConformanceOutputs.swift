/// What `cloudflare_conformance.py writes` prints.
struct WritesOutput: Decodable {
    var memberID: String
    var memberRoles: [String]
    var updatedRoles: [String]
    var tokenID: String
    var tokenHasValue: Bool
    var tokenGroups: [String]
    var tokenStatus: String?
    var telephoneAfterClear: String?
    var leftOrganization: String
    var leftID: String?
    var cancelledSubscription: String
    var cancelledID: String?
    var accountID: String
    var renamed: String
    var renamedEnforcesTwofactor: Bool

    enum CodingKeys: String, CodingKey {
        case memberID = "member_id"
        case memberRoles = "member_roles"
        case updatedRoles = "updated_roles"
        case tokenID = "token_id"
        case tokenHasValue = "token_has_value"
        case tokenGroups = "token_groups"
        case tokenStatus = "token_status"
        case telephoneAfterClear = "telephone_after_clear"
        case leftOrganization = "left_organization"
        case leftID = "left_id"
        case cancelledSubscription = "cancelled_subscription"
        case cancelledID = "cancelled_id"
        case accountID = "account_id"
        case renamed
        case renamedEnforcesTwofactor = "renamed_enforces_twofactor"
    }
}

/// What `cloudflare_conformance.py policyscope` prints.
struct PolicyScopeOutput: Decodable {
    var refused: String?
    var tokenID: String
    var effects: [String]
    var subscriptionID: String
    var subscriptionFrequency: String?
    var roleID: String?
    var organizationRead: Bool

    enum CodingKeys: String, CodingKey {
        case refused, effects
        case tokenID = "token_id"
        case subscriptionID = "subscription_id"
        case subscriptionFrequency = "subscription_frequency"
        case roleID = "role_id"
        case organizationRead = "organization_read"
    }
}
