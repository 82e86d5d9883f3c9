import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import KeycardAPI
import TUIKit
import Testing

/// The guided rotation of a Keycard credential on the DemoServer: create, show the secret once, delete the old
/// credential only after `y`.
@MainActor
@Suite("Keycard credential rotation: keys in, requests out")
struct KeycardRotationTests {
    /// Acme Robotics › ci-deploy, its credentials before the rotation and the first one (github-actions).
    private struct Target {
        let seed: KeycardSeed
        let before: [String]
        let old: String

        var path: String { seed.credentialsPath(0) }
    }

    /// Into Acme › ci-deploy, R on the first credential, Rotate, confirm: step 1 (create) runs.
    private func startRotation(_ harness: KeycardHarness) async throws -> Target {
        let seed = await KeycardSeed(harness.store)
        try #require(await harness.enterOrganization(row: 0))
        try #require(await harness.enterServiceAccount(row: 0))
        let before = await harness.store.credentials(
            organizationID: seed.acme, serviceAccountID: seed.serviceAccounts[0])
        harness.press(.character("g"))
        let old = try #require(harness.session.tokens.snapshot.selectedRow)
        #expect(old.name == "github-actions")
        harness.press(.character("R"), .enter)
        await harness.think()
        harness.press(.character("y"))
        try #require(
            await harness.waiter.until {
                harness.session.tokens.rotation?.step == .created
                    && harness.waiter.lastNotice?.text.hasPrefix("Created") == true
            })
        return Target(seed: seed, before: before.map(\.id), old: old.id)
    }

    private func credentialIDs(_ harness: KeycardHarness, _ target: Target) async -> [String] {
        await harness.store.credentials(
            organizationID: target.seed.acme, serviceAccountID: target.seed.serviceAccounts[0]
        )
        .map(\.id)
    }

    @Test func guidedRotationCreatesACredentialShowsItsSecretThenDeletesTheOldOneOnce() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let target = try await startRotation(harness)
        let secret = try #require(harness.session.tokens.rotation?.secret?.reveal())
        let new = try #require(harness.session.tokens.rotation?.new?.id)
        #expect(await harness.store.clientSecret(ofCredentialID: new) == secret)
        #expect(harness.text.contains(secret))
        #expect(await harness.count("POST", target.path) == 1)
        #expect(harness.demo.lastBody(.post, pathSuffix: target.path) == ["name": "github-actions"])
        #expect(
            harness.demo.lastBodyKeys(.post, pathSuffix: target.path) == ["name"], "no description: omitted, not null")
        #expect(await harness.count("DELETE", "\(target.path)/\(target.old)") == 0, "nothing is deleted before y")
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                harness.session.tokens.rotation?.step == .finished
                    && harness.waiter.lastNotice?.text.hasPrefix("Rotated") == true
            })
        #expect(await harness.count("POST", target.path) == 1)
        #expect(await harness.count("DELETE", "\(target.path)/\(target.old)") == 1)
        #expect(await credentialIDs(harness, target) == target.before.filter { $0 != target.old } + [new])
        #expect(await harness.waiter.until { !harness.session.tokens.snapshot.rows.contains { $0.id == target.old } })
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(!harness.text.contains(secret))
        #expect(harness.session.tokens.rotation == nil)
    }

    @Test func escapeBetweenTheStepsLeavesBothCredentials() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let target = try await startRotation(harness)
        let new = try #require(harness.session.tokens.rotation?.new?.id)
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(
            await harness.waiter.until {
                harness.runtime.state.flash?.text.contains("both 'github-actions' and 'github-actions' are valid")
                    == true
            })
        #expect(await harness.count("POST", target.path) == 1)
        #expect(await harness.count("DELETE", "\(target.path)/\(target.old)") == 0)
        #expect(await credentialIDs(harness, target) == target.before + [new])
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains(target.old) && rows.contains(new))
    }

    @Test func aFailingDeleteLeavesBothCredentialsListed() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let target = try await startRotation(harness)
        let new = try #require(harness.session.tokens.rotation?.new?.id)
        harness.demo.server.faults.inject(
            .refusal(403, message: "Insufficient permissions"), method: "DELETE", path: "\(target.path)/\(target.old)",
            times: nil)
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                if case .deleteFailed = harness.session.tokens.rotation?.step { true } else { false }
            })
        #expect(await harness.count("DELETE", "\(target.path)/\(target.old)") == 1)
        #expect(harness.text.contains("Insufficient permissions"))
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains(target.old) && rows.contains(new))
        #expect(await credentialIDs(harness, target).contains(target.old))
    }
}
