import Foundation
import Hummingbird

/// Reads JSON request bodies: not JSON → 400 6007; JSON of the wrong shape → 400 1001 naming the field.
enum RequestBodyDecoder {
    /// Largest body accepted.
    static let maximumSize = 1 << 20

    /// The raw body bytes.
    static func bytes(of request: inout Request) async throws -> Data {
        do {
            let buffer = try await request.collectBody(upTo: maximumSize)
            return Data(buffer.readableBytesView)
        } catch {
            throw DemoAPIError.failure(
                status: 413, errors: [WireError(code: 6007, message: "Request body is too large")], retryAfter: nil)
        }
    }

    /// Decodes a required JSON body; unknown fields are ignored.
    static func decode<T: Decodable>(_ type: T.Type, from request: inout Request) async throws -> T {
        let data = try await bytes(of: &request)
        try requireJSON(data.isEmpty ? Data("{}".utf8) : data)
        do {
            return try JSONDecoder().decode(T.self, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch let error as DecodingError {
            throw DemoAPIError.invalidBody(describe(error))
        }
    }

    /// Accepts an empty body or any JSON (the roll endpoint: the SDK sends none, the schema wants `{}`).
    static func acceptOptionalJSON(from request: inout Request) async throws {
        let data = try await bytes(of: &request)
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return }
        try requireJSON(data)
    }

    private static func requireJSON(_ data: Data) throws {
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw DemoAPIError.malformedJSON
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = (codingPath + (last.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue
            }
            return keys.isEmpty ? "body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath, key)) is required"
        case .valueNotFound(_, let context): return "\(path(context.codingPath)) must not be null"
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)) must be \(describe(type))"
        case .dataCorrupted(let context): return "\(path(context.codingPath)) is invalid"
        @unknown default: return "body is invalid"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
