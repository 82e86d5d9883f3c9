import Foundation

/// Checks that a base URL is safe to send credentials to.
public enum BaseURL {
    /// Parses `text` and refuses plain `http://` unless the host is a loopback address.
    public static func validated(_ text: String) throws(APIError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host,
            !host.isEmpty
        else {
            throw APIError(kind: .invalidConfiguration, detail: "'\(trimmed)' is not a valid base URL")
        }
        switch scheme {
        case "https":
            return url
        case "http" where isLoopback(host):
            return url
        case "http":
            throw APIError(
                kind: .invalidConfiguration,
                detail:
                    "Refusing plain http:// to \(host): credentials would travel unencrypted (use https://, or a loopback host)"
            )
        default:
            throw APIError(kind: .invalidConfiguration, detail: "Unsupported URL scheme '\(scheme)' in \(trimmed)")
        }
    }

    /// Whether a host name or address is this machine's loopback.
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
