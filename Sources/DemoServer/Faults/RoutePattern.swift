/// A path pattern such as `/accounts/*/members`: `*` matches one segment, `**` any number (also none).
///
/// A pattern without the `/client/v4` prefix matches Cloudflare paths after that prefix. OpenAI paths are matched
/// as they are, so their patterns name the `/v1` prefix (`/v1/organization/users`, `/v1/**`); `/**` hits both APIs.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    private let segments: [Substring]
    /// The pattern as written.
    public let description: String

    /// Parses a pattern.
    public init(_ pattern: String) {
        description = pattern
        var segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        if segments.starts(with: ["client", "v4"]) { segments.removeFirst(2) }
        self.segments = segments
    }

    /// Whether `path` (with or without `/client/v4`) matches.
    public func matches(_ path: String) -> Bool {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.starts(with: ["client", "v4"]) { parts.removeFirst(2) }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ parts: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return parts.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            return (0...parts.count).contains { match(rest, parts.dropFirst($0)) }
        }
        guard let part = parts.first, head == "*" || head == part else { return false }
        return match(pattern.dropFirst(), parts.dropFirst())
    }
}
