import Foundation
import Synchronization
import Testing

@testable import APICore
@testable import CloudflareAPI

/// `Member.scanningCloudflarePage` reads a Cloudflare member list page straight into a `MemberBlock`. Every page it
/// accepts must give exactly the rows `JSONDecoder` + `Member.cloudflarePage` give, and every page it does not
/// understand must come back nil, so that the client falls back to `JSONDecoder` (which reports the problem).
@Suite("Cloudflare member pages scanned into a MemberBlock")
struct CloudflareMemberBlockScanTests {
    typealias Page = Cloudflare.Envelope<[Cloudflare.MemberSummary]>

    static let scope = Scope([ScopeNode(kind: .account, id: "acc-1", name: "Acme")])

    // MARK: - Helpers

    /// The rows the decoder path makes of `body` (nil when JSONDecoder refuses it).
    static func decodedRows(_ body: Data, table: RoleTable = RoleTable()) -> (
        rows: [Member], info: Cloudflare.ResultInfo?
    )? {
        guard let page = try? JSONDecoder().decode(Page.self, from: body), page.success != false else { return nil }
        return (Member.cloudflarePage(page.result ?? [], scope: scope, roles: table), page.resultInfo)
    }

    /// Scans `body` and checks it against the decoder path; returns the scanned rows.
    @discardableResult
    static func scanAgrees(
        _ body: Data, memo: RoleListMemo = RoleListMemo(), table: RoleTable = RoleTable(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Member] {
        let scanned = try #require(
            Member.scanningCloudflarePage(body, scope: scope, roles: table, lists: memo), sourceLocation: sourceLocation
        )
        let decoded = try #require(decodedRows(body), "JSONDecoder reads the page", sourceLocation: sourceLocation)
        #expect(scanned.rows.count == decoded.rows.count, sourceLocation: sourceLocation)
        for (index, (row, expected)) in zip(scanned.rows, decoded.rows).enumerated() {
            #expect(row.id == expected.id, "row \(index)", sourceLocation: sourceLocation)
            #expect(row.email == expected.email, "row \(index)", sourceLocation: sourceLocation)
            #expect(row.name == expected.name, "row \(index)", sourceLocation: sourceLocation)
            #expect(row.status == expected.status, "row \(index)", sourceLocation: sourceLocation)
            #expect(row.roles == expected.roles, "row \(index)", sourceLocation: sourceLocation)
            #expect(row.twoFactorEnabled == expected.twoFactorEnabled, "row \(index)", sourceLocation: sourceLocation)
            #expect(row.scope == scope && row.scope.leaf?.name == "Acme", sourceLocation: sourceLocation)
        }
        #expect(scanned.rows == decoded.rows, sourceLocation: sourceLocation)
        #expect(scanned.info == decoded.info, sourceLocation: sourceLocation)
        return scanned.rows
    }

