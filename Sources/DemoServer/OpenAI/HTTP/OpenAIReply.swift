import APICore
import Foundation
import Hummingbird
import OpenAIAdminAPI

/// Builds the JSON responses of the `/v1` routes: bare objects, list envelopes and errors.
enum OpenAIReply {
    /// Which cursor a list hands out (api/openai.md §3).
    enum Cursor: Sendable {
        /// ConversationCursorPage and CursorPage: `first_id`, `last_id`; the next page is `after=<last id>`.
        case lastID
        /// NextCursorPage: `next` holds the value for `after` while `has_more`.
        case next
    }

    /// `value` as the response body, status 200 unless given.
    static func object<T: Encodable>(_ value: T, status: Int = 200) throws -> Response {
        Reply.json(try encode(value), status: status)
    }

    /// A list envelope around already-encoded items (`OpenAIAdmin.ListPage` with `data` spliced in).
    static func list(_ page: OpenAIEncodedPage, cursor: Cursor) throws -> Response {
        let envelope = OpenAIAdmin.ListPage<String>(
            data: [], firstID: page.ids.first, lastID: page.ids.last, hasMore: page.hasMore,
            next: cursor == .next && page.hasMore ? page.ids.last : nil)
        let head = try encode(envelope)
        // With sorted keys `data` comes first, so the envelope always starts with `{"data":[]`.
        let emptyData = Data(#"{"data":[]"#.utf8)
        guard head.starts(with: emptyData) else {
            throw OpenAIAPIError(status: 500, message: "list envelope has an unexpected shape", type: "server_error")
        }
        var body = Data(#"{"data":["#.utf8)
        body.reserveCapacity(head.count + page.encoded.reduce(page.encoded.count) { $0 + $1.count })
        for (index, item) in page.encoded.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(item)
        }
        body.append(UInt8(ascii: "]"))
        body.append(head.dropFirst(emptyData.count))
        return Reply.json(body, status: 200)
    }

    /// The `{"error": {…}}` body of `error`, with `Retry-After` when it has one.
    static func error(_ error: OpenAIAPIError) -> Response {
        let body = OpenAIAdmin.ErrorBody(
            error: .init(message: error.message, type: error.type, param: error.param, code: error.code))
        return Reply.json(
            (try? encode(ErrorEnvelope(body: body))) ?? Data(), status: error.status, retryAfter: error.retryAfter)
    }

    /// Compact JSON with sorted keys.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try Reply.encode(value)
    }

    /// The error body with `param` and `code` written as `null` when absent, as the real API does.
    private struct ErrorEnvelope: Encodable {
        let body: OpenAIAdmin.ErrorBody

        enum CodingKeys: String, CodingKey { case error }
        enum DetailKeys: String, CodingKey { case message, type, param, code }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var detail = container.nestedContainer(keyedBy: DetailKeys.self, forKey: .error)
            try detail.encode(body.error.message, forKey: .message)
            try detail.encode(body.error.type, forKey: .type)
            try detail.encode(body.error.param, forKey: .param)
            try detail.encode(body.error.code, forKey: .code)
        }
    }
}
