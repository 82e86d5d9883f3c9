import APICore

extension Cloudflare {
    /// The v4 envelope every response comes in, success or failure.
    public struct Envelope<Result: Codable & Sendable>: Codable, Sendable {
        public var success: Bool?
        public var errors: [ResponseInfo]?
        public var messages: [ResponseInfo]?
        public var result: Result?
        public var resultInfo: ResultInfo?

        public init(
            success: Bool, errors: [ResponseInfo] = [], messages: [ResponseInfo] = [], result: Result?,
            resultInfo: ResultInfo? = nil
        ) {
            self.success = success
            self.errors = errors
            self.messages = messages
            self.result = result
            self.resultInfo = resultInfo
        }

        enum CodingKeys: String, CodingKey {
            case success, errors, messages, result
            case resultInfo = "result_info"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(success, forKey: .success)
            try container.encode(errors ?? [], forKey: .errors)
            try container.encode(messages ?? [], forKey: .messages)
            // The real API always has the key, with null on errors.
            try container.encode(result, forKey: .result)
            try container.encodeIfPresent(resultInfo, forKey: .resultInfo)
        }
    }

    /// One item of `errors` or `messages`.
    public struct ResponseInfo: Codable, Sendable, Hashable {
        public var code: Int?
        public var message: String
        public var documentationURL: String?
        public var source: Source?
        /// Finer-grained causes (`error_chain`), e.g. which parameter was invalid.
        public var errorChain: [ResponseInfo]?

        /// Where in the request the problem is.
        public struct Source: Codable, Sendable, Hashable {
            public var pointer: String?
        }

        public init(code: Int?, message: String, documentationURL: String? = nil, source: Source? = nil) {
            self.code = code
            self.message = message
            self.documentationURL = documentationURL
            self.source = source
        }

        enum CodingKeys: String, CodingKey {
            case code, message, source
            case documentationURL = "documentation_url"
            case errorChain = "error_chain"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // Codes are integers on the wire; accept a numeric string rather than losing the message.
            if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
                code = number
            } else {
                code = (try? container.decodeIfPresent(String.self, forKey: .code)).flatMap { $0.flatMap(Int.init) }
            }
            message = (try? container.decodeIfPresent(String.self, forKey: .message)) ?? "(no message)"
            documentationURL = try? container.decodeIfPresent(String.self, forKey: .documentationURL)
            source = try? container.decodeIfPresent(Source.self, forKey: .source)
            errorChain = try? container.decodeIfPresent([ResponseInfo].self, forKey: .errorChain)
        }
    }

    /// Paging facts of a list response.
    public struct ResultInfo: Codable, Sendable, Hashable {
        public var page: Int?
        public var perPage: Int?
        public var count: Int?
        public var totalCount: Int?
        public var totalPages: Int?
        public var cursors: Cursors?

        /// The cursor block of cursor-paginated lists.
        public struct Cursors: Codable, Sendable, Hashable {
            public var after: String?
            public init(after: String?) { self.after = after }
        }

        public init(
            page: Int? = nil, perPage: Int? = nil, count: Int? = nil, totalCount: Int? = nil, totalPages: Int? = nil,
            cursors: Cursors? = nil
        ) {
            self.page = page
            self.perPage = perPage
            self.count = count
            self.totalCount = totalCount
            self.totalPages = totalPages
            self.cursors = cursors
        }

        enum CodingKeys: String, CodingKey {
            case page, count, cursors
            case perPage = "per_page"
            case totalCount = "total_count"
            case totalPages = "total_pages"
        }
    }

    /// `{ "id": … }`, the result of most deletes.
    public struct DeletedID: Codable, Sendable, Hashable {
        public var id: String?
        public init(id: String?) { self.id = id }
    }

    /// `{ "subscription_id": … }`, the result of a subscription delete.
    public struct DeletedSubscriptionID: Codable, Sendable, Hashable {
        public var subscriptionID: String?
        public init(subscriptionID: String?) { self.subscriptionID = subscriptionID }
        enum CodingKeys: String, CodingKey { case subscriptionID = "subscription_id" }
    }
}
