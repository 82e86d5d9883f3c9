import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

/// The guided rotation of an OpenAI admin key on the DemoServer: create, show the secret once, delete the old key
/// only after `y`, and switch to the new key first when the old one is orgtui's own.
@MainActor
@Suite("OpenAI admin key rotation: keys in, requests out")
struct OpenAIRotationTests {
    /// 3, the key at `row`, R, Rotate, confirm: step 1 (create) runs.
    private func startRotation(_ harness: OpenAIHarness, row: Int) async -> Bool {
        harness.press(.character("3"), .character("g"))
        for _ in 0..<row { harness.press(.character("j")) }
        harness.press(.character("R"), .enter)
        await harness.think()
        harness.press(.character("y"))
        // Step 1 ends with its notice, after the new key is listed.
        return await harness.waiter.until {
            harness.session.tokens.rotation?.step == .created
                && harness.waiter.lastNotice?.text.hasPrefix("Created") == true
        }
    }

    /// The admin keys the server lists now, and the second one (the seed's "terraform-admin").
    private func keys(_ harness: OpenAIHarness) async throws -> (all: [String], terraform: String) {
        let all = await harness.store.adminKeyIDs()
        let terraform = try #require(all.dropFirst().first)
        #expect(await harness.store.adminAPIKey(id: terraform)?.name == "terraform-admin")
        return (all, terraform)
    }

    @Test func guidedRotationCreatesShowsTheSecretThenDeletesTheOldKeyOnce() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let (before, old) = try await keys(harness)
        #expect(await startRotation(harness, row: 1))
        let secret = try #require(harness.session.tokens.rotation?.secret?.reveal())
        let new = try #require(harness.session.tokens.rotation?.new?.id)
        #expect(secret.hasPrefix("sk-admin-"))
        #expect(harness.text.contains(secret))
        #expect(await harness.count("POST", "/admin_api_keys") == 1)
        #expect(harness.demo.lastBody(.post, pathSuffix: "/admin_api_keys") == ["name": "terraform-admin"])
        #expect(await harness.count("DELETE", "/admin_api_keys/\(old)") == 0, "nothing is deleted before y")
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                harness.session.tokens.rotation?.step == .finished
                    && harness.waiter.lastNotice?.text.hasPrefix("Rotated") == true
            })
        #expect(await harness.count("POST", "/admin_api_keys") == 1)
        #expect(await harness.count("DELETE", "/admin_api_keys/\(old)") == 1)
        #expect(await harness.store.adminKeyIDs() == before.filter { $0 != old } + [new])
        #expect(!harness.session.tokens.snapshot.rows.contains { $0.id == old })
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(!harness.text.contains(secret))
        #expect(harness.session.tokens.rotation == nil)
    }

    @Test func escapeBetweenTheStepsLeavesBothKeysAndSaysSo() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let (before, old) = try await keys(harness)
        #expect(await startRotation(harness, row: 1))
        let new = try #require(harness.session.tokens.rotation?.new?.id)
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(
            await harness.waiter.until {
                harness.runtime.state.flash?.text.contains("both 'terraform-admin' and 'terraform-admin' are valid")
                    == true
            })
        #expect(harness.text.contains("Rotation stopped"))
        #expect(await harness.count("DELETE", "/admin_api_keys/\(old)") == 0)
        #expect(await harness.store.adminKeyIDs() == before + [new])
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains(old) && rows.contains(new))
    }

    @Test func aFailingDeleteLeavesBothKeysListed() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let (_, old) = try await keys(harness)
        harness.demo.server.faults.inject(
            .refusal(403, message: "Insufficient permissions"), method: "DELETE",
            path: "/v1/organization/admin_api_keys/\(old)", times: nil)
        #expect(await startRotation(harness, row: 1))
        let new = try #require(harness.session.tokens.rotation?.new?.id)
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                if case .deleteFailed = harness.session.tokens.rotation?.step { true } else { false }
            })
        #expect(await harness.count("DELETE", "/admin_api_keys/\(old)") == 1)
        #expect(harness.text.contains("Both keys are valid and both are listed"))
        let rows = harness.session.tokens.snapshot.rows.map(\.id)
        #expect(rows.contains(old) && rows.contains(new))
        #expect(await harness.store.adminKeyIDs().contains(old))
    }

    @Test func rotatingTheSignedInKeySwitchesToTheNewKeyBeforeTheDelete() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let own = harness.demo.server.openAI.loginKeyID
        let before = await harness.store.adminKeyIDs()
        #expect(harness.session.tokens.signedInTokenID == own)
        #expect(await startRotation(harness, row: 0))
        #expect(harness.text.contains("orgtui signs in with the old key"))
        let newSecret = try #require(harness.session.tokens.rotation?.secret?.reveal())
        let new = try #require(harness.session.tokens.rotation?.new?.id)
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.tokens.rotation?.step == .finished })
        let oldSecret = harness.demo.server.openAILoginKey
        #expect(harness.demo.authorizations(.post, pathSuffix: "/admin_api_keys") == ["Bearer \(oldSecret)"])
        #expect(harness.demo.authorizations(.delete, pathSuffix: "/admin_api_keys/\(own)") == ["Bearer \(newSecret)"])
        #expect(await harness.store.adminKeyIDs() == before.filter { $0 != own } + [new])
        // Later requests sign with the new key too.
        harness.press(.escape)
        let reads = await harness.count("GET", "/admin_api_keys")
        harness.press(.character("r"))
        #expect(
            await harness.waiter.eventually {
                await harness.count("GET", "/admin_api_keys") > reads
                    && harness.session.tokens.snapshot.loadState == .loaded
            })
        #expect(harness.demo.authorizations(.get, pathSuffix: "/admin_api_keys").last == "Bearer \(newSecret)")
    }
}
