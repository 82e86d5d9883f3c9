import APICore
import DemoServer
import Foundation
import OpenAIAdminAPI
import Testing

/// Runs the official OpenAI Python SDK (`openai` 3.57.0) against the DemoServer's `/v1`, so the fake cannot
/// drift from the real wire format: whatever the SDK cannot parse (strict validation is on), the fake gets wrong.
///
/// Each test starts its own server and runs `Conformance/openai_conformance.py` with `OPENAI_BASE_URL` and
/// `OPENAI_ADMIN_KEY`, then checks the one JSON object it prints against the server's state.
@Suite(
    "OpenAI SDK conformance",
    .enabled(if: ConformanceEnvironment.isOpenAIAvailable, "needs the openai SDK venv: run scripts/setup-venv.sh"),
    .timeLimit(.minutes(5))
)
struct OpenAIConformanceTests {
    @Test("users: the SDK's auto-pager reads every organization user", arguments: [nil, 100] as [Int?])
    func users(limit: Int?) async throws {
        try await withServer { server in
            var arguments = ["users"]
            if let limit { arguments += ["--limit", String(limit)] }
            let output = try await sdk(server).json(OpenAISDKOutput.Users.self, arguments)

            let expected = await server.openAI.userIDs()
            #expect(expected.count == 1200, "the default configuration seeds 1,200 users")
            #expect(output.count == expected.count)
            #expect(output.uniqueCount == expected.count, "no user twice across pages")
            #expect(output.ids == expected)
            #expect(output.filteredIDs == [server.openAI.demoUserID], "emails[] finds the demo user alone")
        }
    }

    @Test("role: users.update changes a reader into an owner")
    func role() async throws {
        try await withServer { server in
            let store = server.openAI
            let ids = await store.userIDs()
            var reader: String?
            for id in ids {
                if await store.userRole(id: id) == "reader" {
                    reader = id
                    break
                }
            }
            let userID = try #require(reader)
            let output = try await sdk(server).json(OpenAISDKOutput.Role.self, ["role", userID, "owner"])

            #expect(output.updated.id == userID)
            #expect(output.updated.role == "owner")
            #expect(output.fetchedRole == "owner")
            #expect(await store.userRole(id: userID) == "owner")
            let owner = await store.catalogueRoles().first { $0.predefinedRole && $0.name == "owner" }
            #expect(await store.assignedRoleIDs(userID: userID).first == owner?.id, "the predefined role follows")
        }
    }

    @Test("assignments: the SDK assigns a custom role, reads it and takes it away")
    func assignments() async throws {
        try await withServer { server in
            let store = server.openAI
            let userID = try #require(await store.userIDs().dropFirst().first)
            let before = await store.assignedRoleIDs(userID: userID)
            let custom = await store.catalogueRoles().filter { !$0.predefinedRole }.map(\.id)
            let roleID = try #require(custom.first { !before.contains($0) })
            let output = try await sdk(server).json(OpenAISDKOutput.Assignments.self, ["assignments", userID, roleID])

            #expect(output.catalogue == (await store.catalogueRoles().map(\.id)), "NextCursorPage followed `next`")
            #expect(output.before == before)
            #expect(output.created.object == "user.role")
            #expect(output.created.roleID == roleID)
            #expect(output.created.userID == userID)
            #expect(output.fetchedID == roleID)
            #expect(output.during == before + [roleID])
            #expect(output.deleted.deleted)
            #expect(output.after == before)
            #expect(output.gone.statusCode == 404)
            #expect(await store.assignedRoleIDs(userID: userID) == before)
        }
    }

    @Test("invite: the SDK creates and deletes an invite; an accepted one cannot be deleted")
    func invite() async throws {
        try await withServer { server in
            let store = server.openAI
            let output = try await sdk(server).json(
                OpenAISDKOutput.Invite.self, ["invite", "new.person@conformance.example"])

            #expect(output.created.status == "pending")
            #expect(output.created.email == "new.person@conformance.example")
            #expect(output.created.projects?.isEmpty == true, "projects: [] joins no project")
            #expect(output.fetchedStatus == "pending")
            #expect(output.listedStatuses == ["accepted", "expired", "pending"], "the seed has invites in every state")
            #expect(output.listedIDs.contains(output.created.id))
            #expect(output.deleted.deleted)
            #expect(output.deleted.id == output.created.id)
            #expect(output.gone.statusCode == 404)
            #expect(await store.inviteStatus(id: output.created.id) == nil)
            #expect(output.refused.statusCode == 400)
            #expect(output.refused.exception == "BadRequestError")
            #expect(await store.inviteStatus(id: output.acceptedID) == "accepted")
        }
    }

    @Test("admin key: the one-time value authenticates at once and stops working once the key is deleted")
    func adminKey() async throws {
        try await withServer { server in
            let store = server.openAI
            let output = try await sdk(server).json(OpenAISDKOutput.AdminKey.self, ["adminkey", "conformance key"])

            #expect(output.value.hasPrefix("sk-admin-"))
            let prefix = String(output.value.prefix("sk-admin-".count + 2))
            #expect(output.redactedValue == prefix + "…" + String(output.value.suffix(4)))
            #expect(output.ownRedactedValue == output.redactedValue, "the new key could read itself")
            #expect(output.listedIDs.contains(output.id), "and page the admin keys (CursorPage)")
            #expect(output.deleted.deleted)
            #expect(output.deleted.id == output.id)
            #expect(output.refused.statusCode == 401)
            #expect(output.refused.code == "invalid_api_key")
            #expect(!(await store.adminKeyIDs().contains(output.id)))
            #expect(await store.adminKeyID(forSecret: output.value) == nil)
            #expect(await store.adminKeyIDs().contains(store.loginKeyID), "the login key was not touched")
        }
    }

