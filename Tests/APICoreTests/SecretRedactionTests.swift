import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation
import Testing

@Suite("Secrets never show in descriptions or errors")
struct SecretRedactionTests {
    @Test func secretDescriptionsAreRedacted() {
        let secret = Secret("hunter2-very-secret")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "Secret(<redacted>)")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(secret.matches("hunter2-very-secret"))
        #expect(!secret.matches("hunter2"))
    }

    @Test func wipeForgetsTheValue() {
        let secret = Secret("rolled-secret")
        #expect(secret.reveal() == "rolled-secret")
        secret.wipe()
        #expect(secret.reveal() == nil)
        #expect(secret.isWiped)
        #expect(!secret.matches("rolled-secret"))
    }

    @Test func errorsAndRequestsDoNotCarryCredentials() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/user", status: 403, json: errorEnvelope(code: 9109, message: "Invalid access token"))
        let client = try makeClient(transport, credentials: .apiToken(Secret("tok-SECRET-123")))
        do {
            _ = try await client.user()
            Issue.record("expected an error")
        } catch let error as APIError {
            for text in [error.description, error.debugDescription, error.userMessage, "\(error)"] {
                #expect(!text.contains("tok-SECRET-123"))
            }
            #expect(error.requestLine == "GET /client/v4/user")
        }
        let request = try #require(transport.requests.first)
        #expect(!"\(request)".contains("tok-SECRET-123"))
        #expect(!CloudflareCredentials.apiToken(Secret("tok-SECRET-123")).description.contains("SECRET"))
    }
}
