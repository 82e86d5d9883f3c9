import APICore
import CloudflareAPI
import DemoServer
import Foundation
import Testing

/// Runs the official Cloudflare Python SDK (`cloudflare` 5.9.0) against the DemoServer, so the fake cannot
/// drift from the real wire format: whatever the SDK cannot parse (strict validation is on), the fake gets wrong.
///
/// Each test starts its own server (they mutate state and inject faults) and runs
/// `Conformance/cloudflare_conformance.py` with `CLOUDFLARE_BASE_URL` and `CLOUDFLARE_API_TOKEN`, then checks
/// the one JSON object it prints against the server's state. Needs the venv of `scripts/setup-venv.sh`.
@Suite(
    "Cloudflare SDK conformance",
    .enabled(
        if: ConformanceEnvironment.isCloudflareAvailable,
        "needs the cloudflare SDK venv: run scripts/setup-venv.sh"),
    .timeLimit(.minutes(5))
)
struct CloudflareConformanceTests {
    // MARK: Scenarios

    @Test("accounts: the SDK lists exactly the accounts the user can see")
    func accounts() async throws {
        try await withServer { server in
            let output = try await sdk(server).json(AccountsOutput.self, ["accounts"])

            let visible = await server.store.visibleAccountIDs()
            let names = Dictionary(uniqueKeysWithValues: await server.store.allAccounts().map { ($0.id, $0.name) })
            #expect(output.count == visible.count)
            #expect(output.accounts.map(\.id) == visible)
            for account in output.accounts {
                #expect(account.name == names[account.id], "name of account \(account.id)")
            }
            #expect(!visible.isEmpty)
            #expect(visible.contains(server.store.bigAccountID))
        }
    }

    @Test("members: the SDK's auto-pager reads every member of the big account", arguments: [nil, 50] as [Int?])
    func members(perPage: Int?) async throws {
        try await withServer { server in
            let account = server.store.bigAccountID
            var arguments = ["members", account]
            if let perPage { arguments += ["--per-page", String(perPage)] }
            let output = try await sdk(server).json(MembersOutput.self, arguments)

            let expected = await server.store.memberCount(accountID: account)
            #expect(expected == 2500, "the default configuration seeds 2,500 members")
            #expect(output.count == expected)
            #expect(output.uniqueCount == expected, "no member twice across pages")
            let first = try #require(output.firstID)
            let last = try #require(output.lastID)
            #expect(await server.store.member(accountID: account, memberID: first) != nil)
            #expect(await server.store.member(accountID: account, memberID: last) != nil)
        }
    }

    @Test("invites: the SDK lists received invites, accepts the first pending one and declines the next")
    func invites() async throws {
        try await withServer { server in
            let store = server.store
            let before = await store.allInvites()
            let pending = before.filter { $0.status?.value == .pending }.compactMap(\.id)
            let output = try await sdk(server).json(InvitesOutput.self, ["invites"])

            #expect(output.invites.map(\.id) == before.map(\.id))
            #expect(output.invites.map(\.status) == before.map { $0.status?.rawValue })
            #expect(output.invites.map(\.organizationID) == before.map(\.organizationID))
            let firstPending = try #require(pending.first, "the seed has a pending invite")
            #expect(output.acceptedID == firstPending)
            #expect(output.edited.id == firstPending)
            #expect(output.edited.status == "accepted")
            #expect(output.fetchedAfter.status == "accepted")
            let acceptedStatus = await store.inviteStatus(id: firstPending)
            #expect(acceptedStatus == .accepted)
            let visible = await store.visibleAccountIDs()
            #expect(visible.contains(output.acceptedAccountID), "accepting makes the account visible")
            let memberCount = await store.memberCount(accountID: output.acceptedAccountID)
            #expect(output.acceptedAccountMembers == memberCount)

            if pending.count > 1 {
                #expect(output.rejectedID == pending[1])
                #expect(output.rejected?.status == "rejected")
                let rejectedStatus = await store.inviteStatus(id: pending[1])
                #expect(rejectedStatus == .rejected)
            } else {
                #expect(output.rejectedID == nil)
            }
        }
    }

