import APICore
import APITransport
import ConsoleTesting
import DemoServer
import Foundation
import OpenAIAdminAPI
import Testing

/// The OpenAI Admin client against the DemoServer over real loopback HTTP: paging, error shapes, retries of reads
/// and never of writes.
@Suite("OpenAI client over loopback")
struct OpenAILoopbackTests {
    private func withClient(
        key: ((DemoServer) -> String)? = nil, _ body: (OpenAIClient, DemoServer, RecordingSleeper) async throws -> Void
    ) async throws {
        let server = try await DemoServer.start(DemoServerConfiguration(members: 10, openAIUsers: 1_050))
        let http = HTTPClientTransport()
        let sleeper = RecordingSleeper()
        let transport = RetryingTransport(base: http, sleep: sleeper.sleep, unitRandom: { 0.5 })
        let configuration = try OpenAIConfiguration(
            baseURL: server.openAIBaseURL.absoluteString, adminKey: Secret(key?(server) ?? server.openAILoginKey))
        do {
            try await body(OpenAIClient(configuration: configuration, transport: transport), server, sleeper)
        } catch {
            await http.shutdown()
            await server.stop()
            throw error
        }
        await http.shutdown()
        await server.stop()
    }

    private func requests(_ server: DemoServer, _ method: String, _ suffix: String) async -> [DemoRequestRecord] {
        await server.requestLog.entries().filter { $0.method == method && $0.path.hasSuffix(suffix) }
    }

    @Test func everyUserArrivesOnceAcrossCursorPages() async throws {
        try await withClient { client, server, _ in
            let users = try await client.users().fetchAll()
            #expect(users.count == (await server.openAI.userCount()))
            #expect(Set(users.map(\.id)).count == users.count, "no user twice across pages")
            #expect(users.map(\.id) == (await server.openAI.userIDs()))
            let pages = await requests(server, "GET", "/organization/users")
            #expect(pages.count == (users.count + 99) / 100, "100 a page, no extra request after has_more false")
            #expect(pages.dropFirst().allSatisfy { $0.query?.contains("after=") == true })
        }
    }

    @Test func adminKeysPageByTheLastItemsID() async throws {
        try await withClient { client, server, _ in
            let keys = try await client.adminKeys(limit: 2).fetchAll()
            #expect(keys.map(\.id) == (await server.openAI.adminKeyIDs()))
            let pages = await requests(server, "GET", "/organization/admin_api_keys")
            for (page, previous) in zip(pages.dropFirst(), keys.chunked(2)) {
                #expect(page.query?.contains("after=\(previous.last?.id ?? "")") == true)
            }
        }
    }

    @Test func errorsComeInTheOpenAIShape() async throws {
        try await withClient(key: { _ in "sk-admin-not-a-real-key" }) { client, _, _ in
            await #expect { try await client.users().page(.after(nil)) } throws: { error in
                guard let error = error as? APIError else { return false }
                return error.status == 401 && !error.providerMessages.isEmpty
                    && error.userMessage.hasPrefix("Not signed in")
            }
        }
        try await withClient { client, _, _ in
            await #expect { try await client.user(id: "user-does-not-exist") } throws: { error in
                guard let error = error as? APIError else { return false }
                return error.status == 404 && !(error.providerMessages.first?.message.isEmpty ?? true)
            }
        }
    }

    @Test func aRateLimitedReadIsRetriedAfterItsWait() async throws {
        try await withClient { client, server, sleeper in
            server.faults.inject(.status(429, retryAfter: 1), method: "GET", path: "/v1/organization/users", times: 1)
            let page = try await client.users().page(.after(nil))
            #expect(!page.items.isEmpty)
            #expect(sleeper.recorded == [.seconds(1)])
            #expect(await requests(server, "GET", "/organization/users").map(\.status) == [429, 200])
        }
    }

    @Test func aCreateThatFailsAfterSendingIsNeverResent() async throws {
        try await withClient { client, server, _ in
            let before = await server.openAI.adminKeyIDs().count
            server.faults.inject(.status(503), method: "POST", path: "/v1/organization/admin_api_keys", times: 1)
            await #expect { try await client.createAdminKey(.init(name: "loopback")) } throws: {
                ($0 as? APIError)?.status == 503
            }
            #expect(await requests(server, "POST", "/organization/admin_api_keys").count == 1)
            server.faults.inject(
                .reset(afterHandling: true), method: "POST", path: "/v1/organization/admin_api_keys", times: 1)
            await #expect { try await client.createAdminKey(.init(name: "loopback")) } throws: {
                ($0 as? APIError)?.kind == .outcomeUnknown
            }
            #expect(await requests(server, "POST", "/organization/admin_api_keys").count == 2)
            #expect(
                await server.openAI.adminKeyIDs().count == before + 1, "the dropped create happened once, and only once"
            )
        }
    }

    @Test func aRoleChangeAndAGuidedRotationLandOnTheServer() async throws {
        try await withClient { client, server, _ in
            let directory = OpenAIDirectory(client: client)
            let reader = try #require(try await client.users().fetchAll().first { $0.role?.rawValue == "reader" })
            let member = try #require(
                try await directory.members(in: .top, status: nil).pagedList?.fetchAll().first { $0.id == reader.id })
            let editing = try #require(directory.memberRoleEditing)
            let owner = try #require(try await editing.assignableRoles(for: member).first { $0.name == "owner" })
            _ = try await editing.setRoles(of: member, to: [owner])
            #expect(await server.openAI.userRole(id: reader.id) == "owner")

            let rotation = try #require(directory.keyRotation)
            let deletion = try #require(directory.tokenDeletion)
            let ownID = try await directory.signedInTokenID()
            let own = try #require(try await directory.tokens(in: .top).pagedList?.fetchAll().first { $0.id == ownID })
            #expect(await rotation.isOwnCredential(own))
            let issued = try await rotation.createReplacement(for: own)
            rotation.adopt(issued)
            try await deletion.deleteToken(own)
            #expect(await !server.openAI.adminKeyIDs().contains(own.id))
            #expect(await server.openAI.adminKeyIDs().contains(issued.token.id))
            #expect(try await directory.signedInTokenID() == issued.token.id, "the session signs in with the new key")
        }
    }
}

extension Array {
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
