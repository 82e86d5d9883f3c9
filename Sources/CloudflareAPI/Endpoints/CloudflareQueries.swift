import APICore

extension Cloudflare {
    /// Sort direction of a list.
    public enum Direction: String, Sendable, Hashable {
        case ascending = "asc"
        case descending = "desc"
    }

    /// Query of `GET /accounts`.
    public struct AccountQuery: Sendable, Hashable {
        /// Server-side name filter.
        public var name: String?
        public var direction: Direction?
        public var perPage: Int?

        public init(name: String? = nil, direction: Direction? = nil, perPage: Int? = nil) {
            self.name = name
            self.direction = direction
            self.perPage = perPage
        }

        var items: CloudflareClient.Query {
            var query: CloudflareClient.Query = []
            if let name, !name.isEmpty { query.append(("name", name)) }
            if let direction { query.append(("direction", direction.rawValue)) }
            return query
        }
    }

    /// Query of `GET /accounts/{id}/members`.
    public struct MemberQuery: Sendable, Hashable {
        /// Server-side status filter: accepted, pending or rejected.
        public var status: MemberStatus?
        /// `user.first_name`, `user.last_name`, `user.email` or `status`.
        public var order: String?
        public var direction: Direction?
        public var perPage: Int?

        public init(status: MemberStatus? = nil, order: String? = nil, direction: Direction? = nil, perPage: Int? = nil)
        {
            self.status = status
            self.order = order
            self.direction = direction
            self.perPage = perPage
        }

        var items: CloudflareClient.Query {
            var query: CloudflareClient.Query = []
            if let status { query.append(("status", status.rawValue)) }
            if let order { query.append(("order", order)) }
            if let direction { query.append(("direction", direction.rawValue)) }
            return query
        }
    }

    /// Query of the token lists.
    public struct TokenQuery: Sendable, Hashable {
        public var direction: Direction?
        public var includeExpired: Bool?
        public var perPage: Int?

        public init(direction: Direction? = nil, includeExpired: Bool? = nil, perPage: Int? = nil) {
            self.direction = direction
            self.includeExpired = includeExpired
            self.perPage = perPage
        }

        var items: CloudflareClient.Query {
            var query: CloudflareClient.Query = []
            if let direction { query.append(("direction", direction.rawValue)) }
            if let includeExpired { query.append(("include_expired", includeExpired ? "true" : "false")) }
            return query
        }
    }

    /// Query of `GET /user/organizations` (legacy).
    public struct UserOrganizationQuery: Sendable, Hashable {
        public var name: String?
        /// "member" or "invited".
        public var status: String?
        public var perPage: Int?

        public init(name: String? = nil, status: String? = nil, perPage: Int? = nil) {
            self.name = name
            self.status = status
            self.perPage = perPage
        }

        var items: CloudflareClient.Query {
            var query: CloudflareClient.Query = []
            if let name { query.append(("name", name)) }
            if let status { query.append(("status", status)) }
            return query
        }
    }

    /// Query of `GET /user/audit_logs`; nested filters are sent with dots (`action.type`).
    public struct UserAuditLogQuery: Sendable, Hashable {
        public var actionType: String?
        public var actorEmail: String?
        public var actorIP: String?
        public var zoneName: String?
        /// Date or date-time strings.
        public var since: String?
        public var before: String?
        public var direction: Direction?
        public var hideUserLogs: Bool?
        public var perPage: Int?

        public init(
            actionType: String? = nil, actorEmail: String? = nil, actorIP: String? = nil, zoneName: String? = nil,
            since: String? = nil, before: String? = nil, direction: Direction? = nil, hideUserLogs: Bool? = nil,
            perPage: Int? = nil
        ) {
            self.actionType = actionType
            self.actorEmail = actorEmail
            self.actorIP = actorIP
            self.zoneName = zoneName
            self.since = since
            self.before = before
            self.direction = direction
            self.hideUserLogs = hideUserLogs
            self.perPage = perPage
        }

        var items: CloudflareClient.Query {
            let pairs: [(String, String?)] = [
                ("action.type", actionType), ("actor.email", actorEmail), ("actor.ip", actorIP),
                ("zone.name", zoneName), ("since", since), ("before", before), ("direction", direction?.rawValue),
                ("hide_user_logs", hideUserLogs.map { $0 ? "true" : "false" }),
            ]
            return pairs.compactMap { name, value in value.map { (name, $0) } }
        }
    }

    /// Query of `GET /accounts/{id}/logs/audit`: `since` and `before` are required; exclusions go as `field.not`.
    public struct AccountAuditLogQuery: Sendable, Hashable {
        public var since: String
        public var before: String
        public var direction: Direction?
        public var productCategories: [String]
        /// Field name (`action_type`, `actor_email`, …) to the values to leave out.
        public var excluding: [String: [String]]
        public var limit: Int?

        public init(
            since: String, before: String, direction: Direction? = nil, productCategories: [String] = [],
            excluding: [String: [String]] = [:], limit: Int? = nil
        ) {
            self.since = since
            self.before = before
            self.direction = direction
            self.productCategories = productCategories
            self.excluding = excluding
            self.limit = limit
        }

        var items: CloudflareClient.Query {
            var query: CloudflareClient.Query = [("since", since), ("before", before)]
            if let direction { query.append(("direction", direction.rawValue)) }
            query += productCategories.map { ("product_category", $0) }
            for field in excluding.keys.sorted() {
                query += (excluding[field] ?? []).map { ("\(field).not", $0) }
            }
            return query
        }
    }

    /// Query of `GET /user/billing/history`.
    public struct BillingHistoryQuery: Sendable, Hashable {
        /// `type`, `occurred_at` or `action`.
        public var order: String?
        public var type: String?
        public var action: String?
        public var occurredAt: String?
        public var perPage: Int?

        public init(
            order: String? = nil, type: String? = nil, action: String? = nil, occurredAt: String? = nil,
            perPage: Int? = nil
        ) {
            self.order = order
            self.type = type
            self.action = action
            self.occurredAt = occurredAt
            self.perPage = perPage
        }

        var items: CloudflareClient.Query {
            let pairs: [(String, String?)] = [
                ("order", order), ("type", type), ("action", action), ("occurred_at", occurredAt),
            ]
            return pairs.compactMap { name, value in value.map { (name, $0) } }
        }
    }
}
