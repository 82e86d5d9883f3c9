import Foundation

/// One error or message item a provider put in its response body.
public struct ProviderMessage: Sendable, Hashable, CustomStringConvertible {
    /// The provider's code, as text (Cloudflare sends integers, OpenAI strings).
    public var code: String?
    public var message: String

    public init(code: String?, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { code.map { "\($0): \(message)" } ?? message }
}

extension ProviderMessage {
    /// What a body in no known shape says: an HTML page (a proxy's or a gateway's) by its title or first heading,
    /// never its markup; other text by its first line, at most 160 characters.
    public static func unknownBody(_ body: Data) -> ProviderMessage {
        let text = String(decoding: body.prefix(4_096), as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<") else {
            let line = trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return ProviderMessage(code: nil, message: String(line.prefix(160)))
        }
        let heading = ["title", "h1", "h2"].lazy.compactMap { element(named: $0, in: trimmed) }.first { !$0.isEmpty }
        let said = heading.map { " (\"\(String($0.prefix(100)))\")" } ?? ""
        return ProviderMessage(
            code: nil,
            message: "the answer was a web page\(said), not the API's: a proxy or a gateway may be in the way")
    }

    /// The text inside the first `<name …>…</name>` of `html`, tags stripped and spaces collapsed.
    private static func element(named name: String, in html: String) -> String? {
        let lower = html.lowercased()
        guard let open = lower.range(of: "<\(name)"), let end = lower[open.upperBound...].range(of: ">"),
            let close = lower[end.upperBound...].range(of: "</\(name)")
        else { return nil }
        let offset = { (index: String.Index) in
            html.index(html.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: index))
        }
        var inner = String(html[offset(end.upperBound)..<offset(close.lowerBound)])
        while let tag = inner.range(of: "<[^>]*>", options: .regularExpression) {
            inner.replaceSubrange(tag, with: " ")
        }
        // What is left of a tag that never closed is markup too (found by the fuzzer: `<titl Forbidden`).
        return inner.split(whereSeparator: { $0.isWhitespace || $0 == "<" || $0 == ">" }).joined(separator: " ")
    }
}
