import Foundation

/// Reads the rate-limit headers providers send: the IETF draft's `RateLimit` / `RateLimit-Policy` (Cloudflare),
/// its older `RateLimit-Limit` / `-Remaining` / `-Reset` fields, and the `x-ratelimit-*-requests` family (OpenAI,
/// Keycard).
public struct RateLimitHeaders: Sendable, Hashable {
    /// Requests per window, when sent.
    public var limit: Int?
    /// Requests left, when sent.
    public var remaining: Int?
    /// Time until the budget frees up, when sent.
    public var reset: Duration?
    /// The window, when a policy was sent.
    public var window: Duration?

    /// The rate-limit figures of `response`; every field nil when it sends none.
    public init(_ response: HTTPResponse) {
        if let field = response.header("ratelimit") {
            let parameters = Self.parameters(field)
            remaining = parameters["r"].flatMap(Int.init) ?? parameters["remaining"].flatMap(Int.init)
            reset = parameters["t"].flatMap(Self.seconds) ?? parameters["reset"].flatMap(Self.seconds)
            limit = parameters["limit"].flatMap(Int.init)
        }
        if let field = response.header("ratelimit-policy") {
            let parameters = Self.parameters(field)
            limit = parameters["q"].flatMap(Int.init) ?? Self.leadingInteger(field) ?? limit
            window = parameters["w"].flatMap(Self.seconds)
        }
        limit = limit ?? response.header("ratelimit-limit").flatMap(Self.leadingInteger)
        remaining = remaining ?? response.header("ratelimit-remaining").flatMap(Self.leadingInteger)
        reset = reset ?? response.header("ratelimit-reset").flatMap(Self.seconds)
        limit = limit ?? response.header("x-ratelimit-limit-requests").flatMap(Self.leadingInteger)
        remaining = remaining ?? response.header("x-ratelimit-remaining-requests").flatMap(Self.leadingInteger)
        reset = reset ?? response.header("x-ratelimit-reset-requests").flatMap(Self.goDuration)
    }

    /// Whether any figure was sent.
    public var isEmpty: Bool { limit == nil && remaining == nil && reset == nil && window == nil }

    /// The `key=value` parameters of a structured field (`"default";r=50;t=30`, or `limit=100, remaining=50`).
    static func parameters(_ field: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in field.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            result[pair[0].lowercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return result
    }

    private static func leadingInteger(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }

    private static func seconds(_ text: String) -> Duration? {
        Double(text.trimmingCharacters(in: .whitespaces)).map { .seconds(max(0, $0)) }
    }

    /// A Go duration as OpenAI sends it: "1s", "6m0s", "20ms", "1h2m3.5s".
    public static func goDuration(_ text: String) -> Duration? {
        var total = 0.0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            let scale: Double
            switch unit {
            case "h": scale = 3600
            case "m": scale = 60
            case "s", "": scale = 1
            case "ms": scale = 0.001
            case "us", "µs": scale = 0.000_001
            case "ns": scale = 0.000_000_001
            default: return false
            }
            total += value * scale
            number = ""
            unit = ""
            return true
        }
        for character in text.trimmingCharacters(in: .whitespaces) {
            if character.isNumber || character == "." {
                if !unit.isEmpty {
                    guard flush() else { return nil }
                }
                number.append(character)
            } else {
                unit.append(character)
            }
        }
        guard !number.isEmpty, flush() else { return nil }
        return .seconds(total)
    }
}
