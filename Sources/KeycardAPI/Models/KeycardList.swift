import APICore

extension Keycard {
    /// An organization-scoped list: `{items, page_info, permissions?}`.
    public struct List<Item: Codable & Sendable>: Codable, Sendable {
        public var items: [Item]
        public var pageInfo: PageInfo
        public var permissions: Permissions?

        public init(items: [Item], pageInfo: PageInfo, permissions: Permissions? = nil) {
            self.items = items
            self.pageInfo = pageInfo
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case items, permissions
            case pageInfo = "page_info"
        }
    }

    /// `page_info` of a cursor list.
    public struct PageInfo: Codable, Sendable, Hashable {
        public var hasNextPage: Bool
        public var hasPrevPage: Bool
        /// Cursor of the first item of the page: pass it as `before` for the previous page.
        public var startCursor: String?
        /// Cursor of the last item of the page: pass it as `after` for the next page.
        public var endCursor: String?

        public init(hasNextPage: Bool, hasPrevPage: Bool, startCursor: String? = nil, endCursor: String? = nil) {
            self.hasNextPage = hasNextPage
            self.hasPrevPage = hasPrevPage
            self.startCursor = startCursor
            self.endCursor = endCursor
        }

        enum CodingKeys: String, CodingKey {
            case hasNextPage = "has_next_page"
            case hasPrevPage = "has_prev_page"
            case startCursor = "start_cursor"
            case endCursor = "end_cursor"
        }
    }

    /// The query of a list: cursors (`after` forward, `before` backward), `limit` and `expand`.
    public struct ListQuery: Sendable, Hashable {
        public var after: String?
        public var before: String?
        public var limit: Int?
        public var expand: [Expand]

        public init(after: String? = nil, before: String? = nil, limit: Int? = nil, expand: [Expand] = []) {
            self.after = after
            self.before = before
            self.limit = limit
            self.expand = expand
        }

        /// The query items, in the SDK's order (`after`, `before`, `expand`…, `limit`).
        public var items: JSONAPIClient.Query {
            var query: JSONAPIClient.Query = []
            if let after { query.append(("after", after)) }
            if let before { query.append(("before", before)) }
            query += expand.map { ("expand", $0.rawValue) }
            if let limit { query.append(("limit", String(limit))) }
            return query
        }
    }

    /// The error body: `{"message", "code", "status"}`.
    public struct ErrorBody: Codable, Sendable, Hashable {
        public var message: String
        public var code: String?
        public var status: Int?

        public init(message: String, code: String? = nil, status: Int? = nil) {
            self.message = message
            self.code = code
            self.status = status
        }
    }
}
