import APICore
import DemoServer
import Foundation
import KeycardAPI
import Testing

/// Runs the official Keycard Python SDK (`keycardai-api` 0.18.0) unchanged against the DemoServer, so the fake
/// cannot drift from the wire format the SDK expects (strict response validation is on).
///
/// Each test starts its own server and runs `Conformance/keycard_conformance.py` with the SDK's env vars, then
/// checks the JSON object it prints against the server's state. The SDK's token URL is hard-coded to
/// api.keycard.ai; the script hands the SDK an `http_client` whose transport sends those requests to the server.
@Suite(
    "Keycard SDK conformance",
    .enabled(
        if: ConformanceEnvironment.hasPackage("keycardai_api"),
        "needs the keycardai-api venv: run scripts/setup-venv.sh"),
    .timeLimit(.minutes(5))
)
struct KeycardConformanceTests {
    @Test("organizations: the SDK follows after-cursors to the end and before-cursors back")
    func organizations() async throws {
        try await withServer { (server: DemoServer) async throws in
            let output = try await sdk(server).json(KeycardOrganizationsOutput.self, ["organizations", "--limit", "2"])
            let expected = await server.keycard.userOrganizationIDs()
            #expect(expected.count > 4, "enough organizations for several pages of 2")
            #expect(output.forward == expected)
            #expect(output.backward == expected)
            #expect(output.pages == (expected.count + 1) / 2)
            #expect(output.firstPagePermissions)
            #expect(output.wire.first?.query.contains("expand=permissions") == true, "expand is sent as expand=")
        }
    }

    @Test("invitations: the SDK creates one, deletes it (204, Accept: */*), and it stays listed as revoked")
    func invitations() async throws {
        try await withServer { (server: DemoServer) async throws in
            let organization = server.keycard.bigOrganizationID
            let output = try await sdk(server).json(KeycardInvitationsOutput.self, ["invitations", organization])
            let stored = await server.keycard.invitations(organizationID: organization)
            #expect(output.listed.map(\.id) == stored.dropLast().map(\.id))
            #expect(Set(output.listed.map(\.status)) == ["pending", "accepted", "expired", "revoked"])
            #expect(output.created.status == "pending")
            #expect(output.afterDelete?.status == "revoked")
            #expect(stored.last?.id == output.created.id && stored.last?.status == .known(.revoked))
            let delete = try #require(output.wire.first { $0.method == "DELETE" })
            #expect(delete.accept == "*/*")
            #expect(await server.requestLog.entries().filter { $0.method == "DELETE" }.map(\.status) == [204])
        }
    }

    @Test("credentials: the SDK creates one and reads its secret, which signs in")
    func credential() async throws {
        try await withServer { (server: DemoServer) async throws in
            let store = server.keycard
            let output = try await sdk(server).json(
                KeycardCredentialOutput.self, ["credential", store.bigOrganizationID, store.loginServiceAccountID])
            #expect(output.clientSecret == (await store.clientSecret(ofCredentialID: output.id)))
            #expect(output.fetched.clientID == output.clientID)
            #expect(output.listedIDs.contains(output.id))
            let login = try await sdk(server, clientID: output.clientID, clientSecret: output.clientSecret)
                .json(KeycardClientCredentialsOutput.self, ["client-credentials"])
            #expect(login.organizations == [store.bigOrganizationID])
        }
    }

    @Test("service accounts: the SDK updates one")
    func serviceAccount() async throws {
        try await withServer { (server: DemoServer) async throws in
            let store = server.keycard
            let output = try await sdk(server).json(
                KeycardServiceAccountOutput.self,
                [
                    "service-account", store.bigOrganizationID, store.loginServiceAccountID, "--name", "renamed",
                    "--description", "by the SDK",
                ])
            #expect(output.updated.name == "renamed" && output.fetched.description == "by the SDK")
            let stored = await store.serviceAccounts(organizationID: store.bigOrganizationID)
            #expect(stored.first { $0.id == store.loginServiceAccountID }?.name == "renamed")
        }
    }

