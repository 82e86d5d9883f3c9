import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

@MainActor
@Suite("The runtime: keys in, intents and frames out")
struct RuntimeTests {
    @Test func numberKeysAndTabSwitchPanes() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("3"))
        #expect(harness.runtime.state.pane == .tokens)
        harness.press(.tab)
        #expect(harness.runtime.state.pane == .invitations)
        harness.press(.tab)
        #expect(harness.runtime.state.pane == .accounts)
        harness.press(.backTab)
        #expect(harness.runtime.state.pane == .invitations)
    }

    @Test func enterOnAnAccountScopesMembersAndTokens() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let second = await harness.store.visibleAccountIDs()[1]
        harness.press(.character("j"), .enter)
        #expect(harness.runtime.state.pane == .members)
        #expect(await harness.waiter.until { harness.session.members.snapshot.rows.first?.accountID == second })
        #expect(harness.session.tokens.scope.node(.account)?.id == second)
        // The demo user is the first member of each of their accounts.
        #expect(harness.text.contains("alex.morgan@example.com"))
    }

    @Test func escapeStepsBackToTheAccountsWithTheSelectionKept() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let second = await harness.store.visibleAccountIDs()[1]
        harness.press(.character("j"), .enter)
        #expect(await harness.waiter.until { harness.session.members.snapshot.rows.first?.accountID == second })
        #expect(harness.screen[0].contains("Globex Staging › Members"))
        harness.press(.character("j"), .character("3"))
        #expect(harness.screen[0].contains("Globex Staging › Tokens"))
        harness.press(.escape)
        #expect(harness.runtime.state.pane == .accounts)
        #expect(harness.session.scope.isTop)
        #expect(harness.session.accounts.snapshot.selectedRow?.id == second)
        #expect(harness.screen[0].contains("│ Accounts"))
        #expect(await harness.waiter.until { harness.session.members.snapshot.placeholder != nil })
        harness.press(.escape)
        #expect(harness.runtime.state.pane == .accounts, "Esc at the top level stays put")
    }

    @Test func gWalksToTheEndPageByPage() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.enter)
        let members = harness.session.members
        #expect(await harness.waiter.until { members.snapshot.loadState == .loaded })
        for _ in 0..<5 {
            harness.press(.character("G"))
            _ = await harness.waiter.until { members.snapshot.loadState == .loaded }
        }
        #expect(members.snapshot.loadedCount == 120)
        // The big account's 120th member in the seed (the last of the people it shares with other providers).
        #expect(members.snapshot.selectedRow?.email == "sam.okoro@example.com")
        #expect(harness.text.contains("sam.okoro@example.com"))
        #expect(harness.text.contains("120 of 120 members · 3/3 pages"))
    }

    @Test func filterNarrowsRowsAndEscapeClearsIt() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.session.members.snapshot.loadState == .loaded })
        harness.press(.character("/"), .character("e"), .character("v"), .character("e"), .character("@"))
        // The filter runs over loaded rows: the first page of the big account holds one Eve.
        #expect(harness.session.members.snapshot.rows.map(\.email) == ["eve@evil.example"])
        #expect(harness.screen.last?.hasPrefix("/eve@") == true)
        harness.press(.escape)
        #expect(harness.session.members.snapshot.filter.isEmpty)
        #expect(!harness.runtime.state.editingFilter)
    }

    @Test func autoRepeatCannotConfirmAndCancelIsPreselected() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        // The seed's first invitation was accepted long ago; the second (Hooli XYZ) is pending.
        harness.press(.character("4"), .character("j"), .character("a"), .character("y"), .enter)
        // Both keys came within 150 ms of the dialog: ignored.
        guard case .confirm = harness.runtime.state.overlay else {
            Issue.record("the dialog closed on auto-repeat")
            return
        }
        await harness.think()
        harness.press(.enter)
        #expect(harness.runtime.state.overlay == nil)
        let invite = try #require(harness.session.invitations.snapshot.selectedRow?.id)
        #expect(await harness.store.inviteStatus(id: invite) == .pending)
        #expect(await harness.demo.log().filter { $0.method == "PATCH" }.isEmpty)
    }

    @Test func acceptingWithYUpdatesTheRowAndTheBadge() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("4"), .character("j"), .character("a"))
        let invite = try #require(harness.session.invitations.snapshot.selectedRow?.id)
        #expect(harness.text.contains("Accept the invitation to Hooli XYZ"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.runtime.state.flash?.level == .success })
        #expect(await harness.store.inviteStatus(id: invite) == .accepted)
        // The seed holds three pending invitations.
        #expect(harness.text.contains("2 pending"))
        #expect(harness.text.contains("Joined Hooli XYZ"))
    }

    @Test func rollShowsTheSecretOnceAndEscapeWipesIt() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("3"), .character("j"), .character("R"), .enter)
        #expect(harness.text.contains("Roll token 'ci-deploy'"))
        let token = try #require(harness.session.tokens.snapshot.selectedRow?.id)
        let before = await harness.store.secret(ofTokenID: token)
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.runtime.state.overlay == .secret })
        let secret = try #require(await harness.store.secret(ofTokenID: token))
        #expect(secret != before)
        #expect(harness.text.contains(secret))
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
        #expect(!harness.text.contains(secret))
        #expect(harness.session.tokens.reveal == nil)
    }

    @Test func rollingTheSignedInTokenSaysSo() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("3"), .character("R"), .enter)
        #expect(harness.text.contains("orgtui is signed in with this token"))
    }

    @Test func deletingATokenNeedsItsNameTyped() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("3"), .character("j"), .character("R"), .down, .down, .enter)
        await harness.think()
        harness.press(.character("y"), .enter)
        #expect(await harness.demo.log().filter { $0.method == "DELETE" }.isEmpty)
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("the delete dialog closed without the name\n\(harness.text)")
            return
        }
        #expect(dialog.typedNameRequired == "ci-deploy")
    }

    @Test func readOnlyRefusesBeforeAnyDialog() async throws {
        let harness = try await ConsoleHarness(readOnly: true)
        #expect(await harness.start())
        harness.press(.character("4"), .character("a"))
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.text.contains("Read-only mode"))
        #expect(harness.text.contains("READ-ONLY"))
    }

    @Test func aSmallTerminalShowsANoticeAndRecoversOnResize() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        for size in [Size(width: 20, height: 6), Size(width: 40, height: 12), Size(width: 59, height: 30)] {
            harness.runtime.handle(.resize(size))
            #expect(harness.text.contains("Terminal too small"))
        }
        harness.runtime.handle(.resize(Size(width: 80, height: 24)))
        #expect(harness.text.contains("Acme Corp"))
    }

    @Test func helpListsTheBindingsOfThePane() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("4"), .character("?"))
        for line in ["accept the invitation", "reject a received invitation", "filter rows", "quit"] {
            #expect(harness.text.contains(line))
        }
        harness.press(.escape)
        #expect(harness.runtime.state.overlay == nil)
    }

    @Test func qAndCtrlCQuit() async throws {
        for key in [Key.character("q"), .control("c")] {
            let harness = try await ConsoleHarness()
            #expect(await harness.start())
            harness.press(key)
            #expect(harness.runtime.state.shouldQuit)
        }
    }

    @Test func theRunLoopRendersFramesAndStopsOnQuit() async throws {
        let harness = try await ConsoleHarness()
        harness.terminal.type(.character("2"))
        let run = Task { await harness.runtime.run() }
        #expect(await harness.waiter.until { harness.session.accounts.snapshot.loadState == .loaded })
        harness.terminal.type(.character("q"))
        await run.value
        #expect(!harness.terminal.frames.isEmpty)
        #expect(harness.runtime.state.pane == .members)
    }
}
