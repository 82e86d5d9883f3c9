import APICore
import Foundation
import TUIKit
import Testing

@Suite("The demo server's hostile records come out of the sanitizer harmless")
struct HostileRecordsTests {
    /// Scalars that must never reach a cell: C0/C1 controls, bidi overrides and isolates, zero-width characters.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F, 0x2060, 0xFEFF: true
        default: false
        }
    }

    @Test func everyDisplayedFieldIsSafeAndHostileOnesAreFlagged() async throws {
        try await withLoopback(members: 60) { (h: LoopbackHarness) async throws in
            var texts: [String] = []
            let accounts = try await h.client.accounts().fetchAll()
            texts += accounts.map(\.name)
            for account in accounts {
                let members = try await h.client.members(accountID: account.id).page(.page(1)).items
                texts += members.flatMap { [$0.user?.email, $0.user?.firstName, $0.user?.lastName].compactMap { $0 } }
                texts += try await h.client.tokens(.account(id: account.id)).fetchAll().compactMap(\.name)
            }
            texts += try await h.client.tokens(.user, query: .init(includeExpired: true)).fetchAll().compactMap(\.name)
            let invites = try await h.client.invites().fetchAll()
            texts += invites.flatMap { [$0.organizationName, $0.invitedBy].compactMap { $0 } }

            var flagged = 0
            for text in texts {
                let clean = TextSanitizer.sanitize(text)
                #expect(!clean.text.unicodeScalars.contains(where: Self.isForbidden), "\(clean.text)")
                if clean.hasHazards { flagged += 1 }
                let dangerous = text.unicodeScalars.contains(where: Self.isForbidden)
                #expect(!dangerous || clean.hasHazards, "a dangerous value was not flagged: \(clean.text)")
            }
            #expect(texts.count > 100)
            #expect(flagged >= 8)
            let rendered = Set(texts.map { TextSanitizer.sanitize($0).text })
            #expect(rendered.contains("␛[2J␛[31mPWNED Holdings␛[0m␇"))
            #expect(rendered.contains("␛]52;c;ZXZpbA==␇Evil Corp ⟨U+202E⟩moc.elpmaxe"))
        }
    }
}
