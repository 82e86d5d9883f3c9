import APICore
import CloudflareAPI
import Foundation
import Hummingbird

/// Builds JSON responses in the v4 envelope.
enum Reply {
    /// `{"success": true, …, "result": result, "result_info"?: info}`.
    static func ok<T: Codable & Sendable>(_ result: T, info: Cloudflare.ResultInfo? = nil, status: Int = 200) throws
        -> Response
    {
        json(try encode(Cloudflare.Envelope(success: true, result: result, resultInfo: info)), status: status)
    }

    /// The same envelope around a list whose items are already encoded (spliced in, not re-encoded).
    static func ok(encoded items: [Data], info: Cloudflare.ResultInfo?) throws -> Response {
        let (head, tail) = try envelopeAround(info)
        // Written once, straight into the response buffer (no intermediate body to copy again).
        var body = ByteBufferAllocator().buffer(
            capacity: head.utf8.count + tail.utf8.count + items.reduce(items.count) { $0 + $1.count })
        body.writeString(head)
        for (index, item) in items.enumerated() {
            if index > 0 { body.writeInteger(UInt8(ascii: ",")) }
            body.writeBytes(item)
        }
        body.writeString(tail)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
    }

    /// The envelope's text before and after the items of a successful list, as `encode` writes it (sorted keys:
    /// `errors` and `messages` first, then `result`, `result_info`, `success`). Page-number lists are written by
    /// hand, each of 200 pages at a time would otherwise pay for a `JSONEncoder`; a cursor block goes through it.
    static func envelopeAround(_ info: Cloudflare.ResultInfo?) throws -> (head: String, tail: String) {
        let head = #"{"errors":[],"messages":[],"result":["#
        guard let info else { return (head, #"],"success":true}"#) }
        guard info.cursors != nil else {
            let fields = [
                ("count", info.count), ("page", info.page), ("per_page", info.perPage),
                ("total_count", info.totalCount), ("total_pages", info.totalPages),
            ]
            .compactMap { name, value in value.map { "\"\(name)\":\($0)" } }
            return (head, #"],"result_info":{"# + fields.joined(separator: ",") + #"},"success":true}"#)
        }
        let encoded = String(
            decoding: try encode(Cloudflare.Envelope<[String]>(success: true, result: [], resultInfo: info)),
            as: UTF8.self)
        guard let marker = encoded.range(of: #""result":[]"#) else {
            throw DemoAPIError.failure(
                status: 500, errors: [WireError(code: 1000, message: "envelope has an unexpected shape")],
                retryAfter: nil)
        }
        return (String(encoded[..<marker.lowerBound]) + #""result":["#, "]" + String(encoded[marker.upperBound...]))
    }

    /// The error envelope of `error`; `path` is the request path for the 7003 message.
    static func error(_ error: DemoAPIError, path: String) -> Response {
        switch error {
        case .notFound:
            let prefix = CloudflareRoutes.prefix
            let route = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            let errors = [
                WireError(
                    code: 7003, message: "Could not route to \(route), perhaps your object identifier is invalid?"),
                WireError(code: 7000, message: "No route for that URI"),
            ]
            return json((try? encode(ErrorEnvelope(errors: errors))) ?? Data(), status: 404)
        case .failure(let status, let errors, let retryAfter):
            return json((try? encode(ErrorEnvelope(errors: errors))) ?? Data(), status: status, retryAfter: retryAfter)
        }
    }

    /// A JSON response with exactly these bytes.
    static func json(_ data: Data, status: Int, retryAfter: Int? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(
            status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Compact JSON with sorted keys (stable output for maps such as role permissions).
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
