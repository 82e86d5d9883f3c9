/// An identity provider orgtui speaks to: its stable id (`--provider`, a profile's `provider`) and the name the header
/// shows. Each provider target declares its own (`Provider.cloudflare`); the registry lists them.
public struct Provider: Sendable, Hashable, CustomStringConvertible {
    /// The stable id: `cloudflare`, `openai`, `keycard`.
    public let rawValue: String
    /// The name shown in the header.
    public let displayName: String

    public init(_ rawValue: String, displayName: String) {
        self.rawValue = rawValue
        self.displayName = displayName
    }

    public var description: String { rawValue }

    public static func == (lhs: Provider, rhs: Provider) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
