import APICore
import ConsoleModel
import Testing

@Suite("Drilling in and stepping back out")
struct ScopeNavigationTests {
    let acme = ScopeNode(kind: .account, id: "acme", name: "Acme")
    let globex = ScopeNode(kind: .account, id: "globex", name: "Globex")
    let org = ScopeNode(kind: .organization, id: "o1", name: "Org")
    let robot = ScopeNode(kind: .serviceAccount, id: "sa1", name: "robot")

    @Test func enterPushesAndBackRestoresThePaneAndSelections() throws {
        var navigation = ScopeNavigation()
        navigation.enter(acme, from: .accounts, views: [.accounts: ListViewState(selectedID: "acme")])
        #expect(navigation.scope == Scope([acme]))
        navigation.enter(
            globex, from: .accounts,
            views: [
                .accounts: ListViewState(selectedID: "globex"),
                .members: ListViewState(selectedID: "m7", filter: "ann", offset: 4),
            ])
        #expect(navigation.scope == Scope([globex]), "another account replaces the one in scope")
        let popped = navigation.back()
        let frame = try #require(popped)
        #expect(frame.scope == Scope([acme]))
        #expect(frame.pane == .accounts)
        #expect(frame.selections[.members] == "m7")
        #expect(frame.views[.members]?.filter == "ann", "the filter left there comes back with it")
        #expect(frame.offsets[.members] == 4)
        #expect(navigation.scope == Scope([acme]))
        _ = navigation.back()
        #expect(navigation.scope.isTop)
        let beyondTop = navigation.back()
        #expect(beyondTop == nil, "the top level has nowhere to go back to")
    }

    @Test func aNewKindGoesOneLevelDeeper() {
        var navigation = ScopeNavigation()
        navigation.enter(org, from: .accounts, views: [:])
        navigation.enter(robot, from: .tokens, views: [:])
        #expect(navigation.scope.path == [org, robot])
        navigation.enter(ScopeNode(kind: .organization, id: "o2", name: "Other"), from: .accounts, views: [:])
        #expect(navigation.scope.path.map(\.id) == ["o2"], "entering another organization leaves the service account")
    }

    @Test func scopeEqualityIgnoresNames() {
        #expect(Scope([ScopeNode(kind: .account, id: "acme", name: "")]) == Scope([acme]))
        #expect(Scope([acme]) != Scope([globex]))
    }
}
