import APICore
import Foundation

/// Where and as whom a Cloudflare client connects.
public struct CloudflareConfiguration: Sendable {
    /// The public API's base URL.
    public static let defaultBaseURL = "https://api.cloudflare.com/client/v4"

    public var baseURL: URL
    public var credentials: CloudflareCredentials
    /// Sent as `User-Agent`.
    public var userAgent: String

    /// A configuration with a base URL already validated (https, or http to loopback only).
    public init(baseURL: String = defaultBaseURL, credentials: CloudflareCredentials, userAgent: String = "orgtui")
        throws(APIError)
    {
        self.baseURL = try BaseURL.validated(baseURL)
        self.credentials = credentials
        self.userAgent = userAgent
    }

    /// Reads the official SDK's env vars; `baseURLOverride` (from `--base-url`) wins over `CLOUDFLARE_BASE_URL`.
    public static func fromEnvironment(_ environment: [String: String], baseURLOverride: String? = nil)
        throws(APIError) -> CloudflareConfiguration
    {
        guard let credentials = CloudflareCredentials.fromEnvironment(environment) else {
            throw APIError(
                kind: .invalidConfiguration,
                detail:
                    "No Cloudflare credentials: set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL)")
        }
        let baseURL = baseURLOverride ?? environment["CLOUDFLARE_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return try CloudflareConfiguration(baseURL: baseURL ?? defaultBaseURL, credentials: credentials)
    }
}
