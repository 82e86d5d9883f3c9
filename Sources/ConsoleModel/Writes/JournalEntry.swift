import Foundation

/// One line of the journal: a write orgtui made (from the console or a script), and how it ended. Never a secret:
/// it is built from a `WriteResult`, which never holds one.
public struct JournalEntry: Codable, Sendable, Hashable {
    /// When the write ended, RFC 3339 in UTC.
    public var time: String
    /// The profile it was made with.
    public var profile: String
    /// The provider's id (`cloudflare`).
    public var provider: String
    /// The catalogue action (`tokens.roll`).
    public var action: String
    /// What it changed, in words and ids.
    public var target: String
    /// Its id, when it has one.
    public var targetID: String?
    /// `done`, `refused`, `unknown`, `read-only` or `not-sent`.
    public var outcome: String
    /// The API's message (refused), what the re-read found (unknown) or why nothing was sent.
    public var message: String?
    /// The API's request id (`cf-ray`, `x-request-id`), when it sent one.
    public var requestID: String?

    enum CodingKeys: String, CodingKey {
        case time, profile, provider, action, target, outcome, message
        case targetID = "target_id"
        case requestID = "request_id"
    }

    public init(
        time: String, profile: String, provider: String, action: String, target: String, outcome: String,
        message: String? = nil, requestID: String? = nil
    ) {
        self.time = time
        self.profile = profile
        self.provider = provider
        self.action = action
        self.target = target
        self.outcome = outcome
        self.message = message
        self.requestID = requestID
    }

    /// The entry of `result`, made with `profile` on `provider` at `date`.
    public init(_ result: WriteResult, profile: String, provider: String, date: Date) {
        let (outcome, message): (String, String?) =
            switch result.outcome {
            case .done: ("done", nil)
            case .refused(let said): ("refused", said)
            case .unknown(let finding):
                ("unknown", finding.shown.map { "the server now shows: \($0)" } ?? "the re-read could not tell")
            case .readOnly: ("read-only", "refused by read-only mode, nothing was sent")
            case .notSent(let reason): ("not-sent", reason)
            }
        self.init(
            time: Self.format(date), profile: profile, provider: provider, action: result.actionID,
            target: result.target, outcome: outcome, message: message, requestID: result.requestID)
        targetID = result.targetID
    }

    /// The entry's time as a date.
    public var date: Date? { try? Date(time, strategy: .iso8601) }

    static func format(_ date: Date) -> String { date.formatted(.iso8601) }
}
