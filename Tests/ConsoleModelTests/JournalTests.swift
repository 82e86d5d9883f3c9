import APICore
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// Every write leaves one journal line, whatever its outcome, and never a secret; the file is the user's alone.
@MainActor
@Suite("The journal of writes")
struct JournalTests {
    private func temporaryJournal() -> JournalFile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orgtui-journal-\(UUID().uuidString)")
        return JournalFile(path: folder.appendingPathComponent("orgtui/journal.jsonl").path)
    }

    @Test func doneRefusedAndUnknownRollsEachLeaveOneLineAndNoSecret() async throws {
        let journal = temporaryJournal()
        var secrets: [String] = []
        try await DemoSession.with(.cloudflare, journal: journal) { demo in
            try await Ready.top(demo)
            let token = try Ready.token(demo)
            await demo.session.tokens.roll(id: token.id).value
            if let secret = demo.session.tokens.reveal?.secret.reveal() { secrets.append(secret) }
            demo.session.tokens.dismissReveal()
            demo.server.faults.inject(.status(403), method: "PUT", path: "/client/v4/user/tokens/*/value")
            await demo.session.tokens.roll(id: token.id).value
            demo.server.faults.inject(
                .reset(afterHandling: true), method: "PUT", path: "/client/v4/user/tokens/*/value")
            await demo.session.tokens.roll(id: token.id).value
            // The unknown roll's secret never reached orgtui; the server holds it.
            if let lost = await demo.server.store.currentSecret(ofToken: token.id) { secrets.append(lost) }
        }
        let (entries, unreadable) = try journal.entries()
        #expect(Set(entries.compactMap(\.targetID)).count == 1, "each line names the token by its id")
        #expect(unreadable == 0)
        #expect(entries.map(\.outcome) == ["done", "refused", "unknown"])
        #expect(
            entries.allSatisfy { $0.action == "tokens.roll" && $0.provider == "cloudflare" && $0.profile == "demo" })
        #expect(entries[1].message?.isEmpty == false, "a refusal keeps the API's message")
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(!secrets.isEmpty)
        for secret in secrets { #expect(!text.contains(secret), "a secret reached the journal") }
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aJournalThatCannotBeWrittenIsAWarningAndTheWriteStands() async throws {
        let journal = JournalFile(path: "/proc/orgtui-cannot-write-here/journal.jsonl")
        try await DemoSession.with(.cloudflare, journal: journal) { demo in
            try await Ready.top(demo)
            let invitation = try Ready.pendingInvitation(demo)
            await demo.session.invitations.respond(id: invitation.id, .accept).value
            #expect(demo.results.last?.outcome == .done, "the write went through")
            #expect(
                await demo.waiter.until {
                    demo.waiter.notices.contains {
                        $0.level == .warning && $0.text.contains("journal could not record")
                    }
                })
        }
    }
}
