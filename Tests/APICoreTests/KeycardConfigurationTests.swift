import APICore
import Foundation
import KeycardAPI
import Providers
import Testing

@Suite("Keycard configuration: the SDK's environment, token URL and wire decoding")
struct KeycardConfigurationTests {
    @Test(arguments: [
        (["KEYCARD_API_API_KEY": "k"], "API key"),
        (["KEYCARD_API_CLIENT_ID": "c", "KEYCARD_API_CLIENT_SECRET": "s"], "client credentials of c"),
        (
            ["KEYCARD_API_API_KEY": "k", "KEYCARD_API_CLIENT_ID": "c", "KEYCARD_API_CLIENT_SECRET": "s"],
            "client credentials of c"
        ),
        (["KEYCARD_API_API_KEY": "k", "KEYCARD_API_CLIENT_ID": "c"], "API key"),
    ])
    func environmentPicksCredentialsLikeTheSDK(environment: [String: String], expected: String) throws {
        let configuration = try KeycardConfiguration.fromEnvironment(environment)
        #expect(configuration.credentials.description == expected)
        #expect(configuration.baseURL.absoluteString == "https://api.keycard.ai")
        #expect(configuration.tokenURL.absoluteString == "https://api.keycard.ai/service-account-token")
        #expect(KeycardConfiguration.hasCredentials(in: environment))
    }

    @Test func missingCredentialsExplainWhatToSet() {
        #expect(!KeycardConfiguration.hasCredentials(in: ["KEYCARD_API_CLIENT_ID": "c"]))
        #expect { try KeycardConfiguration.fromEnvironment([:]) } throws: { error in
            (error as? APIError)?.userMessage.contains("KEYCARD_API_API_KEY") == true
        }
    }

    @Test func theTokenURLFollowsTheBaseURLUnlessOverridden() throws {
        let environment = ["KEYCARD_API_API_KEY": "k", "KEYCARD_API_BASE_URL": "http://127.0.0.1:8787/"]
        let derived = try KeycardConfiguration.fromEnvironment(environment)
        #expect(derived.tokenURL.absoluteString == "http://127.0.0.1:8787/service-account-token")
        let overridden = try KeycardConfiguration.fromEnvironment(
            environment, baseURLOverride: "http://localhost:9", tokenURLOverride: "https://auth.example/token")
        #expect(overridden.baseURL.absoluteString == "http://localhost:9")
        #expect(overridden.tokenURL.absoluteString == "https://auth.example/token")
        #expect(throws: APIError.self) {
            try KeycardConfiguration.fromEnvironment(environment, tokenURLOverride: "http://evil.example/token")
        }
        #expect(throws: APIError.self) {
            try KeycardConfiguration.fromEnvironment([
                "KEYCARD_API_API_KEY": "k", "KEYCARD_API_BASE_URL": "http://evil.example",
            ])
        }
    }

    @Test func customHeadersAreParsedAsTheSDKDoes() {
        let headers = KeycardConfiguration.customHeaders("X-One: 1\nbroken line\n X-Two :two words \n")
        #expect(headers.map(\.name) == ["X-One", "X-Two"])
        #expect(headers.map(\.value) == ["1", "two words"])
    }

    @Test func providerConfigurationKnowsKeycard() throws {
        let environment = ["KEYCARD_API_API_KEY": "k"]
        let registry = ProviderRegistry.standard
        #expect(registry.providersWithCredentials(in: environment) == [.keycard])
        let configuration = try registry.configuration(.keycard, fromEnvironment: environment)
        #expect(configuration.provider == .keycard)
        let profile = try registry.configuration(
            .keycard, token: Secret("from-token-command"), baseURL: "https://kc.example", environment: environment)
        guard let keycard = profile.underlying as? KeycardConfiguration else {
            Issue.record("not a Keycard configuration")
            return
        }
        #expect(keycard.credentials.description == "API key")
        #expect(keycard.tokenURL.absoluteString == "https://kc.example/service-account-token")
        #expect(profile.makeDirectory(transport: FakeTransportStub()).provider == .keycard)
    }

    @Test func unknownEnumValuesAndFieldsDecode() throws {
        let json = #"""
            {"id":"u1","role":"org_owner","status":"suspended","source":"https://idp","created_at":"2024-01-01T00:00:00Z",
             "updated_at":"2024-01-01T00:00:00Z","brand_new_field":{"x":1}}
            """#
        let user = try JSONDecoder().decode(Keycard.OrganizationUser.self, from: Data(json.utf8))
        #expect(user.role == .unknown("org_owner") && user.status == .unknown("suspended") && user.email == nil)
        let member = Member(keycard: user, organization: ScopeNode(kind: .organization, id: "o1", name: "Acme"))
        #expect(member.status == .unknown("suspended") && member.roles.map(\.name) == ["org_owner"])
    }
}

/// A transport that is never called (for building a directory).
private struct FakeTransportStub: Transport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { HTTPResponse(status: 500) }
}
