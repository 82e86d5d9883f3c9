import APICore
import CloudflareAPI
import Foundation

extension CloudflareStore {
    /// The caller a Bearer secret belongs to, or nil when no usable token has it; marks the token as used.
    func authenticate(bearer secret: String) -> CloudflareCaller? {
        guard let id = secretIndex[secret], var record = tokens[id] else { return nil }
        guard Self.isUsable(record.token, at: wallClock.now()) else { return nil }
        record.token.lastUsedOn = nowString()
        tokens[id] = record
        switch record.owner {
        case .user: return .userToken(id: id)
        case .account(let accountID): return .accountToken(accountID: accountID, id: id)
        }
    }

    /// Whether a global key and email belong to the demo user.
    func authenticate(key: String, email: String) -> Bool {
        key == globalAPIKey && email.lowercased() == user.email.lowercased()
    }

    /// Checks that `caller` may use the account's routes: an accepted membership, or its own account token.
    func requireAccess(accountID: String, caller: CloudflareCaller?) throws {
        let record = try accountRecord(accountID)
        switch caller {
        case .accountToken(let owner, _):
            guard owner == accountID else { throw DemoAPIError.unauthorizedResource }
        case .userToken, .globalKey, nil:
            guard isVisible(record) else { throw DemoAPIError.notFound }
        }
    }

    /// Active, not expired and past `not_before`.
    static func isUsable(_ token: Cloudflare.Token, at now: Date) -> Bool {
        guard token.status?.value == .active else { return false }
        if let expires = Timestamp.parse(token.expiresOn), expires <= now { return false }
        if let notBefore = Timestamp.parse(token.notBefore), notBefore > now { return false }
        return true
    }
}
