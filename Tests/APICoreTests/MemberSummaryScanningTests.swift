import Foundation
import Testing

@testable import APICore
@testable import CloudflareAPI

/// The hand-written reader of member list pages must agree with `JSONDecoder` on every page it accepts, and hand
/// every page it does not understand back to `JSONDecoder` (nil) instead of guessing.
@Suite("Member list pages read by JSONScanner")
struct MemberSummaryScanningTests {
    static let role =
        #"{"id":"r1","name":"Admin \"Ops\" \u00e9\ud83d\ude80","description":null,"permissions":{"dns":{"read":true,"write":false},"z":[1,2.5e3,-0.5,{"x":[]}]}}"#
    static let member =
        #"{"id":"m1","email":"a@b.example","status":"accepted","user":{"email":"a@b.example","id":"u1","first_name":"Ann","last_name":"Lee","two_factor_authentication_enabled":true,"extra":{"k":[true,false,null]}},"roles":["#
        + role + #"],"policies":[{"id":"p","access":"allow","permission_groups":[],"resource_groups":[]}]}"#

    static let accepted: [String] = [
        #"{"success":true,"errors":[],"messages":[],"result":["# + member
            + #"],"result_info":{"page":2,"per_page":50,"count":1,"total_count":51,"total_pages":2}}"#,
        #"{"result_info":{"page":1,"cursors":{"after":"abc"}},"result":[],"success":true}"#,
        #" { "success" : true , "result" : [ { "id" : "m2" , "status" : "invited_by_robot" , "roles" : null } ] } "#,
        #"{"success":true,"result":null}"#,
        #"{"success":true,"result":[{"user":{"email":"tab\tand\\slash\/ and \u0000nul"},"roles":[{"id":"r"}]}]}"#,
        #"{"success":true,"result":[{"id":"x","unknown_field":{"deep":[[[{}]]]},"status":"pending"}],"extra":1}"#,
        // No user object: the top-level email is the one shown; no member id: the user's id is.
        #"{"success":true,"result":[{"id":"m3","email":"top@x.example","status":"pending","roles":[]}]}"#,
        #"{"success":true,"result":[{"user":{"id":"u9","email":"u@x.example"},"email":"other@x.example"}]}"#,
        // Skipped values: brackets and escapes inside strings, an escaped backslash before a closing quote,
        // and nesting deeper than the fast skip tracks.
        #"{"success":true,"result":[{"id":"m4","skip":{"a":"}]\"\\","b":["[{\\\"",{"c":"\\"}]}}]}"#,
        #"{"success":true,"result":[{"id":"m5","deep":"# + String(repeating: "[", count: 80)
            + String(repeating: "]", count: 80) + "}]}",
        // The same role list twice and a different one: each member keeps its own roles.
        #"{"success":true,"result":[{"id":"a","roles":[{"id":"r1","name":"A"}]},{"id":"b","roles":[{"id":"r2","name":"B"}]},{"id":"c","roles":[{"id":"r1","name":"A"}]}]}"#,
        // Roles met before in other combinations, and a role that starts like one met before.
        #"{"success":true,"result":[{"id":"a","roles":[{"id":"r1","name":"A"},{"id":"r2","name":"B"}]},{"id":"b","roles":[{"id":"r2","name":"B"}]},{"id":"c","roles":[{"id":"r1","name":"A"},{"id":"r1","name":"A","description":"more"}]},{"id":"d","roles":[ {"id":"r2","name":"B"} ]}]}"#,
    ]

    /// What a list shows of each member, from the scanned page and from `JSONDecoder`'s: they must be the same.
    @Test(arguments: accepted)
    func agreesWithJSONDecoder(_ body: String) throws {
        let data = Data(body.utf8)
        let scanned = try #require(Cloudflare.Envelope<[Cloudflare.MemberSummary]>.scanningMemberSummaries(data))
        let decoded = try JSONDecoder().decode(Cloudflare.Envelope<[Cloudflare.MemberSummary]>.self, from: data)
        let scope = Scope([ScopeNode(kind: .account, id: "acc", name: "Acme")])
        let shown = { (summaries: [Cloudflare.MemberSummary]?) in
            summaries?.map { Member(cloudflare: $0, scope: scope, roles: RoleTable()) }
        }
        #expect(shown(scanned.result) == shown(decoded.result))
        #expect(scanned.result?.map(\.roles) == decoded.result?.map(\.roles))
        #expect(scanned.resultInfo == decoded.resultInfo)
    }

    static let refused: [String] = [
        #"{"success":false,"errors":[{"code":1000,"message":"no"}],"result":null}"#,
        #"{"success":true,"result":[{"id":5}]}"#,
        #"{"success":true,"result":[{"user":{"id":"no email"}}]}"#,
        #"{"success":true,"result":[{"roles":[{"name":"no id"}]}]}"#,
        #"{"success":true,"result":[],"result_info":{"page":1.5}}"#,
        #"{"success":true,"result":[{"id":"\ud800"}]}"#,
        #"{"success":true,"result":["#,
        #"{"success":true,"result":[]} trailing"#,
        // Malformed inside a value the list skips: still refused.
        #"{"success":true,"result":[{"id":"m","skip":{"a":[1,2}]}]}"#,
        #"{"success":true,"result":[{"id":"m","skip":{"a":"unterminated}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":7}}]}"#,
        #"{"success":true,"result":[{"id":"m","email":7}]}"#,
        #"[]"#,
        "",
    ]

    @Test(arguments: refused)
    func leavesOtherPagesToJSONDecoder(_ body: String) {
        #expect(Cloudflare.Envelope<[Cloudflare.MemberSummary]>.scanningMemberSummaries(Data(body.utf8)) == nil)
    }

    @Test func theDirectoryMapsScannedMembersWithSharedRoles() async throws {
        let page =
            #"{"success":true,"result":[{"id":"m1","user":{"email":"a@x","first_name":"A","last_name":""},"status":"accepted","roles":[{"id":"r1","name":"Administrator"}]},{"id":"m2","user":{"email":"b@x"},"status":"pending","roles":[{"id":"r1","name":"Administrator"}]}],"result_info":{"page":1,"per_page":50,"total_pages":1,"count":2,"total_count":2}}"#
        let directory = CloudflareDirectory(
            client: CloudflareClient(
                configuration: try CloudflareConfiguration(
                    baseURL: "http://127.0.0.1:9/client/v4", credentials: .apiToken(Secret("t"))),
                transport: FixedTransport(body: Data(page.utf8))))
        let scope = Scope([ScopeNode(kind: .account, id: "acc", name: "Acme")])
        let members = try #require(directory.members(in: scope, status: nil).pagedList)
        let items = try await members.fetchAll()
        #expect(items.map(\.id) == ["m1", "m2"])
        #expect(items.map(\.name) == ["A", nil])
        #expect(items.map(\.status) == [.active, .pending])
        #expect(items.allSatisfy { $0.roles == [Role(id: "r1", name: "Administrator")] && $0.scope == scope })
        #expect(items.allSatisfy { $0.scope.leaf?.name == "Acme" })
    }
}

/// Answers every request with the same 200 body.
private struct FixedTransport: Transport {
    let body: Data
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { HTTPResponse(status: 200, body: body) }
}