    @Test("roll: the SDK rolls a user token and an account token", arguments: RollBody.allCases)
    func roll(body: RollBody) async throws {
        try await withServer { server in
            let store = server.store
            let targets = try #require(
                await RollTargets.find(in: server),
                "an active user token other than the login token and an active account token")
            let oldUserSecret = await store.secret(ofTokenID: targets.userTokenID)
            let oldAccountSecret = await store.secret(ofTokenID: targets.accountTokenID)

            let output = try await sdk(server).json(
                RollOutput.self,
                ["roll", targets.userTokenID, targets.accountTokenID, targets.accountID, "--body", body.rawValue])

            let newUserSecret = await store.secret(ofTokenID: targets.userTokenID)
            let newAccountSecret = await store.secret(ofTokenID: targets.accountTokenID)
            let oldUserOwner = await store.tokenID(forSecret: oldUserSecret ?? "")
            let oldAccountOwner = await store.tokenID(forSecret: oldAccountSecret ?? "")
            let loginOwner = await store.tokenID(forSecret: server.loginToken)
            let visibleCount = await store.visibleAccountIDs().count
            #expect(output.userToken.id == targets.userTokenID)
            #expect(output.userToken.secret == newUserSecret)
            #expect(output.userToken.secret != oldUserSecret)
            #expect(output.accountToken.id == targets.accountTokenID)
            #expect(output.accountToken.secret == newAccountSecret)
            #expect(output.accountToken.secret != oldAccountSecret)
            #expect(oldUserOwner == nil, "the old user secret is forgotten")
            #expect(oldAccountOwner == nil, "the old account secret is forgotten")
            #expect(loginOwner == server.loginTokenID, "the login token was not touched")

            // The new user secret works with the SDK; the old one is refused like any unknown token.
            let withNew = try await sdk(server, token: output.userToken.secret).json(AccountsOutput.self, ["accounts"])
            #expect(withNew.count == visibleCount)
            let withOld = try await sdk(server, token: oldUserSecret ?? "none").json(
                AuthErrorOutput.self, ["autherror"])
            #expect(withOld.statusCode == 403)
            #expect(withOld.errors.map(\.code) == [9109])
        }
    }

    @Test("auth error: a wrong token is refused as api/cloudflare.md §2.1 says", arguments: AuthErrorCase.all)
    func authError(_ expected: AuthErrorCase) async throws {
        try await withServer { server in
            let wrongToken = "wrong-" + String(server.loginToken.reversed())
            let output = try await sdk(server, token: wrongToken)
                .json(AuthErrorOutput.self, ["autherror", "--call", expected.call])

            #expect(output.statusCode == expected.status)
            #expect(output.exception == expected.exception)
            #expect(output.success == false)
            #expect(output.errors.map(\.code) == [expected.code])
            #expect(output.errors.allSatisfy { !($0.message ?? "").isEmpty }, "every error has a message")
        }
    }

    @Test("retry: the SDK survives one injected 429 with Retry-After: 1")
    func retry429() async throws {
        try await withServer { server in
            let rule = server.faults.inject(.status(429, retryAfter: 1), method: "GET", path: "/accounts")
            await server.requestLog.clear()

            let output = try await sdk(server).json(RetryOutput.self, ["retry429"])

            #expect(output.succeeded)
            #expect(output.statusCode == 200)
            #expect(output.retriesTaken == 1)
            #expect(output.firstRequestSeconds >= 0.9, "Retry-After: 1 was honoured")
            #expect(output.count == (await server.store.visibleAccountIDs().count))
            #expect(!server.faults.rules.contains { $0.id == rule.id }, "the 429 rule was spent")
            let accountCalls = await server.requestLog.entries().filter {
                $0.method == "GET" && $0.path.hasSuffix("/accounts")
            }
            #expect(accountCalls.map(\.status).prefix(2) == [429, 200])
        }
    }

    @Test("sweep: every read endpoint passes the SDK's strict response validation")
    func sweep() async throws {
        try await withServer { server in
            let output = try await sdk(server).json(SweepOutput.self, ["sweep"])

            let visible = await server.store.visibleAccountIDs()
            #expect(output.accounts == visible.count)
            #expect(output.calls.count >= 10 + 7 * visible.count)
            for call in output.calls {
                #expect(call.ok, "\(call.call): \(call.error ?? "")")
            }
        }
    }

    @Test(
        "writes: the SDK invites, changes roles, removes, creates and updates a token, clears a field, leaves, cancels, and administers an account"
    )
    func writes() async throws {
        try await withServer { server in
            let account = server.store.bigAccountID
            let output = try await sdk(server).json(WritesOutput.self, ["writes", account])

            let roles = await server.store.roles(accountID: account).map(\.id)
            #expect(output.memberRoles == Array(roles.prefix(2)))
            #expect(output.updatedRoles == [roles[2]])
            #expect(await server.store.member(accountID: account, memberID: output.memberID) == nil)
            #expect(output.tokenHasValue)
            #expect(output.tokenGroups.count == 2)
            #expect(output.tokenStatus == "disabled")
            #expect(await server.store.token(id: output.tokenID)?.name == "sdk-token-2")
            #expect(output.telephoneAfterClear == nil)
            #expect(await server.store.demoUser().telephone == nil)
            #expect(
                output.leftID == output.leftOrganization,
                "the SDK reads the id of a left organization from the top level")
            #expect(
                output.cancelledID == output.cancelledSubscription, "the SDK reads subscription_id from the top level")
            #expect(output.renamed == "SDK Account 2" && output.renamedEnforcesTwofactor)
            #expect(await server.store.allAccounts().contains { $0.id == output.accountID } == false)
        }
    }

    @Test(
        "policyscope: the SDK's token with a zone group on an account resource is refused; bound per scope it is created; account subscriptions, one role and one organization through the SDK"
    )
    func policyScope() async throws {
        try await withServer { server in
            let account = server.store.bigAccountID
            let output = try await sdk(server).json(PolicyScopeOutput.self, ["policyscope", account])
            #expect(output.refused?.contains("DNS Write") == true)
            #expect(output.refused?.contains("com.cloudflare.api.account.zone") == true)
            #expect(output.effects == ["allow", "allow", "deny"])
            let policies = await server.store.token(id: output.tokenID)?.policies ?? []
            #expect(policies.count == 3)
            #expect(output.subscriptionFrequency == "monthly")
            #expect(await server.store.subscriptionIDs(accountID: account).contains(output.subscriptionID) == false)
            #expect(output.roleID != nil)
            #expect(output.organizationRead)
        }
    }

    // MARK: Helpers

    /// Starts a server with the default configuration (2,500 members), runs `body`, and always stops it.
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

    /// The SDK driver, pointed at `server` with the login token (or `token`).
    private func sdk(_ server: DemoServer, token: String? = nil) -> PythonSDKProcess {
        PythonSDKProcess(
            script: "cloudflare_conformance.py",
            environment: [
                "CLOUDFLARE_BASE_URL": server.cloudflareBaseURL.absoluteString,
                "CLOUDFLARE_API_TOKEN": token ?? server.loginToken,
            ])
    }
}

