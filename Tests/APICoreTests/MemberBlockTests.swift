import Foundation
import Testing

@testable import APICore

/// `Member` is a reference into a packed `MemberBlock`: every field must read back exactly as it went in, equality
/// and hashing must be by value (a block member equals a standalone member with the same fields), and setting a
/// field must change that field only, on that value only.
@Suite("Members packed into a MemberBlock")
struct MemberBlockTests {
    static let scope = Scope([ScopeNode(kind: .account, id: "acc-1", name: "Acme")])

    static let admin = Role(id: "r-admin", name: "Administrator", description: "Can do everything")
    static let reader = Role(id: "r-read", name: "Administrator Read Only")
    static let billing = Role(id: "r-bill", name: "Billing", description: nil, permissions: ["billing: read, write"])
    /// Same id and name as `admin`, another description: a different role, so a different list.
    static let adminReworded = Role(id: "r-admin", name: "Administrator", description: "Can do anything")

    /// The role lists members hold; several members share the same array.
    static let roleLists: [[Role]] = [
        [], [admin], [admin, reader], [reader, admin], [billing], [adminReworded], [admin, reader, billing],
    ]

    static let texts: [String] = [
        "", "a", "plain@example.com", "Zoë Ångström", "名前 テスト", "🚀👩‍👩‍👧‍👦🏳️‍🌈", "e\u{301}",
        "\u{1B}[31mred\u{1B}[0m\u{1B}]0;title\u{07}", "\u{202E}moc.elgoog@", "nul\u{0}inside", "tab\tnew\nline\r",
        String(repeating: "x", count: 3_000), "\"quoted\" \\ back", "\u{FEFF}bom", "\u{10FFFF}",
    ]

    static let statuses: [MemberStatus] = [
        .active, .pending, .rejected, .disabled, .unknown("suspended"), .unknown(""), .unknown("active"),
        .unknown("🚫 blocked"), .unknown("suspended"),
    ]

    struct Fields: Equatable, CustomStringConvertible {
        var id: String
        var email: String
        var name: String?
        var status: MemberStatus
        var roles: [Role]
        var twoFactorEnabled: Bool?

        init(
            _ id: String, _ email: String, _ name: String?, _ status: MemberStatus, _ roles: [Role], _ twoFactor: Bool?
        ) {
            self.id = id
            self.email = email
            self.name = name
            self.status = status
            self.roles = roles
            self.twoFactorEnabled = twoFactor
        }

        init(of member: Member) {
            self.init(member.id, member.email, member.name, member.status, member.roles, member.twoFactorEnabled)
        }

        func standalone(scope: Scope = MemberBlockTests.scope) -> Member {
            Member(
                id: id, email: email, name: name, status: status, roles: roles, twoFactorEnabled: twoFactorEnabled,
                scope: scope)
        }

        var description: String { "\(id.debugDescription) \(email.debugDescription) \(String(describing: name))" }
    }

    /// Many members mixing every kind of text, nil and empty names, every status, 2FA nil/false/true and shared
    /// role lists; neighbours differ so that a field read from the wrong offset shows.
    static let fields: [Fields] = (0..<600).map { index in
        let text = texts[index % texts.count]
        let name: String? =
            switch index % 4 {
            case 0: nil
            case 1: ""
            case 2: texts[(index / 4) % texts.count]
            default: "Name \(index) \(text)"
            }
        let twoFactor: Bool? = [nil, false, true][index % 3]
        return Fields(
            index % 7 == 0 ? "" : "id-\(index)\(text)", index % 5 == 0 ? text : "user\(index)@example.com",
            name, statuses[index % statuses.count], roleLists[index % roleLists.count], twoFactor)
    }

    static func block(_ fields: [Fields], scope: Scope = scope) -> MemberBlock {
        var builder = MemberBlockBuilder(scope: scope, capacity: fields.count)
        for field in fields {
            builder.append(
                id: field.id, email: field.email, name: field.name, status: field.status, roles: field.roles,
                twoFactorEnabled: field.twoFactorEnabled)
        }
        #expect(builder.count == fields.count)
        return builder.build()
    }

    @Test func everyFieldReadsBackAsItWentIn() {
        let members = Self.block(Self.fields).members
        #expect(members.count == Self.fields.count)
        for (member, expected) in zip(members, Self.fields) {
            #expect(Fields(of: member) == expected)
            #expect(member.scope == Self.scope)
            #expect(member.scope.leaf?.name == "Acme")
            #expect(member.accountID == "acc-1")
        }
    }

    @Test func nilAndEmptyNamesStayApart() {
        let members = Self.block([
            Fields("a", "a@x", nil, .active, [], nil),
            Fields("b", "b@x", "", .active, [], nil),
            Fields("c", "c@x", nil, .active, [], nil),
            Fields("", "", "", .pending, [], nil),
            Fields("", "", nil, .pending, [], nil),
        ]).members
        #expect(members.map(\.name) == [nil, "", nil, "", nil])
        #expect(members.map(\.id) == ["a", "b", "c", "", ""])
        #expect(members.map(\.email) == ["a@x", "b@x", "c@x", "", ""])
        #expect(members[0] != members[1], "a member without a name is not one with an empty name")
        #expect(members[3] != members[4])
    }

