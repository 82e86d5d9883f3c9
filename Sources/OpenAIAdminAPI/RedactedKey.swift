/// The visible ends of a key as the API shows it (`sk-admin...abcd`, `sk-admin-ab…wxyz`, `sk-ab****wxyz`),
/// used to recognise the key this client signs in with without asking the server which one it is.
import APICore

public struct RedactedKey: Sendable, Hashable {
    /// The visible start, before the hidden middle.
    public let prefix: String
    /// The visible end, after the hidden middle; never empty.
    public let suffix: String

    /// The ends of `redactedValue`, or nil when it hides nothing recognisably or shows no end to compare.
    public init?(_ redactedValue: String) {
        let markers = ["…", "...", "*"]
        guard
            let marker = markers.compactMap({ redactedValue.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
        else { return nil }
        let prefix = redactedValue[..<marker.lowerBound]
        // The hidden middle may be a run of markers ("****"); the suffix starts after the last of them.
        let rest = redactedValue[marker.lowerBound...].drop { $0 == "*" || $0 == "." || $0 == "…" }
        guard !rest.isEmpty, !rest.contains(where: { $0 == "*" || $0 == "…" }) else { return nil }
        self.prefix = String(prefix)
        suffix = String(rest)
    }

    /// Whether `secret` starts with the prefix, ends with the suffix and is long enough to hide something.
    public func matches(_ secret: Secret) -> Bool {
        guard let value = secret.reveal() else { return false }
        return value.count > prefix.count + suffix.count && value.hasPrefix(prefix) && value.hasSuffix(suffix)
    }
}
