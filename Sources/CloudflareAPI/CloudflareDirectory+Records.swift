import APICore
import Foundation

/// Audit logs: the user's (page numbers) at the top level, the account's (cursors) with an account in scope.
extension CloudflareDirectory: AuditLogReading {
    public var auditLogReading: (any AuditLogReading)? { self }

    /// How far back the account log reaches when no `since` is given: `since` and `before` are required there.
    static let defaultAuditWindow: TimeInterval = 90 * 86_400

    public func auditLog(in scope: Scope, since: String?) -> Listing<AuditEntry> {
        let query = since.map { "since=\($0)" } ?? ""
        guard let account = scope.node(.account) else {
            let list = client.userAuditLogs(.init(since: since, direction: .descending, perPage: perPage))
            return .list(list.mapItems(AuditEntry.init(cloudflare:)), query: query)
        }
        let now = Date()
        let from = since ?? Self.day(now.addingTimeInterval(-Self.defaultAuditWindow))
        // `before` is exclusive: tomorrow keeps today's entries in.
        let before = Self.day(now.addingTimeInterval(86_400))
        let list = client.accountAuditLogs(
            accountID: account.id, .init(since: from, before: before, direction: .descending, limit: perPage))
        return .list(list.mapItems(AuditEntry.init(cloudflare:)), query: query)
    }

    /// "2026-11-01" of a date, in UTC.
    static func day(_ date: Date) -> String {
        String(Timestamp.format(date).prefix(10))
    }
}
