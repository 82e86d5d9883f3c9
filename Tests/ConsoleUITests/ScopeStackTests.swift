import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import KeycardAPI
import TUIKit
import Testing

/// Drilling in starts the child unfiltered; Esc undoes one thing at a time (what Enter opened, the filter, the scope)
/// and brings the parent back exactly as it was left.
@MainActor
@Suite("Scope stack: per-list view state and the order of Esc")
struct ScopeStackTests {
    @Test func aFilteredServiceAccountOpensItsCredentialsUnfilteredAndEscRestoresTheFilter() async throws {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        let ciDeploy = await KeycardSeed(harness.store).serviceAccounts[0]
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character("3"), .character("/"))
        harness.type("ci-deploy")
        harness.press(.enter)
        #expect(harness.session.tokens.snapshot.rows.map(\.id) == [ciDeploy])
        harness.press(.enter)
        #expect(
            await harness.waiter.until {
                harness.session.scope.node(.serviceAccount)?.id == ciDeploy
                    && harness.session.tokens.snapshot.loadState == .loaded
                    && !harness.session.tokens.snapshot.rows.isEmpty
            })
        #expect(harness.session.tokens.snapshot.filter == "", "the child list starts unfiltered")
        #expect(harness.session.tokens.snapshot.rows.allSatisfy { $0.kind == .credential })
        #expect(!harness.text.contains("0 match"))

        harness.press(.escape)
        #expect(harness.session.scope.node(.serviceAccount) == nil)
        #expect(harness.runtime.state.pane == .tokens)
        #expect(await harness.waiter.until { harness.session.tokens.snapshot.selectedRow?.id == ciDeploy })
        #expect(harness.session.tokens.snapshot.filter == "ci-deploy", "Esc brings the parent back as it was left")
        #expect(harness.session.tokens.snapshot.rows.map(\.id) == [ciDeploy])
        harness.press(.escape)
        #expect(harness.session.tokens.snapshot.filter == "", "the next Esc clears the filter")
        #expect(harness.session.scope.node(.organization) != nil, "and only the one after steps out")
    }

    @Test func anotherAccountOpensUnfilteredAndEscRestoresTheAccountsAndTheMembersFilter() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let (first, second) = (await harness.accountID(0), await harness.accountID(1))
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.session.members.snapshot.loadState == .loaded })
        harness.press(.character("/"))
        for character in "rossi" { harness.press(.character(character)) }
        harness.press(.enter)
        let filtered = harness.session.members.snapshot.rows.count
        #expect(filtered > 0 && filtered < 120)
        harness.press(.character("1"), .character("/"))
        for character in "Globex" { harness.press(.character(character)) }
        harness.press(.enter)
        #expect(harness.session.accounts.snapshot.selectedRow?.id == second)
        harness.press(.enter)
        #expect(
            await harness.waiter.until {
                harness.session.scope.node(.account)?.id == second
                    && harness.session.members.snapshot.loadState == .loaded
            })
        #expect(harness.runtime.state.pane == .members)
        #expect(harness.session.members.snapshot.filter == "", "Globex Staging's members start unfiltered")
        #expect(harness.session.members.snapshot.rows.count == 37, "all of Globex Staging's 37 members")

        harness.press(.escape)
        #expect(harness.runtime.state.pane == .accounts)
        #expect(harness.session.scope.node(.account)?.id == first)
        #expect(harness.session.accounts.snapshot.filter == "Globex")
        #expect(harness.session.accounts.snapshot.selectedRow?.id == second)
        #expect(
            await harness.waiter.until {
                harness.session.members.snapshot.loadState == .loaded
                    && harness.session.members.snapshot.filter == "rossi"
            }, "Acme Corp's members come back with the filter left there")
    }

    @Test func escClosesTheDetailPanelEnterOpenedAndKeepsTheScope() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.session.members.snapshot.loadState == .loaded })
        harness.press(.character("j"), .enter)
        #expect(harness.runtime.state.showDetails)
        harness.press(.escape)
        #expect(!harness.runtime.state.showDetails, "Esc closes what Enter opened")
        #expect(harness.session.scope.node(.account)?.id == (await harness.accountID(0)), "and keeps the scope")
        #expect(harness.runtime.state.pane == .members)
        harness.press(.escape)
        #expect(harness.session.scope.isTop, "the next Esc steps out")
        #expect(harness.runtime.state.pane == .accounts)
    }

    @Test func theTableOffsetComesBackWithTheScope() async throws {
        let harness = try await ConsoleHarness(size: Size(width: 80, height: 24))
        #expect(await harness.start())
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.session.members.snapshot.loadState == .loaded })
        harness.press(.character("3"))
        #expect(await harness.waiter.until { harness.session.tokens.snapshot.loadState == .loaded })
        harness.press(.character("2"), .pageDown, .pageDown)
        let offset = harness.runtime.state.offsets[.members] ?? 0
        let selected = harness.session.members.snapshot.selectedRow?.id
        #expect(offset > 0)
        let second = await harness.accountID(1)
        harness.press(.character("1"), .character("j"), .enter)
        #expect(await harness.waiter.until { harness.session.scope.node(.account)?.id == second })
        harness.press(.escape)
        #expect(harness.runtime.state.offsets[.members] == offset)
        #expect(await harness.waiter.until { harness.session.members.snapshot.selectedRow?.id == selected })
    }
}
