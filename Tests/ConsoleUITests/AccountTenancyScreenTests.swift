import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import TUIKit
import Testing

/// The account details with profile and organization path, the profile form, the move picker and its
/// confirmation: golden screens (re-record with RECORD_GOLDENS=1, on purpose only) and the keys between them.
/// The DemoServer's Acme Corp sits in Acme Holdings › Acme Europe; Globex Staging (the next row) is outside every
/// organization, so its profile is refused.
@MainActor
@Suite("Account profile and move screens")
struct AccountTenancyScreenTests {
    enum Screen: String, CaseIterable, Sendable {
        case accountDetails, accountDetailsRefused, accountProfileForm, accountProfileConfirm
        case accountMovePicker, accountMoveConfirm, accountMoveRefused
    }

    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    private func start(
        size: Size = Size(width: 120, height: 40), readOnly: Bool = false, organizationsRefused: Bool = false
    )
        async throws -> ConsoleHarness
    {
        let harness = try await ConsoleHarness(size: size, readOnly: readOnly)
        if organizationsRefused {
            harness.demo.server.faults.inject(
                .refusal(403, message: "Listing organizations requires a tenant administrator"), method: "GET",
                path: "/organizations", times: nil)
        }
        #expect(await harness.start())
        return harness
    }

    private func palette(_ command: String, in harness: ConsoleHarness) {
        harness.press(.character(":"))
        for character in command { harness.press(.character(character)) }
        harness.press(.enter)
    }

    private func isMovePicker(_ harness: ConsoleHarness) -> Bool {
        if case .accountMove = harness.runtime.state.overlay { true } else { false }
    }

    /// `:account` on the selected account, waiting for its profile (or the refusal of it).
    private func openDetails(_ harness: ConsoleHarness) async throws {
        palette("account", in: harness)
        try #require(
            await harness.waiter.until {
                harness.session.records.summary.contains { $0.label == "Business phone" || $0.label == "Profile" }
            })
    }

    @Test(arguments: Screen.allCases, sizes)
    func screen(_ screen: Screen, size: Size) async throws {
        let harness = try await start(size: size, organizationsRefused: screen == .accountMoveRefused)
        switch screen {
        case .accountDetails:
            try await openDetails(harness)
        case .accountDetailsRefused:
            harness.press(.character("j"))
            try await openDetails(harness)
        case .accountProfileForm, .accountProfileConfirm:
            try await openDetails(harness)
            harness.press(.character("e"), .down, .down)
            for _ in 0..<4 { harness.press(.backspace) }
            for character in "0199" { harness.press(.character(character)) }
            if screen == .accountProfileConfirm { harness.press(.enter) }
        case .accountMovePicker, .accountMoveConfirm, .accountMoveRefused:
            try await openDetails(harness)
            harness.press(.character("m"))
            try #require(await harness.waiter.until { isMovePicker(harness) })
            if screen == .accountMoveConfirm { harness.press(.down, .down, .enter) }
        }
        let text = harness.text
        #expect(!text.contains("\u{1B}"), "an escape sequence reached the screen")
        let name = "cf-\(screen.rawValue)-\(size.width)x\(size.height)"
        switch GoldenFile.check(harness.screen, named: name, in: goldensDirectory) {
        case .matches, .recorded: break
        case .missing(let path): Issue.record("Missing golden \(path): record it with RECORD_GOLDENS=1")
        case .differs(let diff): Issue.record("\(name) differs from its golden:\n\(diff)")
        }
    }

    @Test func theDetailsShowTheProfileAndThePathAndARefusalDoesNotHideThem() async throws {
        let harness = try await start()
        try await openDetails(harness)
        #expect(harness.text.contains("Organization:") && harness.text.contains("Acme Holdings › Acme Europe"))
        #expect(harness.text.contains("Business phone:") && harness.text.contains("+1 (555) 010-2000"))
        #expect(harness.text.contains("e edit profile") && harness.text.contains("m move"))
        harness.press(.escape)
        harness.press(.character("j"))
        try await openDetails(harness)
        #expect(
            harness.text.contains("Profile:")
                && harness.text.contains("Accounts outside an organization have no profile"))
        #expect(
            harness.text.contains("Name:") && harness.text.contains("Globex Staging"), "the refusal hides nothing else")
    }

    @Test func aMoveFromThePaletteNamesBothOrganizationsAndIsSentOnceAfterY() async throws {
        let harness = try await start()
        let acme = await harness.accountID(0)
        palette("account move", in: harness)
        #expect(await harness.waiter.until { isMovePicker(harness) })
        #expect(harness.text.contains("Now in: Acme Holdings › Acme Europe"))
        #expect(harness.text.contains("Acme Holdings › Acme Europe  (current)"))
        // The cursor starts on the first other organization: Acme Holdings.
        harness.press(.enter)
        #expect(harness.text.contains("Move account Acme Corp from Acme Europe to Acme Holdings."))
        let pathReads = await harness.count("GET", "/accounts/\(acme)/organizations")
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.eventually {
                await harness.count("GET", "/accounts/\(acme)/organizations") > pathReads
            },
            "the details are read again after the move")
        #expect(await harness.count("POST", "/accounts/\(acme)/move") == 1)
        #expect(await harness.store.managedBy(accountID: acme)?.parentOrgName == "Acme Holdings")
        if case .records = harness.runtime.state.overlay {
        } else {
            Issue.record("the details are shown again after the move")
        }
    }

    @Test func theProfileFormConfirmsEachChangedFieldAndEscReturnsToTheDetails() async throws {
        let harness = try await start()
        try await openDetails(harness)
        harness.press(.character("e"))
        #expect(harness.text.contains("Edit the profile of account Acme Corp"))
        harness.press(.escape)
        if case .records = harness.runtime.state.overlay {} else { Issue.record("Esc returns to the details") }
        harness.press(.character("e"), .down, .down, .backspace, .character("9"), .enter)
        #expect(harness.text.contains("Business phone: '+1 (555) 010-2000' → '+1 (555) 010-2009'"))
        #expect(!harness.text.contains("Business name:"), "only changed fields are listed")
        await harness.think()
        harness.press(.character("n"))
        #expect(await harness.demo.writeCount() == 0)
        if case .records = harness.runtime.state.overlay {} else { Issue.record("cancelling returns to the details") }
    }

    @Test func readOnlyRefusesTheProfileFormAndTheMoveBeforeAnythingOpens() async throws {
        let harness = try await start(readOnly: true)
        palette("account move", in: harness)
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.runtime.state.flash?.text.contains("Read-only mode: moving an account refused") == true)
        palette("account profile", in: harness)
        #expect(
            harness.runtime.state.flash?.text.contains("Read-only mode: editing an account profile refused") == true)
        try await openDetails(harness)
        harness.press(.character("m"))
        #expect(harness.runtime.state.flash?.text.contains("Read-only mode: moving an account refused") == true)
        #expect(await harness.demo.requests("GET", pathSuffix: "/client/v4/organizations").isEmpty)
    }
}