    @Test func unknownStatusesKeepTheirTextAndDoNotBecomeKnownOnes() {
        let statuses: [MemberStatus] = [
            .unknown("suspended"), .active, .unknown("active"), .unknown("suspended"), .unknown(""), .disabled,
            .unknown("x"), .rejected, .pending, .unknown(""),
        ]
        let members = Self.block(statuses.enumerated().map { Fields("m\($0.offset)", "e", nil, $0.element, [], nil) })
            .members
        #expect(members.map(\.status) == statuses)
        #expect(members[2].status != .active, "the provider's own word \"active\" is not our known status")
        #expect(members.map(\.status.label) == statuses.map(\.label))
    }

    @Test func twoFactorIsNilFalseOrTrue() {
        let values: [Bool?] = [nil, false, true, true, false, nil]
        let members = Self.block(values.enumerated().map { Fields("m\($0.offset)", "e", nil, .active, [], $0.element) })
            .members
        #expect(members.map(\.twoFactorEnabled) == values)
    }

    @Test func roleListsAreReturnedWholeAndInOrder() {
        let lists: [[Role]] = [
            [Self.admin, Self.reader], [Self.reader, Self.admin], [Self.admin], [Self.adminReworded], [],
            [Self.admin, Self.reader], [Self.admin, Self.admin],
        ]
        let members = Self.block(lists.enumerated().map { Fields("m\($0.offset)", "e", nil, .active, $0.element, nil) })
            .members
        #expect(members.map(\.roles) == lists)
        #expect(
            members[3].roles.first?.description == "Can do anything", "a role differing only in description is kept")
        #expect(members[0].roles.map(\.permissions) == [[], []])
        let withPermissions = Self.block([Fields("b", "e", nil, .active, [Self.billing], nil)]).members[0]
        #expect(withPermissions.roles.first?.permissions == ["billing: read, write"])
    }

    @Test func anEmptyBlockHasNoMembers() {
        #expect(MemberBlockBuilder(scope: Self.scope).build().members.isEmpty)
        #expect(MemberBlockBuilder(scope: Self.scope).members().isEmpty)
    }

    // MARK: - Equality and hashing

    @Test func aBlockMemberEqualsAStandaloneMemberWithTheSameFields() {
        let members = Self.block(Self.fields).members
        for (member, expected) in zip(members, Self.fields) {
            let standalone = expected.standalone()
            #expect(member == standalone)
            #expect(standalone == member)
            #expect(member.hashValue == standalone.hashValue)
        }
        // Two blocks built from the same fields: equal members, one set entry each.
        let again = Self.block(Self.fields).members
        #expect(members == again)
        let distinct = Set(Self.fields.map { $0.standalone() })
        #expect(Set(members).count == distinct.count)
        #expect(Set(members + again + Self.fields.map { $0.standalone() }).count == distinct.count)
    }

    @Test func membersDifferingInOneFieldAreNotEqual() {
        let base = Fields("m1", "a@x.example", "Ann Lee", .active, [Self.admin], true)
        var variants: [Fields] = []
        var changed = base
        changed.id = "m2"
        variants.append(changed)
        changed = base
        changed.email = "b@x.example"
        variants.append(changed)
        changed = base
        changed.name = nil
        variants.append(changed)
        changed = base
        changed.name = "Ann Lee "
        variants.append(changed)
        changed = base
        changed.status = .unknown("active")
        variants.append(changed)
        changed = base
        changed.roles = [Self.adminReworded]
        variants.append(changed)
        changed = base
        changed.roles = []
        variants.append(changed)
        changed = base
        changed.twoFactorEnabled = nil
        variants.append(changed)
        changed = base
        changed.twoFactorEnabled = false
        variants.append(changed)

        let members = Self.block([base] + variants).members
        for variant in members.dropFirst() {
            #expect(members[0] != variant, "\(variant)")
        }
        #expect(Set(members).count == members.count)
        let otherScope = Scope([ScopeNode(kind: .account, id: "acc-2", name: "Acme")])
        #expect(base.standalone() != base.standalone(scope: otherScope))
        #expect(members[0] == base.standalone())
    }

    @Test func idEmailAndNameBoundariesDoNotBleedIntoEachOther() {
        // "ab" + "c" and "a" + "bc" make the same bytes in the buffer: only the field ends tell them apart.
        let members = Self.block([
            Fields("ab", "c", "d", .active, [], nil),
            Fields("a", "bc", "d", .active, [], nil),
            Fields("a", "b", "cd", .active, [], nil),
            Fields("abcd", "", nil, .active, [], nil),
            Fields("", "abcd", nil, .active, [], nil),
            Fields("", "", "abcd", .active, [], nil),
        ]).members
        #expect(members.map(\.id) == ["ab", "a", "a", "abcd", "", ""])
        #expect(members.map(\.email) == ["c", "bc", "b", "", "abcd", ""])
        #expect(members.map(\.name) == ["d", "d", "cd", nil, nil, "abcd"])
        #expect(Set(members).count == 6)
    }
}
