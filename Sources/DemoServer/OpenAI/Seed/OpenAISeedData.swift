import APICore
import OpenAIAdminAPI

/// Everything the OpenAI side of the demo server starts with, produced by `OpenAISeeder`.
struct OpenAISeedData: Sendable {
    var organizationID: String
    /// The demo user (owner of the login key), first of `users`.
    var demoUserID: String
    /// In list order.
    var users: [OpenAIAdmin.OrganizationUser]
    var roles: [OpenAIAdmin.Role]
    /// User id → ids of the roles assigned to them, the predefined one first.
    var assignments: [String: [String]]
    var invites: [OpenAIAdmin.Invite]
    /// In list order, the login key first.
    var adminKeys: [(key: OpenAIAdmin.AdminAPIKey, secret: String)]
    var loginKeyID: String
    /// In list order; the first is the default project invites join.
    var projects: [OpenAIProjectRecord]
}