/// Fails the run when the conformance tests are required (CI) but cannot run.
@Suite("Conformance requirements")
struct ConformanceRequirementTests {
    @Test(
        "the SDK venv is present when ORGTUI_REQUIRE_CONFORMANCE=1",
        .enabled(if: ConformanceEnvironment.isRequired, "ORGTUI_REQUIRE_CONFORMANCE is not 1"))
    func venvIsPresentWhenRequired() {
        let reason = ConformanceEnvironment.missingReason(forPackage: "cloudflare")
        #expect(reason == nil, "ORGTUI_REQUIRE_CONFORMANCE=1 but \(reason ?? "")")
    }
}

// MARK: - Arguments

/// The tokens the roll test rolls: never the login token, so the test keeps its own credentials.
struct RollTargets: Sendable {
    var userTokenID: String
    var accountID: String
    var accountTokenID: String

    static func find(in server: DemoServer) async -> RollTargets? {
        let store = server.store
        let userTokens = await store.tokens(of: .user)
        guard
            let user = userTokens.first(where: { $0.id != server.loginTokenID && $0.status?.value == .active })?.id
        else { return nil }
        for account in await store.visibleAccountIDs() {
            let accountTokens = await store.tokens(of: .account(account))
            if let token = accountTokens.first(where: { $0.status?.value == .active })?.id {
                return RollTargets(userTokenID: user, accountID: account, accountTokenID: token)
            }
        }
        return nil
    }
}

