import Foundation
import Synchronization
import Testing

@testable import APICore
@testable import CloudflareAPI

/// Envelopes, pages the scanner leaves to `JSONDecoder`, and text that is not valid UTF-8.
extension CloudflareMemberBlockScanTests {
    // MARK: - Envelope shapes

    @Test func resultNullIsAnEmptyPageWithItsInfo() throws {
        let rows = try Self.scanAgrees(
            #"{"success":true,"errors":[],"messages":[],"result":null,"result_info":{"page":3,"per_page":50,"count":0,"total_count":100,"total_pages":2}}"#
        )
        #expect(rows.isEmpty)
        let scanned = Member.scanningCloudflarePage(
            Data(#"{"success":true,"result":null,"result_info":{"page":3,"per_page":50}}"#.utf8), scope: Self.scope,
            roles: RoleTable(), lists: RoleListMemo())
        #expect(scanned?.info == Cloudflare.ResultInfo(page: 3, perPage: 50))
    }

    @Test(arguments: [
        #"{"success":true,"result":[]}"#,
        #"{"result":[{"id":"m","user":{"email":"e"}}]}"#,
        #"{"result_info":{"page":1,"cursors":{"after":"abc"}},"result":[{"id":"m","user":{"email":"e"}}],"success":true}"#,
        #"{"success":true,"result":[],"result_info":null}"#,
        #"{"success":true,"result":[{"id":"x","unknown_field":{"deep":[[[{}]]]},"status":"pending","policies":[{"a":"}]\"\\"}]}],"extra":[1,2.5e3,-0.5,null,true]}"#,
    ])
    func otherEnvelopesAgree(_ body: String) throws {
        _ = try Self.scanAgrees(body)
    }

    // MARK: - Pages left to JSONDecoder

    static let refused: [String] = [
        // Not a success.
        #"{"success":false,"errors":[{"code":1003,"message":"Invalid or missing account"}],"messages":[],"result":null}"#,
        #"{"success":false,"errors":[],"result":[{"id":"m","user":{"email":"e"}}]}"#,
        // Malformed JSON.
        "",
        "   ",
        "[]",
        "null",
        #"{"success":true,"result":["#,
        #"{"success":true,"result":[{"id":"m","user":{"email":"e"}}]"#,
        #"{"success":true,"result":[]} trailing"#,
        #"{"success":true,"result":[]}}"#,
        #"{"success":true,"result":[{"id":"unterminated}]}"#,
        #"{"success":true,"result":[{"id":"m","skip":{"a":[1,2}]}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":"e","first_name":"bad \q escape"}}]}"#,
        #"{"success":true,"result":[{"id":"\ud800"}]}"#,
        "{\"success\":true,\"result\":[{\"id\":\"raw\ncontrol\"}]}",
        #"{"success":tru,"result":[]}"#,
        // Broken inside a value the scanner skips (found by fuzzing against JSONDecoder).
        #"{"success":true,"result":[{"id":"m","user":{"email":"e"},"roles":[{"id":"r","permissions":{"dns":{"read":trud}}}]}]}"#,
        // A field of the wrong type.
        #"{"success":"yes","result":[]}"#,
        #"{"success":true,"result":{}}"#,
        #"{"success":true,"result":[5]}"#,
        #"{"success":true,"result":[{"id":5}]}"#,
        #"{"success":true,"result":[{"id":"m","email":7}]}"#,
        #"{"success":true,"result":[{"id":"m","status":1}]}"#,
        #"{"success":true,"result":[{"id":"m","user":"u"}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":7}}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"id":"no email"}}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":null}}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":"e","first_name":1}}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":"e","last_name":["L"]}}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":"e","two_factor_authentication_enabled":"yes"}}]}"#,
        #"{"success":true,"result":[{"id":"m","user":{"email":"e","id":3}}]}"#,
        #"{"success":true,"result":[{"id":"m","roles":{}}]}"#,
        #"{"success":true,"result":[{"id":"m","roles":["r1"]}]}"#,
        #"{"success":true,"result":[{"id":"m","roles":[{"name":"no id"}]}]}"#,
        #"{"success":true,"result":[{"id":"m","roles":[{"id":1}]}]}"#,
        #"{"success":true,"result":[{"id":"m","roles":[{"id":"r","name":false}]}]}"#,
        #"{"success":true,"result":[],"result_info":{"page":1.5}}"#,
        #"{"success":true,"result":[],"result_info":{"page":"1"}}"#,
        #"{"success":true,"result":[],"result_info":{"total_pages":true}}"#,
        #"{"success":true,"result":[],"result_info":{"cursors":{"after":1}}}"#,
    ]

    @Test(arguments: refused)
    func pagesTheScannerDoesNotUnderstandAreLeftToJSONDecoder(_ body: String) {
        let data = Data(body.utf8)
        #expect(
            Member.scanningCloudflarePage(data, scope: Self.scope, roles: RoleTable(), lists: RoleListMemo()) == nil)
        // And the fallback then reports it: the decoder refuses the page or it says success:false.
        #expect(Self.decodedRows(data) == nil)
    }

