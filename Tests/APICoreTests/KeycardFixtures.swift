import APICore
import ConsoleTesting
import Foundation
import KeycardAPI
import Synchronization

/// A Keycard client over a fake transport at `https://api.keycard.test`, with a clock the test moves.
func makeKeycardClient(
    _ transport: FakeTransport, credentials: KeycardCredentials = .apiKey(Secret("kc-key-SECRET")),
    clock: KeycardTestClock = KeycardTestClock(), retrying sleeper: RecordingSleeper? = nil
) throws -> KeycardClient {
    let configuration = try KeycardConfiguration(baseURL: "https://api.keycard.test", credentials: credentials)
    let wrapped: any Transport =
        if let sleeper { RetryingTransport(base: transport, sleep: sleeper.sleep, unitRandom: { 1 }) } else {
            transport
        }
    return KeycardClient(configuration: configuration, transport: wrapped, now: clock.now)
}

/// Client credentials for tests.
let keycardClientCredentials = KeycardCredentials.clientCredentials(
    clientID: "client-1", clientSecret: Secret("client-SECRET-1"))

/// A clock that stands still until the test advances it.
final class KeycardTestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_700_000_000))

    /// The current time, for `KeycardClient(now:)`.
    var now: @Sendable () -> Date { { self.current.withLock { $0 } } }

    /// Moves the clock forward.
    func advance(seconds: TimeInterval) { current.withLock { $0.addTimeInterval(seconds) } }
}

/// `{"access_token": token, "expires_in": seconds}`.
func keycardTokenJSON(_ token: String, expiresIn: Int? = 3600) -> String {
    expiresIn.map { #"{"access_token":"\#(token)","expires_in":\#($0),"token_type":"Bearer"}"# }
        ?? #"{"access_token":"\#(token)"}"#
}

/// A Keycard list body.
func keycardList(_ items: [String], hasNext: Bool = false, end: String? = nil) -> String {
    let cursor = end.map { #","end_cursor":"\#($0)""# } ?? ""
    return
        #"{"items":[\#(items.joined(separator: ","))],"page_info":{"has_next_page":\#(hasNext),"has_prev_page":false\#(cursor)}}"#
}

/// The JSON of an organization.
func keycardOrganizationJSON(_ id: String, name: String = "Acme") -> String {
    #"{"id":"\#(id)","name":"\#(name)","label":"acme","sso_enabled":false,"zone_id":"z","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T00:00:00Z"}"#
}

/// A Keycard error body.
func keycardError(_ message: String, code: String, status: Int) -> String {
    #"{"message":"\#(message)","code":"\#(code)","status":\#(status)}"#
}

extension HTTPRequest {
    /// The body as text.
    var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
}
