import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation
import Testing

@Suite("Cloudflare wire fixes: echoed ids, empty ids, full token updates, cleared fields")
struct CloudflareWireFixTests {
    @Test(arguments: [
        (#"{"success":true,"errors":[],"messages":[],"id":"org-1"}"#, "org-1"),
        (#"{"success":true,"errors":[],"messages":[],"result":{"id":"org-1"}}"#, "org-1"),
        (#"{"success":true,"errors":[],"messages":[],"result":null}"#, nil),
    ])
    func leavingAnOrganizationReadsTheIdFromEitherPlace(body: String, expected: String?) async throws {
        let transport = FakeTransport()
        transport.respond(.delete, "/user/organizations/org-1", json: body)
        #expect(try await makeClient(transport).leaveOrganization(id: "org-1") == expected)
    }

    @Test(arguments: [
        (#"{"success":true,"errors":[],"messages":[],"subscription_id":"sub-1"}"#, "sub-1"),
        (#"{"success":true,"errors":[],"messages":[],"result":{"subscription_id":"sub-1"}}"#, "sub-1"),
    ])
    func deletingASubscriptionReadsTheIdFromEitherPlace(body: String, expected: String) async throws {
        let transport = FakeTransport()
        transport.respond(.delete, "/user/subscriptions/sub-1", json: body)
        #expect(try await makeClient(transport).deleteUserSubscription(id: "sub-1") == expected)
    }

    @Test func anEmptyIdIsRefusedBeforeAnythingIsSent() async throws {
        let transport = FakeTransport()
        let client = try makeClient(transport)
        await #expect { try await client.removeMember(accountID: "acc", id: "") } throws: { error in
            (error as? APIError)?.kind == .refused
        }
        await #expect {
            try await client.updateMember(accountID: "", id: "m1", .init(roles: [.init(id: "r")]))
        } throws: {
            (($0 as? APIError)?.kind == .refused)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func aMemberWithoutAnIdIsNotAddressedByItsUserID() async throws {
        let wire = Cloudflare.Member(id: nil, status: OpenEnum(.accepted), user: .init(email: "a@b.c", id: "user-9"))
        let member = Member(cloudflare: wire, accountID: "acc", accountName: "Acme")
        #expect(member.id.isEmpty)
        let transport = FakeTransport()
        let directory = CloudflareDirectory(client: try makeClient(transport))
        #expect(directory.memberRoleEditing?.canEditRoles(of: member) == false)
        #expect(directory.memberRemoval?.canRemove(member) == false)
        await #expect(throws: APIError.self) {
            _ = try await directory.setRoles(of: member, to: [Role(id: "r1", name: "Admin")])
        }
        await #expect(throws: APIError.self) { try await directory.removeMember(member) }
        #expect(transport.requests.isEmpty)
    }

    @Test(arguments: [
        Cloudflare.Token(id: "t1", name: nil, policies: [policy]),
        Cloudflare.Token(id: "t1", name: "", policies: [policy]),
        Cloudflare.Token(id: "t1", name: "ci", policies: nil),
        Cloudflare.Token(id: "t1", name: "ci", policies: []),
    ])
    func aTokenUpdateNeverDropsItsNameOrPolicies(token: Cloudflare.Token) async throws {
        #expect(throws: APIError.self) { try Cloudflare.TokenBody(replacing: token) }
        let transport = FakeTransport()
        transport.respond(
            .get, "/user/tokens/t1", json: envelope(String(decoding: try JSONEncoder().encode(token), as: UTF8.self)))
        await #expect(throws: APIError.self) {
            try await makeClient(transport).setTokenStatus(.user, id: "t1", enabled: false)
        }
        #expect(transport.requests.map(\.method) == [.get])
    }

    @Test func aClearedProfileFieldIsSentAsNull() async throws {
        let transport = FakeTransport()
        transport.respond(.patch, "/user", json: envelope(#"{"id":"u1","email":"a@b.c","country":"PT"}"#))
        _ = try await makeClient(transport).editUser(.init(telephone: .clear, country: "PT"))
        let body = try #require(transport.requests.first?.body)
        let sent = try JSONDecoder().decode([String: JSONValue].self, from: body)
        #expect(sent == ["telephone": .null, "country": .string("PT")])
        let decoded = try JSONDecoder().decode(Cloudflare.UserEdit.self, from: body)
        #expect(decoded.telephone == .clear && decoded.country == "PT" && decoded.zipcode == nil)
    }

    static let policy = Cloudflare.TokenPolicy(
        id: "p1", effect: OpenEnum(.allow), permissionGroups: [.init(id: "pg")],
        resources: ["com.cloudflare.api.user.u": .string("*")])
}

private let policy = CloudflareWireFixTests.policy
