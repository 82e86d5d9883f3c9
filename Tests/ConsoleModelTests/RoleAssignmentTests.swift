import APICore
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// OpenAI role assignments through the write runner, on the demo server: one request per assigned role, never
/// re-sent, and re-read when the answer is lost.
@MainActor
@Suite("Role assignments of organization members")
struct RoleAssignmentTests {
    /// The members list loaded, a member without the custom role `role`, and the organization's roles.
    private func ready(_ demo: DemoSession) async throws -> (member: Member, role: Role) {
        demo.session.start()
        #expect(await demo.waiter.until { demo.session.members.snapshot.loadState == .loaded })
        let assigning = try #require(demo.session.directory.memberRoleAssigning)
        let roles = try await assigning.assignableRoles()
        let custom = try #require(
            roles.first { $0.name.hasPrefix("Billing") || !["owner", "reader"].contains($0.name) })
        for member in demo.session.members.snapshot.rows where assigning.canAssignRoles(to: member) {
            let held = try await assigning.assignedRoles(of: member)
            if !held.contains(where: { $0.id == custom.id }) { return (member, custom) }
        }
        Issue.record("no member without \(custom.name)")
        throw CancellationError()
    }

    @Test func assigningARoleSendsOnePostAndTheServerHoldsIt() async throws {
        try await DemoSession.with(.openAI) { demo in
            let (member, role) = try await ready(demo)
            #expect(demo.session.capabilities.contains(.assignMemberRoles))
            await demo.session.members.changeAssignments(id: member.id, assign: [role], unassign: []).value
            let posts = await demo.writes()
            #expect(posts.map { "\($0.method) \($0.path)" } == ["POST /v1/organization/users/\(member.id)/roles"])
            #expect(demo.results.last?.actionID == "members.assignRole")
            #expect(demo.results.last?.outcome == .done)
            let held = try await #require(demo.session.directory.memberRoleAssigning).assignedRoles(of: member)
            #expect(held.contains { $0.id == role.id })

            await demo.session.members.changeAssignments(id: member.id, assign: [], unassign: [role]).value
            #expect(
                await demo.writes().last.map { "\($0.method) \($0.path)" }
                    == "DELETE /v1/organization/users/\(member.id)/roles/\(role.id)")
            let after = try await #require(demo.session.directory.memberRoleAssigning).assignedRoles(of: member)
            #expect(!after.contains { $0.id == role.id })
        }
    }

    @Test func aLostAnswerIsReReadAndNeverResent() async throws {
        try await DemoSession.with(.openAI) { demo in
            let (member, role) = try await ready(demo)
            demo.server.faults.inject(
                .reset(afterHandling: true), method: "POST", path: "/v1/organization/users/*/roles")
            await demo.session.members.changeAssignments(id: member.id, assign: [role], unassign: []).value
            #expect(await demo.writes().count == 1, "the POST went once")
            guard case .unknown(let finding) = demo.results.last?.outcome else {
                Issue.record("expected an unknown outcome, got \(String(describing: demo.results.last?.outcome))")
                return
            }
            #expect(finding.tookEffect == true, "the re-read shows the server applied it")
            #expect(finding.shown?.contains(role.name) == true)
        }
    }

    @Test func readOnlySendsNothing() async throws {
        try await DemoSession.with(.openAI, readOnly: true) { demo in
            let (member, role) = try await ready(demo)
            await demo.session.members.changeAssignments(id: member.id, assign: [role], unassign: []).value
            #expect(await demo.writes().isEmpty)
            #expect(demo.results.last?.outcome == .readOnly)
        }
    }
}
