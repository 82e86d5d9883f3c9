import APICore
import Foundation

/// Where and as whom an OpenAI Admin client connects.
public struct OpenAIConfiguration: Sendable {
    /// The public API's base URL.
    public static let defaultBaseURL = "https://api.openai.com/v1"

    public var baseURL: URL
    /// The admin key (`OPENAI_ADMIN_KEY`), sent as `Authorization: Bearer`.
    public var adminKey: Secret
    /// Sent as `OpenAI-Organization` when set (`OPENAI_ORG_ID`); an admin key already names its organization.
    public var organizationID: String?
    /// Sent as `User-Agent`.
    public var userAgent: String

    /// A configuration with a base URL already validated (https, or http to loopback only).
    public init(
        baseURL: String = defaultBaseURL, adminKey: Secret, organizationID: String? = nil, userAgent: String = "orgtui"
    ) throws(APIError) {
        self.baseURL = try BaseURL.validated(baseURL)
        self.adminKey = adminKey
        self.organizationID = organizationID
        self.userAgent = userAgent
    }

    /// Whether the environment holds an admin key.
    public static func hasCredentials(in environment: [String: String]) -> Bool {
        !(environment["OPENAI_ADMIN_KEY"] ?? "").isEmpty
    }

    /// Reads the official SDK's env vars; `baseURLOverride` (from `--base-url`) wins over `OPENAI_BASE_URL`.
    ///
    /// Like the SDK, it never falls back to `OPENAI_API_KEY`: admin endpoints need an admin key.
    public static func fromEnvironment(_ environment: [String: String], baseURLOverride: String? = nil)
        throws(APIError) -> OpenAIConfiguration
    {
        guard let key = environment["OPENAI_ADMIN_KEY"], !key.isEmpty else {
            throw APIError(
                kind: .invalidConfiguration,
                detail:
                    "No OpenAI admin key: set OPENAI_ADMIN_KEY (an ordinary OPENAI_API_KEY cannot call the Admin API)")
        }
        let baseURL = baseURLOverride ?? environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let organization = environment["OPENAI_ORG_ID"].flatMap { $0.isEmpty ? nil : $0 }
        return try OpenAIConfiguration(
            baseURL: baseURL ?? defaultBaseURL, adminKey: Secret(key), organizationID: organization)
    }
}
