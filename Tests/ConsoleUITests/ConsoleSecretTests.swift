import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

@testable import APICore

/// Where a secret the console showed may still be after its modal closed (issue 18, secrets): the `Secret` that held
/// it (its bytes zeroed in place, not a copy), the screen, the screen model and the view-models, the page cache.
@MainActor
@Suite("Console: a shown secret is gone everywhere once its modal closes")
struct ConsoleSecretTests {
    /// Every place a copy of `secret` could outlive the modal, as text.
    static func places(runtime: ConsoleRuntime, session: ConsoleSession) async -> [String: String] {
        [
            "screen": runtime.frame().lines().joined(separator: "\n"),
            "screen model": String(reflecting: runtime.state),
            "tokens view-model": String(reflecting: session.tokens.snapshot),
            "page cache": await session.cache.contentsDescription(),
        ]
    }

    @Test func aRolledSecretIsWipedFromItsHolderTheScreenTheStateAndTheCache() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("3"), .character("j"), .character("R"), .enter)
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.runtime.state.overlay == .secret })
        let held = try #require(harness.session.tokens.reveal?.secret)
        let secret = try #require(held.reveal())
        #expect(harness.text.contains(secret), "shown once")

        harness.press(.escape)
        #expect(held.isWiped)
        #expect(held.storedBytesAreZero, "the one allocation that held it is zeroed")
        for (place, text) in await Self.places(runtime: harness.runtime, session: harness.session) {
            #expect(!text.contains(secret), "the rolled secret is still in the \(place)")
            #expect(!text.contains(String(secret.prefix(16))), "part of the rolled secret is in the \(place)")
        }
    }

    @Test func aRotatedKeysSecretIsWipedOnceTheRotationCloses() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        harness.press(.character("3"), .character("g"), .character("j"), .character("R"), .enter)
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.tokens.rotation?.step == .created })
        let held = try #require(harness.session.tokens.rotation?.secret)
        let secret = try #require(held.reveal())
        #expect(secret.hasPrefix("sk-admin-"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.tokens.rotation?.step == .finished })

        harness.press(.escape)
        #expect(harness.session.tokens.rotation == nil)
        #expect(held.isWiped)
        #expect(held.storedBytesAreZero)
        for (place, text) in await Self.places(runtime: harness.runtime, session: harness.session) {
            #expect(!text.contains(secret), "the new key's secret is still in the \(place)")
        }
    }
}
