import Foundation
import Testing

@testable import APICore
@testable import CloudflareAPI
@testable import OpenAIAdminAPI

/// The check a page scanner runs before its rows are believed: JSON that `JSONDecoder` reads the same way.
@Suite struct JSONValidatorTests {
    static func valid(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { JSONValidator.isValid($0) }
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #" {"a":[1,-2.5e+3,0,0.0,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"]} "#,
        #"{"a":{"b":{"c":[]}},"b":"a"}"#, "\"é€😀\"", "-0", "1E9",
    ])
    func acceptsJSON(_ text: String) {
        #expect(Self.valid(text))
    }

    @Test(arguments: [
        "", "{", #"{"a":1,}"#, "[1,]", #"{"a" 1}"#, "[1 2]", "tru", "nul", "01", "1.", ".5", "1e", "+1", "--1",
        #""\q""#, #""\u12""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, "\"tab\there\"", "{} {}",
        // A key twice, or a key written with an escape: the decoder keeps the first value, a scanner the last.
        #"{"id":"a","id":"b"}"#, #"{"\u0069d":"a"}"#,
    ])
    func refusesWhatTheDecoderRefusesOrReadsDifferently(_ text: String) {
        #expect(!Self.valid(text))
    }

    /// Bytes that are not UTF-8 pass: the scanners show them as U+FFFD rather than lose the page to one bad name.
    @Test func letsInvalidUTF8ThroughAndRefusesNestingBeyondTheDecoders() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            #expect(bytes.withUnsafeBufferPointer { JSONValidator.isValid($0) })
        }
        #expect(Self.valid(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)))
        #expect(!Self.valid(String(repeating: "[", count: 513) + String(repeating: "]", count: 513)))
    }

    /// A user object with `id` twice: the scanners hand the page over and the decoder's rows are the ones shown.
    @Test func aRepeatedKeyLeavesThePageToTheDecoder() throws {
        let openAI = Data(#"{"data":[{"id":"user-1","email":"first@example.com","email":"second@example.com"}]}"#.utf8)
        #expect(Member.scanningOpenAIUsersPage(openAI) == nil)
        let page = try JSONDecoder().decode(OpenAIAdmin.ListPage<OpenAIAdmin.UserSummary>.self, from: openAI)
        #expect(Member.openAIPage(page.data).map(\.email) == ["first@example.com"])

        let cloudflare = Data(#"{"success":true,"result":[{"id":"m","id":"n","user":{"email":"e"}}]}"#.utf8)
        let scope = Scope([ScopeNode(kind: .account, id: "a", name: "A")])
        #expect(
            Member.scanningCloudflarePage(cloudflare, scope: scope, roles: RoleTable(), lists: RoleListMemo()) == nil)
    }
}
