import APICore
import Foundation

/// Audit logs: the user's (page numbers) at the top level, the account's (cursors) with an account in scope.
extension CloudflareDirectory: AuditLogReading {
    public var auditLogReading: (any AuditLogReading)? { self }

    /// How far back the account log reaches when no `since` is given: `since` and `before` are required there.
    static let defaultAuditWindow: TimeInterval = 90 * 86_400

    /// The window goes to the server (`since`, `before`; the account log needs both); a whole email also narrows
    /// the user log there (`actor.email`); the text filters apply to each page as it arrives.
    public func auditLog(in scope: Scope, filter: AuditFilter) -> Listing<AuditEntry> {
        let query = filter.query
        let matching: @Sendable (AuditEntry) -> Bool = { filter.matches($0) }
        guard let account = scope.node(.account) else {
            var wire = Cloudflare.UserAuditLogQuery(since: filter.since, direction: .descending, perPage: perPage)
            wire.before = filter.before
            if let actor = filter.actor, actor.contains("@") { wire.actorEmail = actor }
            let list = client.userAuditLogs(wire).mapItems(AuditEntry.init(cloudflare:))
            return .list(filter.isEmpty ? list : list.filterItems(matching), query: query)
        }
        let now = Date()
        let from = filter.since ?? Self.day(now.addingTimeInterval(-Self.defaultAuditWindow))
        // `before` is exclusive: tomorrow keeps today's entries in.
        let before = filter.before ?? Self.day(now.addingTimeInterval(86_400))
        let list = client.accountAuditLogs(
            accountID: account.id, .init(since: from, before: before, direction: .descending, limit: perPage)
        ).mapItems(AuditEntry.init(cloudflare:))
        return .list(filter.isEmpty ? list : list.filterItems(matching), query: query)
    }

    /// "2026-11-01" of a date, in UTC.
    static func day(_ date: Date) -> String {
        String(Timestamp.format(date).prefix(10))
    }
}
