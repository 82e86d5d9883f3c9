import APICore
import Foundation
import Hummingbird
import KeycardAPI

/// Builds the Keycard fake's responses: bare JSON objects, 204 for deletes, and the Keycard error shape.
enum KeycardReply {
    /// `value` as JSON.
    static func json<T: Encodable>(_ value: T, status: Int = 200) throws -> Response {
        Reply.json(try Reply.encode(value), status: status)
    }

    /// 204 with no body (every DELETE).
    static func noContent() -> Response {
        Response(status: .noContent)
    }

    /// `{"message", "code", "status"}` with the error's status (and `Retry-After`).
    static func error(_ error: KeycardAPIError) -> Response {
        let body = Keycard.ErrorBody(message: error.message, code: error.code, status: error.status)
        return Reply.json((try? Reply.encode(body)) ?? Data(), status: error.status, retryAfter: error.retryAfter)
    }
}
