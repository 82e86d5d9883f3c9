import APICore

extension OpenAIAdmin {
    /// The list envelope of every list endpoint; which cursor field matters depends on the endpoint.
    public struct ListPage<Item: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
        /// `"list"`; not read by the SDK.
        public var object: String?
        public var data: [Item]
        public var firstID: String?
        /// The cursor of ConversationCursorPage lists.
        public var lastID: String?
        /// Optional in the SDK: when absent, a list goes on while its cursor is present and the page is not empty.
        public var hasMore: Bool?
        /// The cursor of NextCursorPage lists (roles, role assignments).
        public var next: String?

        public init(
            object: String? = "list", data: [Item], firstID: String? = nil, lastID: String? = nil,
            hasMore: Bool?, next: String? = nil
        ) {
            self.object = object
            self.data = data
            self.firstID = firstID
            self.lastID = lastID
            self.hasMore = hasMore
            self.next = next
        }

        enum CodingKeys: String, CodingKey {
            case object, data, next
            case firstID = "first_id"
            case lastID = "last_id"
            case hasMore = "has_more"
        }
    }

    /// The answer to a DELETE: `{id?, object, deleted}`.
    public struct DeletedObject: Codable, Sendable, Hashable {
        /// Absent on role-assignment deletes.
        public var id: String?
        public var object: String
        public var deleted: Bool

        public init(id: String?, object: String, deleted: Bool) {
            self.id = id
            self.object = object
            self.deleted = deleted
        }

        enum CodingKeys: String, CodingKey { case id, object, deleted }
    }

    /// The error body: `{"error": {message, type, param, code}}`.
    public struct ErrorBody: Codable, Sendable, Hashable {
        public var error: Detail

        /// The fields inside `error`.
        public struct Detail: Codable, Sendable, Hashable {
            public var message: String?
            public var type: String?
            public var param: String?
            public var code: String?

            public init(message: String?, type: String?, param: String? = nil, code: String? = nil) {
                self.message = message
                self.type = type
                self.param = param
                self.code = code
            }

            enum CodingKeys: String, CodingKey { case message, type, param, code }
        }

        public init(error: Detail) { self.error = error }

        enum CodingKeys: String, CodingKey { case error }
    }
}
