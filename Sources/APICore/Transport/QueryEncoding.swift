import Foundation

/// Builds request URLs with strict percent-encoding, so ids and filters from anywhere stay one path segment or value.
public enum QueryEncoding {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    public static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `base` + "/" + each escaped segment, then `?name=value&…` in the given order (repeated names allowed).
    public static func url(base: URL, path: [String], query: [(String, String)]) -> URL? {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        for segment in path { text += "/" + escape(segment) }
        if !query.isEmpty {
            text += "?" + query.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
        }
        return URL(string: text)
    }
}
