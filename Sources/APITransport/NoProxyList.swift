import Foundation

/// The hosts that bypass the proxy, from `NO_PROXY` as curl reads it.
///
/// Entries are separated by commas or spaces: `*` (every host), a domain (`example.com`, which also covers its
/// subdomains; a leading dot as in `.example.com` is the same), an IP address, or an IP range in CIDR notation
/// (`10.0.0.0/8`, `fd00::/8`). Matching ignores case, a trailing dot and IPv6 brackets; ports are not compared.
public struct NoProxyList: Sendable, Hashable {
    private enum Entry: Hashable {
        case everything
        case domain(String)
        case network(IPAddressBytes, prefix: Int)
    }

    private let entries: [Entry]

    /// The list `text` (a `NO_PROXY` value) names.
    public init(_ text: String) {
        var entries: [Entry] = []
        for token in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            var name = token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if name == "*" {
                entries.append(.everything)
                continue
            }
            if let slash = name.firstIndex(of: "/"), let prefix = Int(name[name.index(after: slash)...]),
                let address = IPAddressBytes(String(name[..<slash]))
            {
                entries.append(.network(address, prefix: min(max(prefix, 0), address.bytes.count * 8)))
                continue
            }
            if let address = IPAddressBytes(name) {
                entries.append(.network(address, prefix: address.bytes.count * 8))
                continue
            }
            while name.hasPrefix(".") { name.removeFirst() }
            while name.hasSuffix(".") { name.removeLast() }
            if !name.isEmpty { entries.append(.domain(name)) }
        }
        self.entries = entries
    }

    /// An empty list: every host may be proxied.
    public static let empty = NoProxyList("")

    /// Whether `host` goes direct.
    public func matches(_ host: String) -> Bool {
        var name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        while name.hasSuffix(".") { name.removeLast() }
        let address = IPAddressBytes(name)
        for entry in entries {
            switch entry {
            case .everything: return true
            case .domain(let domain):
                if name == domain || name.hasSuffix("." + domain) { return true }
            case .network(let network, let prefix):
                if let address, address.isIn(network, prefix: prefix) { return true }
            }
        }
        return false
    }
}

/// An IPv4 or IPv6 address as its bytes, for CIDR matching.
struct IPAddressBytes: Hashable, Sendable {
    let bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    /// Whether the first `prefix` bits equal those of `network` (of the same family).
    func isIn(_ network: IPAddressBytes, prefix: Int) -> Bool {
        guard bytes.count == network.bytes.count else { return false }
        var remaining = prefix
        for index in bytes.indices where remaining > 0 {
            let bits = min(remaining, 8)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[index] & mask != network.bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }
}
