/// The JSON of `POST /__demo/faults`, e.g.
/// `{"method":"GET","path":"/accounts/*/members","kind":"status","status":429,"retryAfter":1,"times":1}`.
///
/// Kinds: `latency` (`ms`), `status` (`status`, optional `retryAfter`), `refusal` (`status`, `message`, optional
/// `code`), `malformed`, `truncated`, `reset` (optional `afterHandling`, default true). `times` defaults to 1; 0 or less means until cleared.
struct FaultRuleBody: Codable, Sendable {
    var method: String?
    var path: String
    var kind: String
    var status: Int?
    var retryAfter: Int?
    var ms: Int?
    var times: Int?
    var afterHandling: Bool?
    var message: String?
    var code: Int?

    /// The rule this body describes, or a 400 naming what is wrong.
    func rule() throws -> FaultRule {
        let kind: FaultKind
        switch self.kind {
        case "latency":
            guard let ms, ms >= 0 else { throw DemoAPIError.invalidBody("latency needs ms (milliseconds, >= 0)") }
            kind = .latency(.milliseconds(ms))
        case "status":
            guard let status, (100...599).contains(status) else {
                throw DemoAPIError.invalidBody("status needs status (an HTTP status code)")
            }
            kind = afterHandling == true ? .statusAfterHandling(status) : .status(status, retryAfter: retryAfter)
        case "refusal":
            guard let status, (400...599).contains(status), let message else {
                throw DemoAPIError.invalidBody("refusal needs status (400…599) and message")
            }
            kind = .refusal(status, message: message, code: code ?? 1003)
        case "html":
            guard let status, (400...599).contains(status) else {
                throw DemoAPIError.invalidBody("html needs status (400…599)")
            }
            kind = .htmlPage(status)
        case "malformed": kind = .malformedJSON
        case "truncated": kind = .truncatedJSON
        case "reset": kind = .reset(afterHandling: afterHandling ?? true)
        default:
            throw DemoAPIError.invalidBody("kind must be latency, status, refusal, html, malformed, truncated or reset")
        }
        let count = times ?? 1
        return FaultRule(method: method ?? "*", path: path, kind: kind, times: count > 0 ? count : nil)
    }

    /// The JSON form of a rule (with `id` and `remaining` instead of `times`).
    struct Description: Codable, Sendable {
        var id: Int
        var method: String
        var path: String
        var kind: String
        var status: Int?
        var retryAfter: Int?
        var ms: Int?
        var afterHandling: Bool?
        var message: String?
        var code: Int?
        var remaining: Int?

        init(_ rule: FaultRule) {
            id = rule.id
            method = rule.method
            path = rule.path.description
            kind = rule.kind.name
            remaining = rule.remaining
            switch rule.kind {
            case .latency(let delay):
                ms = Int(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)
            case .status(let code, let after):
                status = code
                retryAfter = after
            case .refusal(let code, let text, let wireCode):
                status = code
                message = text
                self.code = wireCode
            case .reset(let after): afterHandling = after
            case .htmlPage(let code): status = code
            case .statusAfterHandling(let code):
                status = code
                afterHandling = true
            case .malformedJSON, .truncatedJSON: break
            }
        }
    }
}