    @Test("client credentials: the SDK's token request, redirected from api.keycard.ai, signs in")
    func clientCredentials() async throws {
        try await withServer { (server: DemoServer) async throws in
            let store = server.keycard
            let output = try await sdk(server, clientID: store.loginClientID, clientSecret: store.loginClientSecret)
                .json(KeycardClientCredentialsOutput.self, ["client-credentials"])
            #expect(output.organizations == [store.bigOrganizationID])
            #expect(output.again == output.organizations)
            #expect(output.tokenRequests == 1, "the token is cached")
            #expect(output.tokenRequestRedirected)
            #expect(output.tokenRequestAuth == ["Basic"])
            #expect(output.apiAuth == ["Bearer", "Bearer"])
            #expect(
                await server.requestLog.entries().filter { $0.path == "/service-account-token" }.map(\.status) == [200])
        }
    }

    @Test("SSO: off is 404; enable, a second enable is 409, update, disable")
    func sso() async throws {
        try await withServer { (server: DemoServer) async throws in
            let output = try await sdk(server).json(KeycardSSOOutput.self, ["sso", server.keycard.bigOrganizationID])
            #expect(output.offBody?.status == 404 && output.offBody?.code == "not_found")
            #expect(output.enabled.clientSecretSet == true)
            #expect(output.conflictStatus == 409)
            #expect(output.fetched.identifier == "https://idp2.example/oauth2")
            #expect(output.afterDisableStatus == 404)
        }
    }

    @Test("invitation token: read without credentials, then accepted")
    func invitationToken() async throws {
        try await withServer { (server: DemoServer) async throws in
            let store = server.keycard
            let invitation = try #require(await store.invitations(organizationID: store.invitingOrganizationID).first)
            let token = try #require(await store.invitationToken(id: invitation.id))
            let output = try await sdk(server).json(
                KeycardInvitationTokenOutput.self, ["invitation-token", "--", token])
            #expect(output.preview.status == "pending" && output.after.status == "accepted")
            #expect(output.accepted.organizationID == store.invitingOrganizationID)
            #expect(output.wire.first?.authScheme == nil, "GET /invitations/{token} is sent without credentials")
            #expect(output.wire.dropFirst().first?.authScheme == "Bearer")
        }
    }

    @Test("errors: a wrong key is 401 and an unknown organization 404, both {message, code, status}")
    func errors() async throws {
        try await withServer { (server: DemoServer) async throws in
            let unauthorized = try await sdk(server, apiKey: "wrong").json(KeycardErrorOutput.self, ["autherror"])
            #expect(unauthorized.exception == "AuthenticationError" && unauthorized.statusCode == 401)
            #expect(
                unauthorized.body
                    == .init(message: "Invalid or expired access token", code: "unauthorized", status: 401))
            let missing = try await sdk(server).json(KeycardErrorOutput.self, ["notfound"])
            #expect(missing.exception == "NotFoundError" && missing.statusCode == 404)
            #expect(missing.body?.code == "not_found" && missing.body?.status == 404)
        }
    }

    @Test("retry: the SDK survives one injected 429 with Retry-After: 1")
    func retry429() async throws {
        try await withServer { (server: DemoServer) async throws in
            server.faults.inject(.status(429, retryAfter: 1), method: "GET", path: "/organizations")
            let output = try await sdk(server).json(KeycardRetryOutput.self, ["retry429"])
            #expect(output.statusCode == 200 && output.retriesTaken == 1)
            #expect(output.firstRequestSeconds >= 0.9, "Retry-After: 1 was honoured")
            let calls = await server.requestLog.entries().filter { $0.path == "/organizations" }.map(\.status)
            #expect(calls == [429, 200])
        }
    }

    @Test("sweep: every read passes the SDK's strict validation, with permissions expanded")
    func sweep() async throws {
        try await withServer { (server: DemoServer) async throws in
            let output = try await sdk(server).json(KeycardSweepOutput.self, ["sweep"])
            #expect(output.organizations == (await server.keycard.userOrganizationIDs()).count)
            #expect(output.calls.count > 30)
            for call in output.calls { #expect(call.ok, "\(call.call): \(call.error ?? "")") }
        }
    }

    // MARK: Helpers

    private func withServer(_ body: (DemoServer) async throws -> Void) async throws {
        var configuration = DemoServerConfiguration(members: 20)
        configuration.keycardUsers = 40
        let server = try await DemoServer.start(configuration)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// The SDK driver, signed in with the demo API key, another key, or client credentials.
    private func sdk(_ server: DemoServer, apiKey: String? = nil, clientID: String? = nil, clientSecret: String? = nil)
        -> PythonSDKProcess
    {
        var environment = ["KEYCARD_API_BASE_URL": server.keycardBaseURL.absoluteString]
        if let clientID, let clientSecret {
            environment["KEYCARD_API_CLIENT_ID"] = clientID
            environment["KEYCARD_API_CLIENT_SECRET"] = clientSecret
        } else {
            environment["KEYCARD_API_API_KEY"] = apiKey ?? server.keycardAPIKey
        }
        return PythonSDKProcess(script: "keycard_conformance.py", environment: environment)
    }
}

/// Fails the run when the Keycard conformance tests are required (CI) but cannot run.
@Suite("Keycard conformance requirements")
struct KeycardConformanceRequirementTests {
    @Test(
        "the keycardai-api venv is present when ORGTUI_REQUIRE_CONFORMANCE=1",
        .enabled(if: ConformanceEnvironment.isRequired, "ORGTUI_REQUIRE_CONFORMANCE is not 1"))
    func venvIsPresentWhenRequired() {
        let reason = ConformanceEnvironment.missingReason(forPackage: "keycardai_api")
        #expect(reason == nil, "ORGTUI_REQUIRE_CONFORMANCE=1 but \(reason ?? "")")
    }
}
