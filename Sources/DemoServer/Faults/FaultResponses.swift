import Foundation
import Hummingbird

/// The responses injected faults answer with.
enum FaultResponses {
    /// An error envelope for `status` (429 → 971, 5xx → 1000x; under `/v1` the OpenAI error shape), with
    /// `Retry-After` when given.
    static func status(_ status: Int, retryAfter: Int?, path: String) -> Response {
        if OpenAIRoutes.handles(path) { return OpenAIReply.error(.injected(status: status, retryAfter: retryAfter)) }
        switch status {
        case 429: return Reply.error(.rateLimited(retryAfter: retryAfter), path: path)
        case 404: return Reply.error(.notFound, path: path)
        default:
            let message: String
            let code: Int
            switch status {
            case 500: (code, message) = (10001, "Internal server error")
            case 502: (code, message) = (10002, "Bad gateway")
            case 503: (code, message) = (10003, "Service temporarily unavailable")
            case 504: (code, message) = (10004, "Gateway timeout")
            case 401: (code, message) = (1000, "Invalid API Token")
            case 403: (code, message) = (9109, "Unauthorized to access requested resource")
            case 408: (code, message) = (10008, "Request timeout")
            case 409: (code, message) = (1009, "Conflict")
            default: (code, message) = (status, "Injected failure \(status)")
            }
            return Reply.error(
                .failure(status: status, errors: [WireError(code: code, message: message)], retryAfter: retryAfter),
                path: path)
        }
    }

    /// `status` with the error shape of the provider at `path` carrying `message` (and `code` for Cloudflare).
    static func refusal(_ status: Int, message: String, code: Int, path: String) -> Response {
        if OpenAIRoutes.handles(path) { return OpenAIReply.error(OpenAIAPIError(status: status, message: message)) }
        if KeycardRoutes.owns(path) {
            let injected = KeycardAPIError.injected(status: status, retryAfter: nil)
            return KeycardReply.error(KeycardAPIError(status: status, code: injected.code, message: message))
        }
        return Reply.error(
            .failure(status: status, errors: [WireError(code: code, message: message)], retryAfter: nil), path: path)
    }

    /// HTTP 200 whose body is not JSON (shaped like the API's own answers at `path`).
    static func malformed(path: String) -> Response {
        if OpenAIRoutes.handles(path) {
            return Reply.json(Data(#"{"object": "list", "data": [{"id": tru"#.utf8), status: 200)
        }
        return Reply.json(Data(#"{"success": tru, "errors": [], "messages": [], "result": {"#.utf8), status: 200)
    }

    /// A proxy's HTML error page with `status`, the way nginx or a corporate gateway writes one.
    static func htmlPage(_ status: Int) -> Response {
        let reasons = [401: "Unauthorized", 403: "Forbidden", 502: "Bad Gateway", 503: "Service Unavailable"]
        let title = "\(status) \(reasons[status] ?? "Error")"
        let page =
            "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
            + "<hr><center>corporate-gateway</center>\r\n</body>\r\n</html>\r\n"
        var response = Response(
            status: HTTPResponse.Status(code: status), body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        response.headers[.contentType] = "text/html"
        return response
    }

    /// The same response with only the first half of its body (and a matching `Content-Length`).
    static func truncated(_ response: Response) async throws -> Response {
        let body = try await collect(response.body)
        var truncated = response
        truncated.body = ResponseBody(byteBuffer: ByteBuffer(bytes: body.prefix(max(body.count / 2, 1))))
        return truncated
    }

    private static func collect(_ body: ResponseBody) async throws -> [UInt8] {
        let collector = Collector()
        try await body.write(CollectingWriter(collector: collector))
        return collector.bytes
    }

    /// Holds collected bytes; used within one task only.
    private final class Collector {
        var bytes: [UInt8] = []
    }

    private struct CollectingWriter: ResponseBodyWriter {
        let collector: Collector

        mutating func write(_ buffer: ByteBuffer) async throws {
            collector.bytes += buffer.readableBytesView
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
