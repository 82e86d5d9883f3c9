import Foundation

/// Settings of a demo server: where it listens, who may sign in and how much seeded data it holds (for the
/// Cloudflare API and the OpenAI Admin API alike).
public struct DemoServerConfiguration: Sendable {
    /// Interface to bind; loopback by default.
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks any free port.
    public var port: Int = 0
    /// The secret of the login API token, and of the OpenAI login admin key; nil generates random ones.
    public var token: String? = nil
    /// Members of the big account ("Acme Corp"), clamped to 1…100 000.
    public var members: Int = 2500
    /// Seed of the deterministic demo data.
    public var seed: UInt64 = 1
    /// Latency added before every response, jittered by ±10 % per request (`--latency MS`).
    public var latency: Duration = .zero
    /// HTTPS (with HTTP/2) instead of plain HTTP (`--tls-cert`, `--tls-key`).
    public var tls: DemoServerTLS? = nil
    /// A request budget per credential in a rolling window; past it, 429 with `Retry-After` (`--rate-limit N/5m`).
    public var rateLimit: DemoRateLimit? = nil
    /// "Now" for the seeded timestamps; nil means the start of the current UTC day.
    public var referenceDate: Date? = nil
    /// When set, the server's clock stands still at this date (last use of tokens, expiry, dates of new records),
    /// so tests see the same screens every day; nil follows the real clock.
    public var frozenNow: Date? = nil
    /// The user's global API key (`X-Auth-Key`); nil generates a random 37-character one.
    public var globalAPIKey: String? = nil
    /// Users of the OpenAI organization, clamped to 1…100 000.
    public var openAIUsers: Int = 1200

    /// Members of the big Keycard organization ("Acme Robotics"), clamped to 0…100 000.
    public var keycardUsers: Int = 600
    /// Whether the Keycard endpoints newer servers dropped (users, roles, identities, token exchange) answer;
    /// false makes them 404, like a current server.
    public var keycardLegacyEndpoints: Bool = true
    /// `expires_in` (seconds) of the Keycard access tokens the token endpoint issues.
    public var keycardTokenLifetime: Int = 3600

    /// The largest supported member count of the big account.
    public static let maximumMembers = 100_000
    /// The largest supported user count of the OpenAI organization.
    public static let maximumOpenAIUsers = 100_000

    /// Creates a configuration; every argument has a demo-friendly default.
    public init(
        host: String = "127.0.0.1", port: Int = 0, token: String? = nil, members: Int = 2500, seed: UInt64 = 1,
        latency: Duration = .zero, referenceDate: Date? = nil, globalAPIKey: String? = nil, openAIUsers: Int = 1200
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.members = members
        self.seed = seed
        self.latency = latency
        self.referenceDate = referenceDate
        self.globalAPIKey = globalAPIKey
        self.openAIUsers = openAIUsers
    }

    /// The member count actually seeded.
    var clampedMembers: Int { min(max(members, 1), Self.maximumMembers) }

    /// The OpenAI user count actually seeded.
    var clampedOpenAIUsers: Int { min(max(openAIUsers, 1), Self.maximumOpenAIUsers) }
    /// The Keycard big organization's member count actually seeded (besides the demo user).
    var clampedKeycardUsers: Int { min(max(keycardUsers, 0), Self.maximumMembers) }

    /// The reference "now" of the seeded data.
    var resolvedReferenceDate: Date {
        if let referenceDate { return referenceDate }
        let seconds = Date().timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400)
    }
}
