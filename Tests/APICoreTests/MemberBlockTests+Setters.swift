import Foundation
import Testing

@testable import APICore

/// Setters, the UTF-8 handed out in place, and blocks shared between tasks.
extension MemberBlockTests {
    // MARK: - Setters

    @Test func eachSetterChangesOnlyItsFieldOnlyOnThatValue() {
        let original = Self.fields[3...12].map { $0 }
        let block = Self.block(original)
        let members = block.members
        let index = 5
        let before = members[index]

        func check(_ description: String, _ change: (inout Member) -> Void, _ expect: (inout Fields) -> Void) {
            var member = members[index]
            change(&member)
            var expected = original[index]
            expect(&expected)
            #expect(Fields(of: member) == expected, "\(description)")
            #expect(member.scope == Self.scope)
            #expect(member.scope.leaf?.name == "Acme")
            // The block, the other members and earlier copies are untouched.
            #expect(Fields(of: before) == original[index], "\(description)")
            #expect(block.members.map { Fields(of: $0) } == original, "\(description)")
        }

        check("roles", { $0.roles = [Self.billing, Self.admin] }, { $0.roles = [Self.billing, Self.admin] })
        check("roles emptied", { $0.roles = [] }, { $0.roles = [] })
        check("name nil", { $0.name = nil }, { $0.name = nil })
        check("name empty", { $0.name = "" }, { $0.name = "" })
        check("name emoji", { $0.name = "🚀 \u{202E}x" }, { $0.name = "🚀 \u{202E}x" })
        check("id", { $0.id = "new-id" }, { $0.id = "new-id" })
        check("email", { $0.email = "" }, { $0.email = "" })
        check("status", { $0.status = .unknown("suspended") }, { $0.status = .unknown("suspended") })
        check("status known", { $0.status = .disabled }, { $0.status = .disabled })
        check("2FA nil", { $0.twoFactorEnabled = nil }, { $0.twoFactorEnabled = nil })
        check("2FA true", { $0.twoFactorEnabled = true }, { $0.twoFactorEnabled = true })
        check("2FA false", { $0.twoFactorEnabled = false }, { $0.twoFactorEnabled = false })

        // Scope: the new scope (with its name), everything else kept.
        var moved = members[index]
        let project = Scope([ScopeNode(kind: .account, id: "acc-9", name: "Other")])
        moved.scope = project
        #expect(moved.scope == project && moved.scope.leaf?.name == "Other")
        #expect(Fields(of: moved) == original[index])
        #expect(members[index].scope == Self.scope)

        // Several changes in a row keep each other.
        var edited = members[index]
        edited.name = nil
        edited.roles = [Self.reader]
        edited.twoFactorEnabled = true
        edited.email = "new@x.example"
        var expected = original[index]
        expected.name = nil
        expected.roles = [Self.reader]
        expected.twoFactorEnabled = true
        expected.email = "new@x.example"
        #expect(Fields(of: edited) == expected)
        #expect(edited != members[index])

        // Setting a field to its own value gives an equal member.
        var same = members[index]
        same.roles = members[index].roles
        same.name = members[index].name
        #expect(same == members[index])
        #expect(same.hashValue == members[index].hashValue)
    }

    // MARK: - UTF-8 in place

    @Test func emailAndNameUTF8AreExactlyTheFieldsBytes() {
        let members = Self.block(Self.fields).members
        for (member, expected) in zip(members, Self.fields) {
            var email: [UInt8] = []
            var name: [UInt8] = []
            member.withEmailAndNameUTF8 { emailBytes, nameBytes in
                email = Array(emailBytes)
                name = Array(nameBytes)
            }
            #expect(email == Array(expected.email.utf8), "\(expected)")
            #expect(name == Array((expected.name ?? "").utf8), "\(expected)")
        }
    }

    @Test func standaloneAndEditedMembersHandOutTheirOwnUTF8() {
        var member = Self.block(Self.fields).members[42]
        member.email = "\u{1B}[2Jwipe@x.example"
        member.name = "Zoë \u{202E}"
        var seen: ([UInt8], [UInt8]) = ([], [])
        member.withEmailAndNameUTF8 { seen = (Array($0), Array($1)) }
        #expect(seen.0 == Array("\u{1B}[2Jwipe@x.example".utf8))
        #expect(seen.1 == Array("Zoë \u{202E}".utf8))
        member.name = nil
        member.withEmailAndNameUTF8 { seen = (Array($0), Array($1)) }
        #expect(seen.1.isEmpty)
    }

    // MARK: - Sharing

    @Test func aBlockBuiltPartWayKeepsTheMembersSoFar() {
        var builder = MemberBlockBuilder(scope: Self.scope, capacity: 2)
        for field in Self.fields.prefix(3) {
            builder.append(
                id: field.id, email: field.email, name: field.name, status: field.status, roles: field.roles,
                twoFactorEnabled: field.twoFactorEnabled)
        }
        let early = builder.members()
        for field in Self.fields.dropFirst(3).prefix(3) {
            builder.append(
                id: field.id, email: field.email, name: field.name, status: field.status, roles: field.roles,
                twoFactorEnabled: field.twoFactorEnabled)
        }
        let later = builder.members()
        #expect(early.map { Fields(of: $0) } == Array(Self.fields.prefix(3)))
        #expect(later.map { Fields(of: $0) } == Array(Self.fields.prefix(6)))
    }

    @Test func blockMembersCanBeReadFromManyTasksAtOnce() async {
        let members = Self.block(Self.fields).members
        let expected = Self.fields
        let results = await withTaskGroup(of: Bool.self) { group in
            for offset in 0..<8 {
                group.addTask {
                    stride(from: offset, to: members.count, by: 8).allSatisfy {
                        Fields(of: members[$0]) == expected[$0]
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
