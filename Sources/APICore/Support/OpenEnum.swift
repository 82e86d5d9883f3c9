/// A string enum from the wire that keeps a value it does not know as `.unknown(raw)` instead of failing to decode.
public enum OpenEnum<Known>: Codable, Sendable, Hashable, CustomStringConvertible
where Known: RawRepresentable & Sendable & Hashable, Known.RawValue == String {
    case known(Known)
    case unknown(String)

    /// The known case for `rawValue`, or `.unknown(rawValue)`.
    public init(rawValue: String) {
        self = Known(rawValue: rawValue).map(OpenEnum.known) ?? .unknown(rawValue)
    }

    /// Wraps a known value.
    public init(_ value: Known) { self = .known(value) }

    /// The string on the wire.
    public var rawValue: String {
        switch self {
        case .known(let value): value.rawValue
        case .unknown(let raw): raw
        }
    }

    /// The known value, or nil.
    public var value: Known? {
        if case .known(let value) = self { return value }
        return nil
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
