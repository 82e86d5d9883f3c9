import DemoServer
import Foundation
import Testing

/// Raw HTTP checks of the DemoServer's OpenAI writes: users, role assignments, invites, projects.
@Suite("DemoServer OpenAI writes over loopback HTTP")
struct OpenAIDemoServerWriteTests {
    @Test func modifyChangesTheRoleAndItsPredefinedAssignment() async throws {
        try await OpenAIHTTP.withServer { server in
            let store = server.openAI
            let userID = try #require(await store.userIDs().dropFirst().first)
            let raw = try await OpenAIHTTP.send(
                "POST", "/organization/users/\(userID)", on: server, body: #"{"role":"owner"}"#)
            #expect(raw.status == 200)
            #expect(raw.object?["role"] as? String == "owner")
            #expect(await store.userRole(id: userID) == "owner")
            let assigned = try await OpenAIHTTP.send("GET", "/organization/users/\(userID)/roles", on: server)
            #expect(assigned.data?.first?["name"] as? String == "owner")
            #expect(assigned.data?.first?["predefined_role"] as? Bool == true)
            #expect(assigned.data?.first?["object"] == nil, "assignment items have no object field")

            let unknown = try await OpenAIHTTP.send(
                "POST", "/organization/users/\(userID)", on: server, body: #"{"role":"admin"}"#)
            #expect(unknown.status == 400)
            #expect(await store.userRole(id: userID) == "owner", "a refused modify changes nothing")
            let empty = try await OpenAIHTTP.send("POST", "/organization/users/\(userID)", on: server, body: "{}")
            #expect(empty.status == 400)
        }
    }

    @Test func assignmentsOfCustomRoles() async throws {
        try await OpenAIHTTP.withServer { server in
            let store = server.openAI
            let userID = try #require(await store.userIDs().dropFirst().first)
            let before = await store.assignedRoleIDs(userID: userID)
            let roles = await store.catalogueRoles()
            let custom = try #require(roles.first { !$0.predefinedRole && !before.contains($0.id) })
            let predefined = try #require(roles.first { $0.predefinedRole && before.first == $0.id })
            let path = "/organization/users/\(userID)/roles"

            let created = try await OpenAIHTTP.send("POST", path, on: server, body: #"{"role_id":"\#(custom.id)"}"#)
            #expect(created.object?["object"] as? String == "user.role")
            #expect((created.object?["role"] as? [String: Any])?["id"] as? String == custom.id)
            #expect((created.object?["user"] as? [String: Any])?["id"] as? String == userID)
            let twice = try await OpenAIHTTP.send("POST", path, on: server, body: #"{"role_id":"\#(custom.id)"}"#)
            #expect(twice.status == 400)
            let fetched = try await OpenAIHTTP.send("GET", "\(path)/\(custom.id)", on: server)
            #expect(fetched.object?["id"] as? String == custom.id)
            let sources = fetched.object?["assignment_sources"] as? [[String: Any]]
            #expect(sources?.first?["principal_id"] as? String == userID)

            let basic = try await OpenAIHTTP.send("DELETE", "\(path)/\(predefined.id)", on: server)
            #expect(basic.status == 400, "the organization role is changed, never removed")
            let deleted = try await OpenAIHTTP.send("DELETE", "\(path)/\(custom.id)", on: server)
            #expect(deleted.object?["deleted"] as? Bool == true)
            #expect(deleted.object?["id"] == nil)
            #expect(await store.assignedRoleIDs(userID: userID) == before)
            let unknownRole = try await OpenAIHTTP.send("POST", path, on: server, body: #"{"role_id":"role_nope"}"#)
            #expect(unknownRole.status == 404)
        }
    }

    @Test func deletingAUserTakesThemOutOfEveryProject() async throws {
        try await OpenAIHTTP.withServer { server in
            let store = server.openAI
            let projectID = try #require(await store.projectIDs().first)
            let userID = try #require(await store.userIDs().dropFirst().first)
            #expect(await store.projectUserRole(projectID: projectID, userID: userID) != nil)
            let count = await store.userCount()

            let deleted = try await OpenAIHTTP.send("DELETE", "/organization/users/\(userID)", on: server)
            #expect(deleted.object?["object"] as? String == "organization.user.deleted")
            #expect(await store.userCount() == count - 1)
            #expect(await store.projectUserRole(projectID: projectID, userID: userID) == nil)
            let again = try await OpenAIHTTP.send("GET", "/organization/users/\(userID)", on: server)
            #expect(again.status == 404)
            // A cursor naming the deleted user still pages on from where it was.
            let after = try await OpenAIHTTP.send("GET", "/organization/users?limit=3&after=\(userID)", on: server)
            #expect(after.ids == Array(await store.userIDs().dropFirst().prefix(3)))
            let bogus = try await OpenAIHTTP.send("GET", "/organization/users?after=user-never-existed", on: server)
            #expect(bogus.status == 400)
            #expect(bogus.error?["param"] as? String == "after")
        }
    }

    @Test func invitesInEveryStateAndWhichOnesCanBeDeleted() async throws {
        try await OpenAIHTTP.withServer { server in
            let store = server.openAI
            let invites = await store.allInvites()
            #expect(Set(invites.map(\.status.rawValue)) == ["pending", "accepted", "expired"])
            let accepted = try #require(invites.first { $0.status.rawValue == "accepted" })
            let expired = try #require(invites.first { $0.status.rawValue == "expired" })

            let refused = try await OpenAIHTTP.send("DELETE", "/organization/invites/\(accepted.id)", on: server)
            #expect(refused.status == 400)
            #expect(await store.inviteStatus(id: accepted.id) == "accepted")
            let withdrawn = try await OpenAIHTTP.send("DELETE", "/organization/invites/\(expired.id)", on: server)
            #expect(withdrawn.object?["object"] as? String == "organization.invite.deleted")
            #expect(await store.inviteStatus(id: expired.id) == nil)

            let created = try await OpenAIHTTP.send(
                "POST", "/organization/invites", on: server, body: #"{"email":"fresh@new.example","role":"owner"}"#)
            #expect(created.object?["status"] as? String == "pending")
            let projects = created.object?["projects"] as? [[String: Any]]
            #expect(projects?.first?["id"] as? String == (await store.projectIDs().first), "joins the default project")
            let duplicate = try await OpenAIHTTP.send(
                "POST", "/organization/invites", on: server, body: #"{"email":"FRESH@new.example","role":"reader"}"#)
            #expect(duplicate.status == 400)
            let member = try await OpenAIHTTP.send(
                "POST", "/organization/invites", on: server,
                body: #"{"email":"alex.morgan@example.com","role":"reader"}"#)
            #expect(member.status == 400)
        }
    }

    @Test func projectMembersMustBelongToTheOrganization() async throws {
        try await OpenAIHTTP.withServer { server in
            let store = server.openAI
            let archived = try #require(await store.archivedProjectIDs().first)
            let projectID = try #require(await store.projectIDs(includeArchived: false).last)
            let listed = try await OpenAIHTTP.send("GET", "/organization/projects", on: server)
            #expect(!listed.ids.contains(archived))
            let all = try await OpenAIHTTP.send("GET", "/organization/projects?include_archived=true", on: server)
            #expect(all.ids.contains(archived))

            let stranger = try await OpenAIHTTP.send(
                "POST", "/organization/projects/\(projectID)/users", on: server,
                body: #"{"role":"member","user_id":"user-not-in-this-org"}"#)
            #expect(stranger.status == 400)
            #expect(stranger.error?["param"] as? String == "user_id")
            let frozen = try await OpenAIHTTP.send(
                "POST", "/organization/projects/\(archived)/users", on: server,
                body: #"{"role":"member","email":"alex.morgan@example.com"}"#)
            #expect(frozen.status == 400, "archived projects cannot be changed")

            let demo = server.openAI.demoUserID
            let path = "/organization/projects/\(projectID)/users"
            let twice = try await OpenAIHTTP.send(
                "POST", path, on: server, body: #"{"role":"owner","email":"Alex.Morgan@example.com"}"#)
            #expect(twice.status == 400, "the demo user is a member of every project already")
            let removed = try await OpenAIHTTP.send("DELETE", "\(path)/\(demo)", on: server)
            #expect(removed.object?["object"] as? String == "organization.project.user.deleted")
            let byEmail = try await OpenAIHTTP.send(
                "POST", path, on: server, body: #"{"role":"owner","email":"Alex.Morgan@example.com"}"#)
            #expect(byEmail.object?["id"] as? String == demo)
            #expect(byEmail.object?["object"] as? String == "organization.project.user")
            let changed = try await OpenAIHTTP.send("POST", "\(path)/\(demo)", on: server, body: #"{"role":"member"}"#)
            #expect(changed.object?["role"] as? String == "member")
            #expect(await store.projectUserRole(projectID: projectID, userID: demo) == "member")
            let members = try await OpenAIHTTP.send(
                "GET", "/organization/projects/\(projectID)/users?limit=100", on: server)
            #expect(members.ids.count == (await store.projectUserCount(projectID: projectID)))
        }
    }

    @Test func bigProjectAndKeysOfBothOwnerKinds() async throws {
        try await OpenAIHTTP.withServer(users: 1_200) { server in
            let store = server.openAI
            var counts: [String: Int] = [:]
            for id in await store.projectIDs() { counts[id] = await store.projectUserCount(projectID: id) }
            #expect(counts.values.contains { $0 >= 300 }, "one project has hundreds of users")

            let projectID = try #require(counts.max { $0.value < $1.value }?.key)
            let keys = try await OpenAIHTTP.send(
                "GET", "/organization/projects/\(projectID)/api_keys?limit=100&owner_project_access=any", on: server)
            let kinds = Set((keys.data ?? []).compactMap { ($0["owner"] as? [String: Any])?["type"] as? String })
            #expect(kinds == ["user", "service_account"])
            let redacted = (keys.data ?? []).compactMap { $0["redacted_value"] as? String }
            #expect(redacted.allSatisfy { $0.hasPrefix("sk-") && $0.contains("…") })
            let accounts = try await OpenAIHTTP.send(
                "GET", "/organization/projects/\(projectID)/service_accounts", on: server)
            #expect(accounts.ids == (await store.serviceAccountIDs(projectID: projectID)))
        }
    }
}
