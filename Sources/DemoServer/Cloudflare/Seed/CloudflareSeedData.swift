import APICore
import CloudflareAPI

/// Everything the demo server starts with, produced by `CloudflareSeeder`.
struct CloudflareSeedData: Sendable {
    var user: Cloudflare.User
    var globalAPIKey: String
    /// Accounts in creation order, including those the user is only invited to.
    var accounts: [CloudflareAccountRecord]
    var bigAccountID: String
    /// User tokens first, then account tokens.
    var tokens: [CloudflareTokenRecord]
    var loginTokenID: String
    var invites: [Cloudflare.Invite]
    var permissionGroups: [Cloudflare.PermissionGroup]
    var userAuditLogs: [Cloudflare.AuditLog]
    var userSubscriptions: [Cloudflare.Subscription]
    var billingHistory: [Cloudflare.BillingHistory]
    var billingProfile: Cloudflare.BillingProfile
    /// The tenant organizations, parents before their children.
    var organizations: [Cloudflare.Organization]
}
