import APICore
import Testing

@testable import ConsoleModel

/// The members pane writes its filter text in one pass over a page (`Columns.membersFilterText`); what a filter
/// matches must not depend on which writer built the text.
@Suite("Members' filter text")
struct MemberFilterTextTests {
    static let admin = Role(id: "r1", name: "Administrator")
    static let billing = Role(id: "r2", name: "Billing Ädmin")
    static let scope = Scope([ScopeNode(kind: .account, id: "a1", name: "Acme")])

    static let members: [Member] = Member.packed([
        Member(
            id: "m1", email: "Ann.Lee@Example.COM", name: "Ann Lee", status: .active, roles: [admin],
            twoFactorEnabled: true, scope: scope),
        Member(id: "m2", email: "bob@example.com", name: nil, status: .pending, roles: [], scope: scope),
        Member(
            id: "m3", email: "ÉLISE@exemple.fr", name: "Élise Ünal", status: .unknown("Suspended"),
            roles: [admin, billing], twoFactorEnabled: false, scope: scope),
        Member(id: "m4", email: "", name: "", status: .rejected, roles: [billing], scope: scope),
        Member(
            id: "m5", email: "zwj@x", name: "👩\u{200D}💻 \u{1B}[31mRed", status: .disabled, roles: [admin],
            scope: scope),
    ])

    @Test func theOnePassWriterWritesWhatTheColumnsWrite() {
        let fast = Columns.membersFilterText(Self.members)
        let generic = HaystackChunk(Self.members, columns: Columns.members)
        #expect(fast.count == Self.members.count)
        for row in Self.members.indices {
            #expect(fast.text(at: row) == generic.text(at: row))
        }
    }

    @Test func needlesFindTheSameRowsEitherWay() {
        let fast = Columns.membersFilterText(Self.members)
        let generic = HaystackChunk(Self.members, columns: Columns.members)
        for needle in ["ann", "example.com", "élise", "ünal", "billing ädmin", "suspended", "pending", "–", "off", "👩"]
        {
            let bytes = HaystackChunk.needle(needle)
            #expect(fast.rows(containing: bytes) == generic.rows(containing: bytes), "\(needle)")
        }
        #expect(fast.rows(containing: HaystackChunk.needle("élise")) == [2], "upper-case non-ASCII is lower-cased")
        #expect(fast.rows(containing: HaystackChunk.needle("administrator")) == [0, 2, 4])
    }

    @Test func aMemberWithNeitherEmailNorNameShowsItsIDAndIsFoundByIt() throws {
        let nameless = try #require(Self.members.first { $0.id == "m4" })
        #expect(Columns.members[0].text(nameless) == "m4", "never an empty cell")
        #expect(Columns.members[0].text(Self.members[0]) == "Ann.Lee@Example.COM")
        let chunk = Columns.membersFilterText([nameless])
        #expect(chunk.rows(containing: HaystackChunk.needle("m4")) == [0], "the filter finds it by its id")
    }
}
