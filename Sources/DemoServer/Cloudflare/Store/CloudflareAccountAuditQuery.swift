import APICore
import CloudflareAPI
import Foundation

/// The query of `GET /accounts/{id}/logs/audit`: a required time window, filters, and a cursor.
struct CloudflareAccountAuditQuery: Sendable {
    var since: Date
    var before: Date
    var descending: Bool
    var limit: Int
    var offset: Int
    /// Field → values that must match (plain `field=value`, accepted though the SDK does not send it).
    var include: [String: [String]] = [:]
    /// Field → values to leave out (`field.not=value`).
    var exclude: [String: [String]] = [:]

    static let fields = [
        "id", "account_name", "action_result", "action_type", "actor_context", "actor_email", "actor_id",
        "actor_ip_address", "actor_token_id", "actor_token_name", "actor_type", "raw_cf_ray_id", "raw_method",
        "raw_status_code", "raw_uri", "resource_id", "resource_product", "resource_type", "zone_id", "zone_name",
    ]

    init(_ query: QueryItems) throws {
        guard let sinceText = query["since"], let beforeText = query["before"] else {
            throw DemoAPIError.invalidParameter("since and before are required")
        }
        guard let since = Timestamp.parse(sinceText), let before = Timestamp.parse(beforeText) else {
            throw DemoAPIError.invalidParameter("since and before must be dates (YYYY-MM-DD) or RFC 3339 date-times")
        }
        self.since = since
        self.before = before
        descending = try query.descending(default: true)
        limit = try query.int("limit", in: 1...1000) ?? 100
        offset = try query["cursor"].map(Self.offset(fromCursor:)) ?? 0
        for field in Self.fields {
            let wanted = query.all(field)
            if !wanted.isEmpty { include[field] = wanted }
            let unwanted = query.all("\(field).not")
            if !unwanted.isEmpty { exclude[field] = unwanted }
        }
        let categories = query.all("product_category")
        if !categories.isEmpty { include["resource_product", default: []] += categories }
    }

    /// The entries on this page, and the cursor of the next page while more remain.
    func page(of entries: [Cloudflare.AccountAuditLog]) -> ([Cloudflare.AccountAuditLog], String?) {
        var matching = entries.filter(matches)
        if !descending { matching.reverse() }
        let start = min(offset, matching.count)
        let end = min(start + limit, matching.count)
        let next = end < matching.count ? Self.cursor(forOffset: end) : nil
        return (Array(matching[start..<end]), next)
    }

    private func matches(_ entry: Cloudflare.AccountAuditLog) -> Bool {
        guard let time = Timestamp.parse(entry.action?.time), time >= since, time < before else { return false }
        for (field, values) in include where !values.contains(Self.value(of: field, in: entry) ?? "") {
            return false
        }
        for (field, values) in exclude where values.contains(Self.value(of: field, in: entry) ?? "") {
            return false
        }
        return true
    }

    private static func value(of field: String, in entry: Cloudflare.AccountAuditLog) -> String? {
        switch field {
        case "id": entry.id
        case "account_name": entry.account?.name
        case "action_result": entry.action?.result
        case "action_type": entry.action?.type
        case "actor_context": entry.actor?.context
        case "actor_email": entry.actor?.email
        case "actor_id": entry.actor?.id
        case "actor_ip_address": entry.actor?.ipAddress
        case "actor_token_id": entry.actor?.tokenID
        case "actor_token_name": entry.actor?.tokenName
        case "actor_type": entry.actor?.type
        case "raw_cf_ray_id": entry.raw?.cfRayID
        case "raw_method": entry.raw?.method
        case "raw_status_code": entry.raw?.statusCode.map(String.init)
        case "raw_uri": entry.raw?.uri
        case "resource_id": entry.resource?.id
        case "resource_product": entry.resource?.product
        case "resource_type": entry.resource?.type
        case "zone_id": entry.zone?.id
        case "zone_name": entry.zone?.name
        default: nil
        }
    }

    /// An opaque cursor for an offset.
    static func cursor(forOffset offset: Int) -> String {
        Data("demo-offset:\(offset)".utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
    }

    private static func offset(fromCursor cursor: String) throws -> Int {
        let padded = cursor + String(repeating: "=", count: (4 - cursor.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("demo-offset:"), let offset = Int(text.dropFirst("demo-offset:".count)), offset >= 0
        else {
            throw DemoAPIError.invalidParameter("cursor is not valid")
        }
        return offset
    }
}
