import Foundation
import Testing

@testable import APICore
@testable import OpenAIAdminAPI

/// OpenAI user pages are read straight into a `MemberBlock`; the rows must be the ones `JSONDecoder` and
/// `Member.openAIPage` make of the same page, with the same `has_more` and `last_id`, and a page the scanner does not
/// understand goes back to the decoder (nil).
@Suite("OpenAI user pages scanned into a MemberBlock")
struct OpenAIMemberBlockScanTests {
    static let pages: [String] = [
        #"{"object":"list","data":[{"object":"organization.user","id":"user-1","name":"Ann Lee","email":"ann@x.example","role":"owner","added_at":1700000000},{"object":"organization.user","id":"user-2","name":"Bo","email":"bo@x.example","role":"reader","added_at":1700000001,"projects":{"object":"list","data":[{"id":"p","role":"member"}]}}],"first_id":"user-1","last_id":"user-2","has_more":true}"#,
        // The nested account's email and name stand in for missing ones; a null name stays nil, "" stays "".
        #"{"data":[{"id":"u3","email":null,"name":null,"role":"reader","user":{"email":"nested@x.example","name":"Nested"}},{"id":"u4","email":"e@x","name":"","user":null},{"id":"u5"}],"has_more":false}"#,
        // Escapes, non-ASCII, an unknown role, keys in another order, whitespace.
        #" { "has_more" : false , "data" : [ { "role" : "billing_admin" , "name" : "\u00c9lise \"E\" \ud83d\ude80" , "id" : "u6" , "email" : "\u00e9@x" } ] , "last_id" : "u6" } "#,
        #"{"data":[],"has_more":false}"#,
    ]

    static func decoded(_ body: Data) -> (rows: [Member], hasMore: Bool?, lastID: String?)? {
        guard let page = try? JSONDecoder().decode(OpenAIAdmin.ListPage<OpenAIAdmin.UserSummary>.self, from: body)
        else { return nil }
        return (Member.openAIPage(page.data), page.hasMore, page.lastID)
    }

    @Test(arguments: pages)
    func agreesWithJSONDecoder(_ body: String) throws {
        let data = Data(body.utf8)
        let scanned = try #require(Member.scanningOpenAIUsersPage(data))
        let decoded = try #require(Self.decoded(data))
        #expect(scanned.rows == decoded.rows)
        #expect(scanned.hasMore == decoded.hasMore)
        #expect(scanned.lastID == decoded.lastID)
    }

    @Test func usersWithOneRoleShareOneRoleList() throws {
        let body = #"{"data":[{"id":"a","role":"reader"},{"id":"b","role":"owner"},{"id":"c","role":"reader"}]}"#
        let rows = try #require(Member.scanningOpenAIUsersPage(Data(body.utf8))).rows
        #expect(rows.map { $0.roles.map(\.name) } == [["reader"], ["owner"], ["reader"]])
        #expect(rows[0].block.roleSets.count == 2, "one list per role name in the block")
    }

    @Test(arguments: [
        #"{"object":"list"}"#,  // no data
        #"{"data":[{"email":"no-id@x"}]}"#,  // a user without an id
        #"{"data":[{"id":7}]}"#,  // an id of another type
        #"{"data":[{"id":"a","name":["x"]}]}"#,
        #"{"data":[{"id":"a"}],"has_more":"yes"}"#,
        #"{"data":[{"\u0069d":"a"}]}"#,  // an escaped key: left to the decoder rather than missed
        #"{"data":[{"id":"a"}]"#,  // cut short
        #"{"data":[{"id":"a"}]} trailing"#,
    ])
    func pagesItDoesNotUnderstandAreLeftToJSONDecoder(_ body: String) {
        #expect(Member.scanningOpenAIUsersPage(Data(body.utf8)) == nil)
    }
}
