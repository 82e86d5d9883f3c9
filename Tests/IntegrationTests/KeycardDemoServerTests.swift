import APICore
import APITransport
import CloudflareAPI
import DemoServer
import Foundation
import KeycardAPI
import Testing

@Suite("Demo server: the Keycard seed and its routes beside Cloudflare's")
struct KeycardDemoServerTests {
    @Test func theSeedIsDeterministicButSecretsAreNot() async throws {
        var configuration = DemoServerConfiguration(members: 5)
        configuration.keycardUsers = 123
        let first = try await DemoServer.start(configuration)
        let second = try await DemoServer.start(configuration)
        let ids = { (server: DemoServer) async -> [String] in
            let store = server.keycard
            var ids = await store.allOrganizations().map(\.id)
            for organization in ids {
                for account in await store.serviceAccounts(organizationID: organization) {
                    ids.append(account.id)
                    ids += await store.credentials(organizationID: organization, serviceAccountID: account.id).map(
                        \.clientID)
                }
                ids += await store.invitations(organizationID: organization).map(\.id)
            }
            return ids
        }
        let firstIDs = await ids(first)
        #expect(firstIDs == (await ids(second)))
        #expect(first.keycard.loginClientID == second.keycard.loginClientID)
        #expect(first.keycard.loginClientSecret != second.keycard.loginClientSecret)
        #expect(firstIDs.allSatisfy { $0.count == 26 && $0.allSatisfy { $0.isLowercase || $0.isNumber } })
        #expect(await first.keycard.users(organizationID: first.keycard.bigOrganizationID).count == 124)
        let names = await first.keycard.allOrganizations().map(\.name)
        #expect(names.contains { $0.contains("\u{1B}") } && names.contains { $0.count >= 300 })
        await first.stop()
        await second.stop()
    }

    @Test(arguments: [
        ("/organizations/x/nothing-here", 404, #"{"code":"not_found","message":"Not Found","status":404}"#),
        ("/service-account-token", 404, #"{"code":"not_found","message":"Not Found","status":404}"#),
    ])
    func unknownKeycardRoutesAnswerInTheKeycardShape(path: String, status: Int, body: String) async throws {
        let server = try await DemoServer.start(DemoServerConfiguration(members: 5))
        let http = HTTPClientTransport()
        let url = try #require(URL(string: server.baseURL.absoluteString + path))
        let response = try await http.send(HTTPRequest(method: .get, url: url))
        #expect(response.status == status)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
        let cloudflare = try await http.send(
            HTTPRequest(method: .get, url: server.cloudflareBaseURL.appendingPathComponent("user")))
        #expect(cloudflare.status == 400, "no credentials: Cloudflare's own 9106")
        #expect(
            String(decoding: cloudflare.body, as: UTF8.self).contains(#""success":false"#),
            "Cloudflare keeps its envelope")
        await http.shutdown()
        await server.stop()
    }

    @Test func theTokenEndpointTakesBasicAuthOrTheFormAndAnswersOAuthStyle() async throws {
        var configuration = DemoServerConfiguration(members: 5)
        configuration.keycardTokenLifetime = 42
        let server = try await DemoServer.start(configuration)
        let http = HTTPClientTransport()
        let store = server.keycard
        let url = server.baseURL.appendingPathComponent("service-account-token")
        let basic = Data("\(store.loginClientID):\(store.loginClientSecret)".utf8).base64EncodedString()
        let requests = [
            HTTPRequest(
                method: .post, url: url, headers: [("Authorization", "Basic \(basic)")],
                body: Data("grant_type=client_credentials".utf8)),
            HTTPRequest(
                method: .post, url: url,
                body: Data(
                    "grant_type=client_credentials&client_id=\(store.loginClientID)&client_secret=\(store.loginClientSecret)"
                        .utf8)),
        ]
        for request in requests {
            let response = try await http.send(request)
            #expect(response.status == 200)
            let token = try JSONDecoder().decode(Keycard.AccessToken.self, from: response.body)
            #expect(token.expiresIn == 42 && token.tokenType == "Bearer" && !token.accessToken.isEmpty)
        }
        let wrongGrant = try await http.send(
            HTTPRequest(
                method: .post, url: url, headers: [("Authorization", "Basic \(basic)")],
                body: Data("grant_type=password".utf8)))
        #expect(wrongGrant.status == 400)
        #expect(await store.liveAccessTokenCount() == 2)
        await http.shutdown()
        await server.stop()
    }
}