    /// Pages the scanner hands to JSONDecoder, which reads them and whose rows are shown: not JSON, but tolerated by
    /// Foundation's decoder (trailing commas; inside a value the scanner skips, a lone surrogate, a raw control
    /// character, a leading zero), or messages on a successful page (the decoder's to read and to type-check).
    @Test(arguments: [
        #"{"success":true,"errors":[],"messages":[{"code":1,"message":"note"}],"result":[{"id":"m","user":{"email":"e","extra":{"k":[true,false,null]}}}]}"#,

        #"{"success":true,"result":[{"id":"m","user":{"email":"e"},"policies":[{"a":"\udc00"}]}]}"#,
        "{\"success\":true,\"result\":[{\"id\":\"m\",\"user\":{\"email\":\"e\"},\"policies\":\"raw\tcontrol\"}]}",
        #"{"success":true,"result":[{"id":"m","user":{"email":"e"},"policies":[01]}]}"#,
        #"{"success":true,"result":[{"id":"m",}]}"#,
        #"{"success":true,"result":[{"id":"m"},]}"#,
        #"{"success":true,"result":[],}"#,
    ])
    func pagesJSONDecoderToleratesAreLeftToIt(_ body: String) {
        #expect(
            Member.scanningCloudflarePage(Data(body.utf8), scope: Self.scope, roles: RoleTable(), lists: RoleListMemo())
                == nil)
        #expect(Self.decodedRows(Data(body.utf8)) != nil)
    }

    @Test func aRefusedPageAfterAGoodOneDoesNotSpoilTheMemo() throws {
        let memo = RoleListMemo()
        let table = RoleTable()
        // The role list is read and remembered, then the page fails further on.
        let broken = Self.page([
            #"{"id":"m1","user":{"email":"e"},"roles":[\#(Self.roleA)]}"#, #"{"id":"m2","user":{"email":7}}"#,
        ])
        #expect(Member.scanningCloudflarePage(Data(broken.utf8), scope: Self.scope, roles: table, lists: memo) == nil)
        let rows = try Self.scanAgrees(
            Self.page([#"{"id":"m1","user":{"email":"e"},"roles":[\#(Self.roleA)]}"#]), memo: memo, table: table)
        #expect(rows.map(\.roles) == [[Role(id: "r1", name: "Administrator", description: "All")]])
    }

    // MARK: - Valid JSON the scanner leaves to JSONDecoder, and text that is not UTF-8

    /// Whether the scanner's answer for `body` is one the client may use: nil (the decoder then reads it), or the
    /// decoder's own rows for a page the decoder accepts.
    static func scannerAnswerIsSafe(_ body: String) -> Bool {
        let data = Data(body.utf8)
        guard let scanned = Member.scanningCloudflarePage(data, scope: scope, roles: RoleTable(), lists: RoleListMemo())
        else { return true }
        guard let decoded = decodedRows(data) else { return false }
        return scanned.rows == decoded.rows && scanned.info == decoded.info
    }

    /// An escaped key the scanner needs makes a member without it, which JSONDecoder refuses: the page is left to
    /// the decoder.
    @Test func anEscapedRequiredKeyLeavesThePageToJSONDecoder() {
        #expect(
            Self.scannerAnswerIsSafe(
                #"{"success":true,"result":[{"id":"m1","user":{"\u0065mail":"e","first_name":"Ann"}}]}"#))
    }

    /// Bytes that are not UTF-8 inside a string: not JSON, and JSONDecoder refuses the whole page. The scanner keeps
    /// the page (one bad name should not hide 49 good rows) and shows U+FFFD for the bad bytes, and the block holds
    /// exactly the text shown, so the filter text (written from the block's bytes) matches the screen.
    @Test func textThatIsNotUTF8IsShownRepairedAndFilteredAsShown() throws {
        var body = Array(#"{"success":true,"result":[{"id":"m1","user":{"email":"a@x","first_name":"Z"#.utf8)
        body += [0xFF, 0xC3]
        body += Array(#""}}]}"#.utf8)
        let data = Data(body)
        #expect(Self.decodedRows(data) == nil, "JSONDecoder refuses the page")
        let scanned = try #require(
            Member.scanningCloudflarePage(data, scope: Self.scope, roles: RoleTable(), lists: RoleListMemo()))
        let member = try #require(scanned.rows.first)
        #expect(member.name == "Z\u{FFFD}\u{FFFD}")
        var nameBytes: [UInt8] = []
        member.withEmailAndNameUTF8 { _, name in nameBytes = Array(name) }
        #expect(nameBytes == Array((member.name ?? "").utf8), "the bytes handed out are the name shown")
    }

    /// Object keys written with escapes are valid JSON and `JSONDecoder` reads them: the scanner leaves such a page
    /// to the decoder rather than miss a field (or miss `success: false`).
    @Test(arguments: [
        #"{"success":true,"result":[{"\u0069d":"m1","user":{"email":"e"}}]}"#,
        #"{"success":true,"\u0072esult":[{"id":"m1","user":{"email":"e"}}]}"#,
        #"{"succ\u0065ss":false,"errors":[{"code":10000,"message":"Authentication error"}],"result":null}"#,
        #"{"success":true,"result":[{"id":"m1","user":{"email":"e","first_n\u0061me":"Ann"}}]}"#,
    ])
    func escapedKeysAreReadOrLeftToJSONDecoder(_ body: String) {
        let scanned = Member.scanningCloudflarePage(
            Data(body.utf8), scope: Self.scope, roles: RoleTable(), lists: RoleListMemo())
        #expect(scanned == nil)
        #expect(Self.scannerAnswerIsSafe(body))
    }
}
