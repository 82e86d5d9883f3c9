import APICore
import CloudflareAPI

/// Who owns an API token: the demo user or an account.
public enum CloudflareTokenOwner: Sendable, Hashable {
    /// A user token (`/user/tokens`).
    case user
    /// An account-owned token (`/accounts/{id}/tokens`).
    case account(String)
}

/// A token as the server keeps it: the wire model plus its current secret.
struct CloudflareTokenRecord: Sendable {
    var token: Cloudflare.Token
    var secret: String
    let owner: CloudflareTokenOwner

    var id: String { token.id ?? "" }
}