/// How the roll call sends its body: as SDK 5.9.0 does (none) or as the OpenAPI schema wants (`{}`).
enum RollBody: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case none
    case empty

    var testDescription: String { self == .none ? "no body (SDK 5.9.0)" : "{} body (OpenAPI schema)" }
}

/// One call made with a wrong token and the refusal api/cloudflare.md §2.1 lists for it.
struct AuthErrorCase: Sendable, CustomTestStringConvertible {
    var call: String
    var status: Int
    var code: Int
    var exception: String

    var testDescription: String { "\(call) → \(status) / \(code)" }

    static let all = [
        AuthErrorCase(call: "user", status: 403, code: 9109, exception: "PermissionDeniedError"),
        AuthErrorCase(call: "accounts", status: 403, code: 9109, exception: "PermissionDeniedError"),
        AuthErrorCase(call: "verify", status: 401, code: 1000, exception: "AuthenticationError"),
    ]
}

// MARK: - Script output

private struct AccountsOutput: Decodable {
    struct Account: Decodable {
        var id: String
        var name: String?
        var type: String?
    }

    var count: Int
    var accounts: [Account]
}

private struct MembersOutput: Decodable {
    var count: Int
    var uniqueCount: Int
    var firstID: String?
    var lastID: String?

    enum CodingKeys: String, CodingKey {
        case count
        case uniqueCount = "unique_count"
        case firstID = "first_id"
        case lastID = "last_id"
    }
}

private struct InvitesOutput: Decodable {
    struct Invite: Decodable {
        var id: String?
        var organizationID: String?
        var status: String?

        enum CodingKeys: String, CodingKey {
            case id, status
            case organizationID = "organization_id"
        }
    }

    var invites: [Invite]
    var acceptedID: String
    var acceptedAccountID: String
    var acceptedAccountMembers: Int
    var edited: Invite
    var fetchedAfter: Invite
    var rejectedID: String?
    var rejected: Invite?

    enum CodingKeys: String, CodingKey {
        case invites, edited, rejected
        case acceptedID = "accepted_id"
        case acceptedAccountID = "accepted_account_id"
        case acceptedAccountMembers = "accepted_account_members"
        case fetchedAfter = "fetched_after"
        case rejectedID = "rejected_id"
    }
}

private struct RollOutput: Decodable {
    struct Rolled: Decodable {
        var id: String
        var secret: String
    }

    var userToken: Rolled
    var accountToken: Rolled

    enum CodingKeys: String, CodingKey {
        case userToken = "user_token"
        case accountToken = "account_token"
    }
}

private struct AuthErrorOutput: Decodable {
    struct WireError: Decodable {
        var code: Int?
        var message: String?
    }

    var statusCode: Int
    var exception: String
    var success: Bool?
    var errors: [WireError]

    enum CodingKeys: String, CodingKey {
        case exception, success, errors
        case statusCode = "status_code"
    }
}

private struct RetryOutput: Decodable {
    var succeeded: Bool
    var statusCode: Int
    var retriesTaken: Int
    var firstRequestSeconds: Double
    var count: Int

    enum CodingKeys: String, CodingKey {
        case succeeded, count
        case statusCode = "status_code"
        case retriesTaken = "retries_taken"
        case firstRequestSeconds = "first_request_seconds"
    }
}

private struct SweepOutput: Decodable {
    struct Call: Decodable {
        var call: String
        var ok: Bool
        var error: String?
    }

    var accounts: Int
    var calls: [Call]
}