    static func scanAgrees(
        _ body: String, memo: RoleListMemo = RoleListMemo(), table: RoleTable = RoleTable(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Member] {
        try scanAgrees(Data(body.utf8), memo: memo, table: table, sourceLocation: sourceLocation)
    }

    static func page(
        _ members: [String], info: String? = #"{"page":1,"per_page":50,"count":1,"total_count":1,"total_pages":1}"#
    )
        -> String
    {
        #"{"success":true,"errors":[],"messages":[],"result":[\#(members.joined(separator: ","))]"#
            + (info.map { #","result_info":\#($0)"# } ?? "") + "}"
    }

    // MARK: - A page as the API (and the demo server) encode it

    /// A 32-digit hex id, as Cloudflare's.
    static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 32 - digits.count) + digits
    }

    static let areas = ["analytics", "billing", "dns", "dns_records", "logs", "organization", "ssl", "waf", "zones"]

    static func wireRole(_ index: Int, name: String?, description: String?) -> Cloudflare.Role {
        var permissions: [String: Cloudflare.RolePermission] = [:]
        for (offset, area) in areas.enumerated() {
            permissions[area] = Cloudflare.RolePermission(read: true, write: (offset + index) % 3 == 0)
        }
        return Cloudflare.Role(
            id: hex(index * 7919 + 1), name: name, description: description, permissions: permissions)
    }

    static let wireRoles: [Cloudflare.Role] = [
        wireRole(0, name: "Super Administrator - All Privileges", description: "Can edit any Cloudflare setting."),
        wireRole(1, name: "Administrator", description: "Can access the full account."),
        wireRole(2, name: "Administrator Read Only", description: nil),
        wireRole(3, name: nil, description: "A role without a name shows its id"),
        wireRole(4, name: "DNS \"edit\" é 🚀", description: "Escapes \\ / and \u{1B}[31m"),
    ]

    static func wireMember(_ index: Int) -> Cloudflare.Member {
        let roleLists: [[Cloudflare.Role]] = [
            [wireRoles[1]], [wireRoles[1], wireRoles[2]], [wireRoles[2], wireRoles[1]], [], [wireRoles[0]],
            [wireRoles[3], wireRoles[4]],
        ]
        let statuses: [OpenEnum<Cloudflare.MemberStatus>?] = [
            OpenEnum(.accepted), OpenEnum(.pending), OpenEnum(.rejected), OpenEnum(rawValue: "suspended"), nil,
        ]
        let names: [(String?, String?)] = [
            ("Ann", "Lee"), (nil, nil), (nil, "Only-Last"), ("Only-First", nil), ("", ""), ("", "Lee"),
            ("Zoë", "Ångström"),
            ("\u{202E}gnp.exe", "\u{1B}[2J"),
        ]
        let (first, last) = names[index % names.count]
        let user: Cloudflare.MemberUser? =
            index % 9 == 4
            ? nil
            : Cloudflare.MemberUser(
                email: "user\(index)@example.com", id: hex(index + 1000), firstName: first,
                lastName: last, twoFactorAuthenticationEnabled: [nil, false, true][index % 3])
        return Cloudflare.Member(
            id: index % 11 == 5 ? nil : hex(index), email: user == nil ? "top\(index)@example.com" : nil,
            status: statuses[index % statuses.count], user: user, roles: roleLists[index % roleLists.count],
            policies: [
                Cloudflare.MemberPolicy(
                    id: "p\(index)", access: OpenEnum(.allow), permissionGroups: [],
                    resourceGroups: [
                        Cloudflare.ResourceGroup(id: "rg\(index)", name: "Account", meta: nil, scope: nil)
                    ])
            ])
    }

    static func encodedPage(
        _ members: Range<Int>, page: Int = 1, formatting: JSONEncoder.OutputFormatting = [.sortedKeys]
    ) throws -> Data {
        let envelope = Cloudflare.Envelope<[Cloudflare.Member]>(
            success: true, result: members.map(wireMember),
            resultInfo: Cloudflare.ResultInfo(
                page: page, perPage: 50, count: members.count, totalCount: 120, totalPages: 3))
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return try encoder.encode(envelope)
    }

    @Test func aPageAsTheAPIEncodesItGivesTheDecodersRows() throws {
        let rows = try Self.scanAgrees(try Self.encodedPage(0..<50))
        #expect(rows.count == 50)
        // Spot checks against what a user sees, so the two paths cannot agree on something wrong.
        #expect(rows[0].id == Self.hex(0))
        #expect(rows[0].email == "user0@example.com")
        #expect(rows[0].name == "Ann Lee")
        #expect(rows[0].status == .active)
        #expect(rows[0].roles.map(\.name) == ["Administrator"])
        #expect(rows[0].twoFactorEnabled == nil)
        #expect(rows[1].name == nil && rows[1].status == .pending && rows[1].twoFactorEnabled == false)
        #expect(rows[2].name == "Only-Last" && rows[2].status == .rejected && rows[2].twoFactorEnabled == true)
        #expect(rows[2].roles.map(\.name) == ["Administrator Read Only", "Administrator"])
        #expect(rows[3].name == "Only-First" && rows[3].status == .unknown("suspended") && rows[3].roles.isEmpty)
        #expect(rows[4].email == "top4@example.com", "no user: the member's own email")
        #expect(rows[4].status == .unknown(""), "no status")
        #expect(rows[4].twoFactorEnabled == nil)
        #expect(rows[5].id == Self.hex(1005), "no member id: the user's id")
        #expect(rows[5].name == "Lee")
        #expect(rows[5].roles.map(\.name) == [Self.wireRoles[3].id, "DNS \"edit\" é 🚀"])
        #expect(rows[6].name == "Zoë Ångström")
        #expect(rows[7].name == "\u{202E}gnp.exe \u{1B}[2J", "hostile text is kept exactly; the UI sanitizes it")
        #expect(rows[12].name == nil, "empty first and last names make no name")
    }

    @Test func aPrettyPrintedPageGivesTheSameRows() throws {
        let compact = try Self.scanAgrees(try Self.encodedPage(0..<50))
        let pretty = try Self.encodedPage(0..<50, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        #expect(String(decoding: pretty, as: UTF8.self).contains("\n  "))
        #expect(try Self.scanAgrees(pretty) == compact)
        // Tabs and CRLFs between every token.
        let spaced =
            #" {~"success" :~true ,"result"~:[ { "id" : "m1" ,"user" : { "email" : "a@x" , "first_name" : "A" } ,"roles" : [ { "id" : "r1" , "name" : "R" } ] , "status" : "accepted" } ] ,"result_info" : { "page" : 1 } }"#
            .replacingOccurrences(of: " ", with: "\r\n ").replacingOccurrences(of: "~", with: "\t")
        let rows = try Self.scanAgrees(spaced)
        #expect(rows.map(\.name) == ["A"])
        #expect(rows.map(\.roles) == [[Role(id: "r1", name: "R")]])
    }

    // MARK: - Fields that are missing, null, empty or escaped

    @Test(arguments: [
        // No user: the top-level email.
        (#"{"id":"m1","email":"top@x.example","status":"pending","roles":[]}"#, "m1", "top@x.example", String?.none),
        (#"{"id":"m1","email":"top@x.example","user":null}"#, "m1", "top@x.example", nil),
        // No user and no email at all.
        (#"{"id":"m1"}"#, "m1", "", nil),
        // A user: its email wins over the top-level one; no member id: the user's id.
        (#"{"user":{"id":"u9","email":"u@x.example"},"email":"other@x.example"}"#, "u9", "u@x.example", nil),
        (#"{"id":null,"user":{"id":"u9","email":"u@x.example"}}"#, "u9", "u@x.example", nil),
        (#"{"user":{"email":"u@x.example"}}"#, "", "u@x.example", nil),
        // Names: missing, null, empty, only one of them.
        (#"{"id":"m","user":{"email":"e","first_name":null,"last_name":null}}"#, "m", "e", nil),
        (#"{"id":"m","user":{"email":"e","first_name":"","last_name":""}}"#, "m", "e", nil),
        (#"{"id":"m","user":{"email":"e","last_name":"Lee"}}"#, "m", "e", "Lee"),
        (#"{"id":"m","user":{"email":"e","first_name":"","last_name":"Lee"}}"#, "m", "e", "Lee"),
        (#"{"id":"m","user":{"email":"e","first_name":null,"last_name":"Lee"}}"#, "m", "e", "Lee"),
        (#"{"id":"m","user":{"email":"e","first_name":"Ann"}}"#, "m", "e", "Ann"),
        (#"{"id":"m","user":{"email":"e","first_name":"Ann","last_name":""}}"#, "m", "e", "Ann"),
        (#"{"id":"m","user":{"email":"e","first_name":" ","last_name":" "}}"#, "m", "e", "   "),
        // Escapes in every text field.
        (
            #"{"id":"m\"1\\","user":{"email":"jos\u00e9@x.example","first_name":"Jos\u00e9","last_name":"\"The\" O\u0027Neil"}}"#,
            "m\"1\\", "josé@x.example", "José \"The\" O'Neil"
        ),
        (
            #"{"id":"m","user":{"email":"a\/b@x","first_name":"\ud83d\ude80","last_name":"\u001b[31mred\u202e"}}"#,
            "m", "a/b@x", "🚀 \u{1B}[31mred\u{202E}"
        ),
        (#"{"id":"m","email":"t\u00f6p@x","user":null}"#, "m", "töp@x", nil),
        (#"{"id":"m","user":{"email":"e","first_name":"tab\tnl\nnul\u0000"}}"#, "m", "e", "tab\tnl\nnul\u{0}"),
        // Raw (unescaped) non-ASCII.
        (#"{"id":"m","user":{"email":"名前@例え.jp","first_name":"Zoë","last_name":"👩‍👩‍👧"}}"#, "m", "名前@例え.jp", "Zoë 👩‍👩‍👧"),
    ])
    func memberFieldsAgree(_ member: String, id: String, email: String, name: String?) throws {
        let rows = try Self.scanAgrees(Self.page([member]))
        #expect(rows.map(\.id) == [id])
        #expect(rows.map(\.email) == [email])
        #expect(rows.map(\.name) == [name])
    }

    @Test(arguments: [
        (#""accepted""#, MemberStatus.active), (#""pending""#, .pending), (#""rejected""#, .rejected),
        (#""suspended""#, .unknown("suspended")), (#""""#, .unknown("")), (#"null"#, .unknown("")),
        (#""Accepted""#, .unknown("Accepted")), (#""accept\u0065d""#, .active),
        (#""acc\u00e9pted""#, .unknown("accépted")),
        (#""active""#, .unknown("active")),
    ])
    func statusesAgree(_ wire: String, expected: MemberStatus) throws {
        let rows = try Self.scanAgrees(Self.page([#"{"id":"m","status":\#(wire),"user":{"email":"e"}}"#]))
        #expect(rows.map(\.status) == [expected])
        let missing = try Self.scanAgrees(Self.page([#"{"id":"m","user":{"email":"e"}}"#]))
        #expect(missing.map(\.status) == [.unknown("")])
    }

    @Test func twoFactorAgrees() throws {
        let rows = try Self.scanAgrees(
            Self.page([
                #"{"id":"a","user":{"email":"e","two_factor_authentication_enabled":true}}"#,
                #"{"id":"b","user":{"email":"e","two_factor_authentication_enabled":false}}"#,
                #"{"id":"c","user":{"email":"e","two_factor_authentication_enabled":null}}"#,
                #"{"id":"d","user":{"email":"e"}}"#,
                #"{"id":"e","email":"e"}"#,
            ]))
        #expect(rows.map(\.twoFactorEnabled) == [true, false, nil, nil, nil])
    }

    // MARK: - Roles, within a page and across pages

    static let roleA =
        #"{"id":"r1","name":"Administrator","description":"All","permissions":{"dns":{"read":true,"write":true}}}"#
    static let roleB = #"{"id":"r2","name":"Billing","permissions":{"billing":{"read":true,"write":false}}}"#
    static let roleC = #"{"id":"r3","name":null,"description":null}"#

    @Test func roleListsInAnyOrderAgree() throws {
        let rows = try Self.scanAgrees(
            Self.page([
                #"{"id":"m1","user":{"email":"e"},"roles":[\#(Self.roleA),\#(Self.roleB)]}"#,
                #"{"id":"m2","user":{"email":"e"},"roles":[\#(Self.roleB),\#(Self.roleA)]}"#,
                #"{"id":"m3","user":{"email":"e"},"roles":[\#(Self.roleA)]}"#,
                #"{"id":"m4","user":{"email":"e"},"roles":[\#(Self.roleA),\#(Self.roleB)]}"#,
                #"{"id":"m5","user":{"email":"e"},"roles":[]}"#,
                #"{"id":"m6","user":{"email":"e"},"roles":null}"#,
                #"{"id":"m7","user":{"email":"e"}}"#,
                #"{"id":"m8","user":{"email":"e"},"roles":[\#(Self.roleC),\#(Self.roleA),\#(Self.roleC)]}"#,
                #"{"id":"m9","user":{"email":"e"},"roles": [ \#(Self.roleA) , \#(Self.roleB) ] }"#,
            ]))
        let a = Role(id: "r1", name: "Administrator", description: "All")
        let b = Role(id: "r2", name: "Billing")
        let c = Role(id: "r3", name: "r3")
        #expect(rows.map(\.roles) == [[a, b], [b, a], [a], [a, b], [], [], [], [c, a, c], [a, b]])
    }

    @Test func roleListsRememberedAcrossPagesStillGiveEachPagesRoles() throws {
        let memo = RoleListMemo()
        let table = RoleTable()
        let first = try Self.scanAgrees(
            Self.page([
                #"{"id":"m1","user":{"email":"e"},"roles":[\#(Self.roleA),\#(Self.roleB)]}"#,
                #"{"id":"m2","user":{"email":"e"},"roles":[\#(Self.roleB)]}"#,
            ]), memo: memo, table: table)
        #expect(!memo.entries.isEmpty, "the page's role lists are remembered")
        // The second page repeats both lists, has them in another order, and has a list that starts with the
        // bytes of one already known (the same role, then more).
        let renamedB = #"{"id":"r2","name":"Billing (renamed)","permissions":{"billing":{"read":true,"write":false}}}"#
        let second = try Self.scanAgrees(
            Self.page([
                #"{"id":"m3","user":{"email":"e"},"roles":[\#(Self.roleB)]}"#,
                #"{"id":"m4","user":{"email":"e"},"roles":[\#(Self.roleB),\#(Self.roleA)]}"#,
                #"{"id":"m5","user":{"email":"e"},"roles":[\#(Self.roleA),\#(Self.roleB)]}"#,
                #"{"id":"m6","user":{"email":"e"},"roles":[\#(renamedB)]}"#,
                #"{"id":"m7","user":{"email":"e"},"roles":[\#(Self.roleB),\#(Self.roleC)]}"#,
            ]), memo: memo, table: table)
        let a = Role(id: "r1", name: "Administrator", description: "All")
        let b = Role(id: "r2", name: "Billing")
        #expect(first.map(\.roles) == [[a, b], [b]])
        #expect(
            second.map(\.roles) == [
                [b], [b, a], [a, b], [Role(id: "r2", name: "Billing (renamed)")], [b, Role(id: "r3", name: "r3")],
            ])
        // A third page with the same memo but scanned concurrently with others: same answer every time.
        let body = Data(Self.page([#"{"id":"m8","user":{"email":"e"},"roles":[\#(Self.roleA),\#(Self.roleB)]}"#]).utf8)
        let agreed = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let roles = Member.scanningCloudflarePage(body, scope: Self.scope, roles: table, lists: memo)?.rows.first?
                .roles
            if roles == [a, b] { agreed.withLock { $0 += 1 } }
        }
        #expect(agreed.withLock { $0 } == 16)
    }

    @Test func manyPagesOfTheEncodedListAgreeWithOneMemo() throws {
        let memo = RoleListMemo()
        let table = RoleTable()
        var all: [Member] = []
        for (page, range) in [0..<50, 50..<100, 100..<120].enumerated() {
            all += try Self.scanAgrees(try Self.encodedPage(range, page: page + 1), memo: memo, table: table)
        }
        #expect(all.count == 120)
        #expect(Set(all.map(\.id)).count == all.count, "ids are distinct")
    }

    @Test func moreRoleListsThanTheMemoKeepsStillAgree() throws {
        let memo = RoleListMemo()
        let table = RoleTable()
        // 100 distinct lists (more than the memo's capacity), each used twice on each of two pages.
        let lists = (0..<100).map { index in #"[{"id":"r\#(index)","name":"Role \#(index)"},\#(Self.roleA)]"# }
        let members = (lists + lists).enumerated().map {
            #"{"id":"m\#($0.offset)","user":{"email":"e"},"roles":\#($0.element)}"#
        }
        for _ in 0..<2 {
            let rows = try Self.scanAgrees(Self.page(members), memo: memo, table: table)
            #expect(rows[7].roles.map(\.id) == ["r7", "r1"])
            #expect(rows[107].roles.map(\.id) == ["r7", "r1"])
        }
        #expect(memo.entries.count <= RoleListMemo.capacity)
    }
}
