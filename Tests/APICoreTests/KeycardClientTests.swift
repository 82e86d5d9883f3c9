import APICore
import ConsoleTesting
import Foundation
import KeycardAPI
import Testing

@Suite("Keycard client: requests, auth, tokens and errors")
struct KeycardClientTests {
    @Test func anAPIKeyIsABearerAndListsSendTheSDKsQuery() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/organizations", json: keycardList([keycardOrganizationJSON("o1")]))
        let list = try await makeKeycardClient(transport).organizations(
            .init(after: "c1", limit: 2, expand: [.permissions, .totalCount]))
        #expect(list.items.map(\.id) == ["o1"])
        let request = try #require(transport.requests.first)
        #expect(request.header("Authorization") == "Bearer kc-key-SECRET")
        #expect(request.header("Accept") == "application/json")
        #expect(
            request.url.absoluteString
                == "https://api.keycard.test/organizations?after=c1&expand=permissions&expand=total_count&limit=2")
    }

    @Test func clientCredentialsAreExchangedOnceWithBasicAuthAndAFormBody() async throws {
        let transport = FakeTransport()
        transport.respond(.post, "/service-account-token", json: keycardTokenJSON("access-1"))
        transport.respond(.get, "/organizations", json: keycardList([]))
        let client = try makeKeycardClient(transport, credentials: keycardClientCredentials)
        _ = try await client.organizations()
        _ = try await client.organizations()
        let token = try #require(transport.requests.first)
        #expect(token.url.absoluteString == "https://api.keycard.test/service-account-token")
        #expect(token.header("Authorization") == "Basic " + Data("client-1:client-SECRET-1".utf8).base64EncodedString())
        #expect(token.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(token.bodyText == "grant_type=client_credentials")
        #expect(transport.count(.post, "/service-account-token") == 1)
        #expect(transport.requests.dropFirst().allSatisfy { $0.header("Authorization") == "Bearer access-1" })
    }

    @Test(
        arguments: [(60, 49.0, 1), (60, 51.0, 2), (5, 0.0, 2), (nil, 3_589.0, 1), (nil, 3_591.0, 2)]
            as [(Int?, Double, Int)])
    func aTokenIsFetchedAgainWithinTenSecondsOfItsExpiry(expiresIn: Int?, elapsed: Double, tokenRequests: Int)
        async throws
    {
        let transport = FakeTransport()
        transport.respond(.post, "/service-account-token", json: keycardTokenJSON("t", expiresIn: expiresIn))
        transport.respond(.get, "/organizations", json: keycardList([]))
        let clock = KeycardTestClock()
        let client = try makeKeycardClient(transport, credentials: keycardClientCredentials, clock: clock)
        _ = try await client.organizations()
        clock.advance(seconds: elapsed)
        _ = try await client.organizations()
        #expect(transport.count(.post, "/service-account-token") == tokenRequests)
    }

    @Test func a401DropsTheTokenFetchesAnotherAndRetriesOnce() async throws {
        let transport = FakeTransport()
        transport.script(
            .post, "/service-account-token",
            [
                .response(HTTPResponse(status: 200, body: Data(keycardTokenJSON("old").utf8))),
                .response(HTTPResponse(status: 200, body: Data(keycardTokenJSON("new").utf8))),
            ])
        transport.script(
            .get, "/organizations",
            [
                .response(
                    HTTPResponse(
                        status: 401, body: Data(keycardError("expired", code: "unauthorized", status: 401).utf8))),
                .response(HTTPResponse(status: 200, body: Data(keycardList([]).utf8))),
            ])
        let client = try makeKeycardClient(transport, credentials: keycardClientCredentials)
        _ = try await client.organizations()
        let authorizations = transport.requests.filter { $0.method == .get }.map { $0.header("Authorization") }
        #expect(authorizations == ["Bearer old", "Bearer new"])
    }

    @Test func a401AfterTheRefetchIsReportedNotRetriedAgain() async throws {
        let transport = FakeTransport()
        transport.respond(.post, "/service-account-token", json: keycardTokenJSON("t"))
        transport.respond(
            .get, "/organizations", status: 401, json: keycardError("no", code: "unauthorized", status: 401))
        let client = try makeKeycardClient(transport, credentials: keycardClientCredentials)
        await #expect { try await client.organizations() } throws: { ($0 as? APIError)?.status == 401 }
        #expect(transport.count(.get, "/organizations") == 2)
        #expect(transport.count(.post, "/service-account-token") == 2)
    }

    @Test func anAPIKeyIsNotRenewedAfterA401() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/organizations", status: 401, json: keycardError("no", code: "unauthorized", status: 401))
        await #expect { try await makeKeycardClient(transport).organizations() } throws: {
            ($0 as? APIError)?.status == 401
        }
        #expect(transport.count(.get, "/organizations") == 1)
    }

    @Test func errorBodiesBecomeProviderMessages() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/organizations/o1", status: 403,
            json: keycardError("Your role cannot", code: "forbidden", status: 403))
        await #expect { try await makeKeycardClient(transport).organization(id: "o1") } throws: { error in
            let error = try #require(error as? APIError)
            return error.providerMessages == [ProviderMessage(code: "forbidden", message: "Your role cannot")]
                && error.userMessage == "Access denied: Your role cannot"
                && error.debugDescription.contains("forbidden")
        }
    }

    @Test(arguments: [#"{"items": [tru"#, "<html>oops</html>", #"{"items":[]}"#])
    func aMalformed200IsAMalformedAnswer(body: String) async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/organizations", json: body)
        await #expect { try await makeKeycardClient(transport).organizations() } throws: {
            ($0 as? APIError)?.kind == .malformedResponse
        }
    }

    @Test func deletesAcceptAnythingAndExpectNoBody() async throws {
        let transport = FakeTransport()
        transport.script(.delete, "/organizations/o1/invitations/i1", [.response(HTTPResponse(status: 204))])
        try await makeKeycardClient(transport).deleteInvitation(organizationID: "o1", id: "i1")
        let request = try #require(transport.requests.first)
        #expect(request.headers.filter { $0.name.lowercased() == "accept" }.map(\.value) == ["*/*"])
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.body == nil)
    }

    @Test func anInvitationIsReadWithoutCredentialsAndItsTokenIsRedacted() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/invitations/tok-SECRET", status: 404,
            json: keycardError("Invitation not found", code: "not_found", status: 404))
        let client = try makeKeycardClient(transport)
        await #expect { try await client.invitation(token: Secret("tok-SECRET")) } throws: { error in
            let error = try #require(error as? APIError)
            return error.requestLine == "GET /invitations/<redacted>" && !error.debugDescription.contains("tok-SECRET")
        }
        #expect(transport.requests.first?.header("Authorization") == nil)
        #expect(transport.requests.first?.requestLine == "GET /invitations/<redacted>")
        await #expect { try await client.invitation(token: Secret("  ")) } throws: {
            ($0 as? APIError)?.kind == .refused
        }
    }

    @Test func ssoThatIsOffIsNil() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/organizations/o1/sso-connection", status: 404,
            json: keycardError("SSO connection not found", code: "not_found", status: 404))
        #expect(try await makeKeycardClient(transport).ssoConnection(organizationID: "o1") == nil)
    }

    @Test(arguments: [(true, APIError.Kind.unsupported), (false, .http(status: 404))])
    func aDroppedEndpointIsUnsupportedWhenTheOrganizationExists(organizationExists: Bool, kind: APIError.Kind)
        async throws
    {
        let transport = FakeTransport()
        transport.respond(
            .get, "/organizations/o1/users", status: 404,
            json: keycardError("Not Found", code: "not_found", status: 404))
        if organizationExists {
            transport.respond(.get, "/organizations/o1", json: keycardOrganizationJSON("o1"))
        }
        let client = try makeKeycardClient(transport)
        await #expect { try await client.users(organizationID: "o1") } throws: { ($0 as? APIError)?.kind == kind }
        await #expect { try await client.removeUser(organizationID: "o1", id: "u1") } throws: {
            ($0 as? APIError)?.kind == kind
        }
    }

    @Test func aCreatedCredentialCarriesItsSecretOnlyAsASecret() async throws {
        let transport = FakeTransport()
        transport.respond(
            .post, "/organizations/o1/service-accounts/s1/credentials",
            json:
                #"{"id":"c1","client_id":"cid","client_secret":"shh-SECRET","name":"n","created_at":"2024-01-01T00:00:00Z"}"#
        )
        let created = try await makeKeycardClient(transport).createCredential(
            organizationID: "o1", serviceAccountID: "s1", .init(name: "n"))
        #expect(created.secret.reveal() == "shh-SECRET")
        #expect(!"\(created)".contains("shh-SECRET"))
        #expect(transport.requests.first?.bodyText == #"{"name":"n"}"#)
    }
}
