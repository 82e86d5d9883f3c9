import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation
import Testing

/// The account profile and tenant organization wire shapes (from Cloudflare's OpenAPI schema; not in SDK 5.9.0).
@Suite("Cloudflare account profile, organizations and move on the wire")
struct CloudflareTenantWireTests {
    let account = Account(id: "acc1", name: "Acme")

    @Test func organizationsDecodeWhateverTheirMetaHoldsAndWithoutAName() throws {
        let json = #"""
            [{"id":"o1","name":"Root","create_time":"2025-01-01T00:00:00Z","new_field":1,
              "meta":{"flags":{"x":true},"tenant_flags":{"account_mobility":"on"},"hierarchy_tags":["t1"],"managed_by":{"odd":1}},
              "profile":{"business_name":"R","unknown":"u"}},
             {"id":"o2","parent":{"id":"o1","name":"Root"}}]
            """#
        let organizations = try JSONDecoder().decode([Cloudflare.Organization].self, from: Data(json.utf8))
        #expect(organizations.map(\.id) == ["o1", "o2"])
        #expect(organizations[0].meta?.hierarchyTags == ["t1"] && organizations[0].profile?.businessName == "R")
        #expect(organizations[0].profile?.businessPhone == nil)
        let domain = organizations.map(TenantOrganization.init(cloudflare:))
        #expect(domain[1] == TenantOrganization(id: "o2", name: "o2", parentID: "o1", parentName: "Root"))
    }

    @Test(arguments: [
        (204, ""), (200, ""), (200, #"{"success":true,"errors":[],"messages":[],"result":null}"#),
        (200, #"{"success":true,"errors":[],"messages":[],"result":{"business_name":"ignored"}}"#),
    ])
    func aProfileUpdateAcceptsNoContentAnEmptyBodyOrAnEnvelope(status: Int, body: String) async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/accounts/acc1/profile", json: envelope(profileJSON))
        transport.script(
            .put, "/accounts/acc1/profile", [.response(HTTPResponse(status: status, body: Data(body.utf8)))])
        let edited = try await CloudflareDirectory(client: try makeClient(transport))
            .editAccountProfile(account, ["business_email": .set("new@acme.test")])
        #expect(edited.first { $0.id == "business_email" }?.value == "new@acme.test")
        #expect(edited.first { $0.id == "business_name" }?.value == "Acme", "the profile sent, not the PUT's answer")
        let put = try #require(transport.requests.last { $0.method == .put }?.body)
        let sent = try JSONSerialization.jsonObject(with: put) as? [String: String]
        #expect(
            sent == [
                "business_address": "1 Way", "business_email": "new@acme.test", "business_name": "Acme",
                "business_phone": "+1 555", "external_metadata": "",
            ])
    }

    @Test func aProfileReadWithoutAFieldTheUserDidNotTypeIsNotWritten() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/accounts/acc1/profile", json: envelope(#"{"business_name":"Acme"}"#))
        let directory = CloudflareDirectory(client: try makeClient(transport))
        do {
            _ = try await directory.editAccountProfile(account, ["business_name": .set("Acme 2")])
            Issue.record("a missing field must not be written back as empty")
        } catch let error as APIError {
            #expect(error.kind == .refused && error.userMessage.contains("nothing was sent"))
        }
        // Every field typed: nothing the server did not return is guessed.
        transport.respond(.put, "/accounts/acc1/profile", json: "")
        let all: [String: FieldChange] = [
            "business_name": .set("A"), "business_email": .set("e"), "business_phone": .set("p"),
            "business_address": .set("a"), "external_metadata": .clear,
        ]
        _ = try await directory.editAccountProfile(account, all)
        #expect(transport.count(.put, "/accounts/acc1/profile") == 1)
        await #expect(throws: APIError.self) {
            _ = try await directory.editAccountProfile(account, ["nickname": .set("x")])
        }
        await #expect(throws: APIError.self) { _ = try await directory.editAccountProfile(account, [:]) }
        #expect(transport.count(.put, "/accounts/acc1/profile") == 1)
    }

    @Test func aMoveSendsTheDestinationAndToleratesAnAnswerWithoutAResult() async throws {
        let transport = FakeTransport()
        transport.respond(.post, "/accounts/acc1/move", json: "")
        let moved = try await CloudflareDirectory(client: try makeClient(transport))
            .moveAccount(account, to: TenantOrganization(id: "o2", name: "Two"))
        #expect(moved == AccountMove(accountID: "acc1", sourceOrganizationID: nil, destinationOrganizationID: "o2"))
        let body = try #require(transport.requests.first?.body)
        #expect(String(decoding: body, as: UTF8.self) == #"{"destination_organization_id":"o2"}"#)
    }

    private let profileJSON =
        #"{"business_address":"1 Way","business_email":"a@acme.test","business_name":"Acme","business_phone":"+1 555","external_metadata":""}"#
}
