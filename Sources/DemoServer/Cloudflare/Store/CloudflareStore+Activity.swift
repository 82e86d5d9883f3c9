import APICore
import CloudflareAPI
import Foundation

extension CloudflareStore {
    /// A page of the user's audit log, with the v1 filters.
    func listUserAuditLogs(_ query: QueryItems, page: CloudflarePageRequest) throws -> (
        [Cloudflare.AuditLog], Cloudflare.ResultInfo
    ) {
        let since = try query["since"].map(Self.date(named: "since"))
        let before = try query["before"].map(Self.date(named: "before"))
        let hideUserLogs = try query.bool("hide_user_logs") ?? false
        var list = userAuditLogs.filter { entry in
            if let id = query["id"], entry.id != id { return false }
            if let type = query["action.type"], entry.action?.type != type { return false }
            if let email = query["actor.email"], entry.actor?.email?.lowercased() != email.lowercased() { return false }
            if let ip = query["actor.ip"], entry.actor?.ip != ip { return false }
            if let zone = query["zone.name"], entry.metadata?.objectValue?["zone_name"]?.stringValue != zone {
                return false
            }
            if hideUserLogs, entry.actor?.type == "user" { return false }
            let when = Timestamp.parse(entry.when)
            if let since, let when, when < since { return false }
            if let before, let when, when >= before { return false }
            return true
        }
        if try !query.descending(default: true) { list.reverse() }
        return page.slice(list)
    }

    /// One page of an account's audit log (cursor pagination).
    func listAccountAuditLogs(accountID: String, query: CloudflareAccountAuditQuery) throws -> (
        [Cloudflare.AccountAuditLog], String?
    ) {
        query.page(of: try accountRecord(accountID).auditLogs)
    }

    /// A page of the billing history, filtered by `type`, `action` and `occurred_at` (prefix).
    func listBillingHistory(_ query: QueryItems, page: CloudflarePageRequest) throws -> (
        [Cloudflare.BillingHistory], Cloudflare.ResultInfo
    ) {
        var list = billingHistory.filter { row in
            if let type = query["type"], row.type != type { return false }
            if let action = query["action"], row.action != action { return false }
            if let occurred = query["occurred_at"], row.occurredAt?.hasPrefix(occurred) != true { return false }
            return true
        }
        if let order = try query.oneOf("order", ["type", "occurred_at", "action"]) {
            list.sort { lhs, rhs in
                switch order {
                case "type": (lhs.type ?? "") < (rhs.type ?? "")
                case "action": (lhs.action ?? "") < (rhs.action ?? "")
                default: (lhs.occurredAt ?? "") > (rhs.occurredAt ?? "")
                }
            }
        }
        if try query.descending(default: false) { list.reverse() }
        return page.slice(list)
    }

    private static func date(named name: String) -> (String) throws -> Date {
        { text in
            guard let date = Timestamp.parse(text) else {
                throw DemoAPIError.invalidParameter("\(name) must be a date (YYYY-MM-DD) or an RFC 3339 date-time")
            }
            return date
        }
    }
}