    @Test("projects: project users, service accounts and their keys through the SDK")
    func projects() async throws {
        try await withServer { server in
            let store = server.openAI
            let active = await store.projectIDs(includeArchived: false)
            let projectID = try #require(active.dropFirst(2).first, "a small active project")
            let userIDs = await store.userIDs()
            var outsider: String?
            for id in userIDs {
                if await store.projectUserRole(projectID: projectID, userID: id) == nil {
                    outsider = id
                    break
                }
            }
            let userID = try #require(outsider)
            let accountsBefore = await store.serviceAccountIDs(projectID: projectID)
            let output = try await sdk(server).json(OpenAISDKOutput.Projects.self, ["projects", projectID, userID])

            #expect(output.activeIDs == active, "archived projects are left out by default")
            #expect(output.allIDs == (await store.projectIDs()))
            #expect(output.allIDs.count == output.activeIDs.count + 1)
            #expect(output.addedRole == "member")
            #expect(output.changedRole == "owner")
            #expect(output.removed.deleted)
            #expect(await store.projectUserRole(projectID: projectID, userID: userID) == nil)
            #expect(output.keyValue.hasPrefix("sk-svcacct-"))
            #expect(output.keyListed)
            #expect(output.keyOwnerType == "service_account")
            #expect(output.bareRole == "none")
            #expect(!output.bareHasKey, "create_service_account_only makes no key")
            #expect(output.deletedKey.deleted)
            #expect(output.deletedAccount.deleted)
            let accountsAfter = await store.serviceAccountIDs(projectID: projectID)
            #expect(accountsAfter.count == accountsBefore.count + 1, "only the bare account is left")
            #expect(!accountsAfter.contains(output.serviceAccountID))
        }
    }

    @Test("errors: a wrong key is a 401 and an unknown user a 404, as the SDK classifies them")
    func errors() async throws {
        try await withServer { server in
            let auth = try await sdk(server).json(OpenAISDKOutput.Failure.self, ["autherror"])
            #expect(auth.exception == "AuthenticationError")
            #expect(auth.statusCode == 401)
            #expect(auth.type == "invalid_request_error")
            #expect(auth.code == "invalid_api_key")
            #expect(auth.bodyKeys == ["code", "message", "param", "type"], "the SDK unwrapped `error`")

            let missing = try await sdk(server).json(OpenAISDKOutput.Failure.self, ["notfound", "user-doesnotexist"])
            #expect(missing.exception == "NotFoundError")
            #expect(missing.statusCode == 404)
            #expect(missing.message.contains("user-doesnotexist"))
        }
    }

    @Test("retry: the SDK retries one injected 429 with Retry-After: 1")
    func retry429() async throws {
        try await withServer { server in
            let rule = server.faults.inject(
                .status(429, retryAfter: 1), method: "GET", path: "/v1/organization/users")
            await server.requestLog.clear()

            let output = try await sdk(server).json(OpenAISDKOutput.Retry.self, ["retry429"])

            #expect(output.statusCode == 200)
            #expect(output.retriesTaken == 1)
            #expect(output.count == 5)
            #expect(!server.faults.rules.contains { $0.id == rule.id }, "the 429 rule was spent")
            let calls = await server.requestLog.entries().filter { $0.path == "/v1/organization/users" }
            #expect(calls.map(\.status) == [429, 200], "the request log shows the retry")
            #expect(calls.first?.fault == "status")
        }
    }

    @Test("sweep: every read endpoint passes the SDK's strict response validation")
    func sweep() async throws {
        try await withServer { server in
            let output = try await sdk(server).json(OpenAISDKOutput.Sweep.self, ["sweep"])

            #expect(output.counts["projects"] == (await server.openAI.projectIDs().count))
            #expect(output.calls.count >= 30)
            for call in output.calls {
                #expect(call.ok, "\(call.call): \(call.error ?? "")")
            }
        }
    }

    // MARK: Helpers

    /// Starts a server with the default configuration (1,200 OpenAI users), runs `body`, and always stops it.
    private func withServer(_ body: (DemoServer) async throws -> Void) async throws {
        let server = try await DemoServer.start(DemoServerConfiguration())
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// The SDK driver, pointed at `server` with the login key.
    private func sdk(_ server: DemoServer) -> PythonSDKProcess {
        PythonSDKProcess(
            script: "openai_conformance.py",
            environment: [
                "OPENAI_BASE_URL": server.openAIBaseURL.absoluteString, "OPENAI_ADMIN_KEY": server.openAILoginKey,
            ])
    }
}

/// Fails the run when the OpenAI conformance tests are required (CI) but cannot run.
@Suite("OpenAI conformance requirements")
struct OpenAIConformanceRequirementTests {
    @Test(
        "the openai SDK venv is present when ORGTUI_REQUIRE_CONFORMANCE=1",
        .enabled(if: ConformanceEnvironment.isRequired, "ORGTUI_REQUIRE_CONFORMANCE is not 1"))
    func venvIsPresentWhenRequired() {
        let reason = ConformanceEnvironment.missingReason(forPackage: "openai")
        #expect(reason == nil, "ORGTUI_REQUIRE_CONFORMANCE=1 but \(reason ?? "")")
    }
}
