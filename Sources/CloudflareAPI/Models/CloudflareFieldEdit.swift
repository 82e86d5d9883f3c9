import APICore

extension Cloudflare {
    /// One field of a partial update (`PATCH`): a new value, or cleared (sent as `null`). An absent field is nil.
    public enum FieldEdit: Sendable, Hashable, ExpressibleByStringLiteral {
        case set(String)
        case clear

        public init(stringLiteral value: String) { self = .set(value) }

        /// The value after the edit: nil when cleared.
        public var value: String? {
            if case .set(let value) = self { return value }
            return nil
        }
    }
}

extension KeyedEncodingContainer {
    /// Encodes a field edit: the value, `null` when cleared, nothing when absent.
    mutating func encode(_ edit: Cloudflare.FieldEdit?, forKey key: Key) throws {
        switch edit {
        case .set(let value): try encode(value, forKey: key)
        case .clear: try encodeNil(forKey: key)
        case nil: break
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a field edit: `null` is a clear, a missing key is no edit.
    func decodeEdit(forKey key: Key) throws -> Cloudflare.FieldEdit? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .clear }
        return .set(try decode(String.self, forKey: key))
    }
}
