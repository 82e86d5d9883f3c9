import APICore
import Foundation

/// Where and as whom a Keycard client connects.
public struct KeycardConfiguration: Sendable {
    /// The public API's base URL (no version prefix).
    public static let defaultBaseURL = "https://api.keycard.ai"
    /// The path of the OAuth2 token endpoint under the base URL.
    public static let tokenPath = "service-account-token"

    public var baseURL: URL
    public var credentials: KeycardCredentials
    /// The OAuth2 client-credentials token endpoint. The SDK hard-codes `api.keycard.ai`; orgtui derives it from
    /// the base URL (so `KEYCARD_API_BASE_URL` and the demo server work) unless a profile overrides it.
    public var tokenURL: URL
    /// Sent on every request (`KEYCARD_API_CUSTOM_HEADERS`, one `Name: value` per line).
    public var customHeaders: [(name: String, value: String)]
    /// Sent as `User-Agent`.
    public var userAgent: String

    /// A configuration with the base and token URLs already validated (https, or http to loopback only).
    public init(
        baseURL: String = defaultBaseURL, credentials: KeycardCredentials, tokenURL: String? = nil,
        customHeaders: [(name: String, value: String)] = [], userAgent: String = "orgtui"
    ) throws(APIError) {
        let base = try BaseURL.validated(baseURL)
        self.baseURL = base
        self.credentials = credentials
        if let tokenURL {
            self.tokenURL = try BaseURL.validated(tokenURL)
        } else {
            guard let derived = QueryEncoding.url(base: base, path: [Self.tokenPath], query: []) else {
                throw APIError(kind: .invalidConfiguration, detail: "Cannot derive the token URL from \(baseURL)")
            }
            self.tokenURL = derived
        }
        self.customHeaders = customHeaders
        self.userAgent = userAgent
    }

    /// Whether the environment holds an API key or a client-credentials pair.
    public static func hasCredentials(in environment: [String: String]) -> Bool {
        KeycardCredentials.fromEnvironment(environment) != nil
    }

    /// Reads the official SDK's env vars; `baseURLOverride` (from `--base-url`) wins over `KEYCARD_API_BASE_URL`,
    /// and `tokenURLOverride` (a profile's) over the token URL derived from the base URL.
    public static func fromEnvironment(
        _ environment: [String: String], baseURLOverride: String? = nil, tokenURLOverride: String? = nil
    ) throws(APIError) -> KeycardConfiguration {
        guard let credentials = KeycardCredentials.fromEnvironment(environment) else {
            throw APIError(
                kind: .invalidConfiguration,
                detail:
                    "No Keycard credentials: set KEYCARD_API_API_KEY (or KEYCARD_API_CLIENT_ID with KEYCARD_API_CLIENT_SECRET)"
            )
        }
        let baseURL = baseURLOverride ?? environment["KEYCARD_API_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return try KeycardConfiguration(
            baseURL: baseURL ?? defaultBaseURL, credentials: credentials, tokenURL: tokenURLOverride,
            customHeaders: customHeaders(environment["KEYCARD_API_CUSTOM_HEADERS"]))
    }

    /// Parses `KEYCARD_API_CUSTOM_HEADERS` as the SDK does: one `Name: value` per line, lines without a colon ignored.
    public static func customHeaders(_ text: String?) -> [(name: String, value: String)] {
        guard let text else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : (name, value)
        }
    }
}
