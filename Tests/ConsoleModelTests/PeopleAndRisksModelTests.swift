import APICore
import ConsoleModel
import Foundation
import Testing

/// People merged across providers, offboarding plans and the risk lens, on inventories built by hand.
@Suite("People, offboarding plans and the risk lens: the model")
struct PeopleAndRisksModelTests {
    static let now = Date(timeIntervalSince1970: 1_768_435_200)
    static let cloudflare = Provider("cloudflare", displayName: "Cloudflare")
    static let openAI = Provider("openai", displayName: "OpenAI")
    static let acme = Scope([ScopeNode(kind: .account, id: "acc-1", name: "Acme Corp")])
    static let project = Scope([ScopeNode(kind: .project, id: "proj-1", name: "Atlas")])

    static func days(_ count: Double) -> Date { now.addingTimeInterval(-count * 86_400) }
    static func member(
        _ id: String, _ email: String, role: String, scope: Scope, status: MemberStatus = .active,
        twoFactor: Bool? = nil
    ) -> Member {
        Member(
            id: id, email: email, status: status, roles: [Role(id: role, name: role)], twoFactorEnabled: twoFactor,
            scope: scope)
    }

    /// Cloudflare: Jordan (no 2FA) and Priya in Acme, Sam a pending member (its invitation listed too), the signed-in
    /// user's own token. OpenAI: Priya (another case) and Jordan at the top and in a project, Jordan's admin key.
    static func inventories() -> [ProfileInventory] {
        var cf = ProfileInventory(
            profile: "cf", provider: cloudflare, user: UserProfile(id: "u", email: "Alex@Example.com"))
        cf.pendingMembersAreInvitations = true
        var top = ScopeInventory(scope: .top)
        top.tokens = [Token(id: "t-own", name: "laptop", status: .active, lastUsedOn: days(1))]
        var account = ScopeInventory(
            scope: acme, account: Account(id: "acc-1", name: "Acme Corp", enforcesTwoFactor: false))
        account.members = [
            member("m-j", "jordan@example.com", role: "Administrator", scope: acme, twoFactor: false),
            member(
                "m-p", "priya@example.com", role: "Super Administrator - All Privileges", scope: acme, twoFactor: true),
            member("m-s", "sam@example.com", role: "Administrator", scope: acme, status: .pending),
        ]
        account.invitations = [
            Invitation(
                id: "m-s", direction: .sent, accountID: "acc-1", inviteeEmail: "sam@example.com", status: .pending,
                invitedOn: days(10))
        ]
        cf.scopes = [top, account]
        var oa = ProfileInventory(profile: "oa", provider: openAI, user: UserProfile(id: "k", email: "admin key"))
        var org = ScopeInventory(scope: .top, account: Account(id: "org", name: "Acme AI", scopeKind: nil))
        org.members = [
            member("user-j", "Jordan@Example.com", role: "reader", scope: .top),
            member("user-p", "PRIYA@example.com", role: "owner", scope: .top),
        ]
        org.tokens = [
            Token(
                id: "key-j", name: "jordan-laptop", status: .active, kind: .adminKey, issuedOn: days(200),
                ownerLabel: "user Jordan", ownerUserID: "user-j")
        ]
        var atlas = ScopeInventory(scope: project, account: Account(id: "proj-1", name: "Atlas", scopeKind: .project))
        atlas.members = [member("user-j", "jordan@example.com", role: "member", scope: project)]
        oa.scopes = [org, atlas]
        return [cf, oa]
    }

    @Test func theSameEmailInAnyCaseIsOnePersonAcrossProviders() throws {
        let people = PeopleIndex.people(from: Self.inventories())
        #expect(people.map(\.id) == ["alex@example.com", "jordan@example.com", "priya@example.com", "sam@example.com"])
        let jordan = try #require(people.first { $0.id == "jordan@example.com" })
        #expect(jordan.memberships.count == 3)
        #expect(jordan.placeCount == 3)
        #expect(jordan.providers.map(\.rawValue) == ["cloudflare", "openai"])
        #expect(jordan.keys.map(\.token.id) == ["key-j"], "the admin key names Jordan's user id")
        #expect(jordan.highestRole?.name == "Administrator")
        let priya = try #require(people.first { $0.id == "priya@example.com" })
        #expect(priya.highestRole?.name == "Super Administrator - All Privileges" || priya.highestRole?.name == "owner")
        let sam = try #require(people.first { $0.id == "sam@example.com" })
        #expect(sam.memberships.isEmpty, "a pending Cloudflare member is the invitation, counted once")
        #expect(sam.invitations.map(\.invitation.id) == ["m-s"])
        let alex = try #require(people.first { $0.id == "alex@example.com" })
        #expect(alex.keys.map(\.token.id) == ["t-own"], "a user token at the top level is the signed-in user's")
        #expect(jordan.memberships.first { $0.provider == Self.openAI && $0.scope.isTop }?.place == "Acme AI")
    }

    @Test func anOffboardingPlanDeletesKeysRevokesInvitationsThenLeavesInnerScopesFirst() throws {
        let people = PeopleIndex.people(from: Self.inventories())
        let jordan = try #require(people.first { $0.id == "jordan@example.com" })
        let plan = OffboardingPlan(person: jordan, directories: [:])
        #expect(plan.steps.map(\.actionID) == ["tokens.delete", "members.remove", "members.remove", "members.remove"])
        let projectStep = try #require(plan.steps.firstIndex { $0.scope == Self.project })
        let organizationStep = try #require(
            plan.steps.firstIndex { $0.profile == "oa" && $0.scope.isTop && $0.actionID == "members.remove" })
        #expect(projectStep < organizationStep, "the project before its organization, whose removal takes it along")
        #expect(plan.steps.allSatisfy { $0.state.isManual }, "without a directory that can, every step is by hand")
        #expect(plan.nextStep == nil)
        let sam = try #require(people.first { $0.id == "sam@example.com" })
        #expect(OffboardingPlan(person: sam, directories: [:]).steps.map(\.actionID) == ["invitations.revoke"])
    }

    @Test func eachKindOfFindingComesFromItsData() throws {
        var inventories = Self.inventories()
        inventories[0].scopes[0].tokens += [
            Token(id: "t-exp", name: "old", status: .expired, expiresOn: Self.days(3)),
            Token(id: "t-soon", name: "soon", status: .active, lastUsedOn: Self.days(1), expiresOn: Self.days(-5)),
            Token(id: "t-idle", name: "idle", status: .active, lastUsedOn: Self.days(120)),
            Token(id: "t-never", name: "never", status: .active, issuedOn: Self.days(30)),
            Token(id: "t-new", name: "fresh", status: .active, issuedOn: Self.days(2)),
            Token(
                id: "t-all", name: "everything", status: .active, lastUsedOn: Self.days(1),
                policies: [
                    TokenPolicy(
                        id: nil, allows: true, permissionGroups: ["DNS Write"],
                        resources: ["com.cloudflare.api.account.*"])
                ]),
        ]
        inventories[0].scopes[1].invitations.append(
            Invitation(
                id: "i-x", direction: .sent, accountID: "acc-1", inviteeEmail: "x@example.com", status: .expired))
        var keycard = ProfileInventory(profile: "kc", provider: Provider("keycard", displayName: "Keycard"))
        var organization = ScopeInventory(scope: Scope([ScopeNode(kind: .organization, id: "o", name: "Robotics")]))
        organization.ssoEnabled = false
        organization.memberSources = ["https://idp-a.example", "https://idp-b.example"]
        keycard.scopes = [organization]
        inventories.append(keycard)
        let findings = RiskLens.findings(in: inventories, now: Self.now)
        func kinds(_ id: String) -> [RiskFinding.Kind] { findings.filter { $0.rowID == id }.map(\.kind) }
        #expect(kinds("t-exp") == [.expiredKey])
        #expect(kinds("t-soon") == [.expiringKey])
        #expect(kinds("t-idle") == [.unusedKey])
        #expect(kinds("t-never") == [.unusedKey])
        #expect(kinds("t-new").isEmpty, "issued two days ago: not used yet is not a finding")
        #expect(kinds("t-all") == [.broadKey])
        #expect(findings.first { $0.rowID == "t-all" }?.severity == .high)
        #expect(kinds("key-j") == [.unusedKey, .broadKey], "never used in 200 days, and an admin key")
        #expect(kinds("m-j") == [.noTwoFactor], "Acme does not enforce two-factor")
        #expect(kinds("m-p") == [.singleOwner], "Priya is Acme's only owner")
        #expect(kinds("m-s") == [.staleInvitation], "pending for 10 days")
        #expect(kinds("i-x") == [.expiredInvitation])
        #expect(kinds("o") == [.ssoOff])
        #expect(kinds("t-own").isEmpty)
        #expect(findings.first?.severity == .high, "most severe first")
        let sso = try #require(findings.first { $0.kind == .ssoOff })
        #expect(sso.pane == .accounts && sso.scope.isTop && sso.place == "Robotics")
    }

    @Test func thresholdsComeFromTheConfig() {
        let inventories = Self.inventories()
        func count(_ kind: RiskFinding.Kind, _ thresholds: RiskThresholds) -> Int {
            RiskLens.findings(in: inventories, thresholds: thresholds, now: Self.now).filter { $0.kind == kind }.count
        }
        #expect(count(.staleInvitation, RiskThresholds()) == 1)
        #expect(count(.staleInvitation, RiskThresholds(invitationDays: 30)) == 0)
        #expect(count(.unusedKey, RiskThresholds()) == 1)
        #expect(count(.unusedKey, RiskThresholds(unusedDays: 365)) == 1, "never used: still a (lower) finding")
        #expect(
            RiskLens.findings(in: inventories, thresholds: RiskThresholds(unusedDays: 365), now: Self.now)
                .first { $0.rowID == "key-j" && $0.kind == .unusedKey }?.severity == .low)
        #expect(count(.singleOwner, RiskThresholds()) == 2, "Acme (Priya) and Acme AI (Priya)")
        #expect(count(.manyOwners, RiskThresholds(maxOwners: 1)) == 0, "one owner each is not more than one")
        var sources = inventories
        var organization = ScopeInventory(scope: Scope([ScopeNode(kind: .organization, id: "o", name: "R")]))
        organization.ssoEnabled = false
        organization.memberSources = ["a", "b"]
        sources[1].scopes.append(organization)
        let ssoDefault = RiskLens.findings(in: sources, now: Self.now).filter { $0.kind == .ssoOff }.count
        let ssoThree = RiskLens.findings(in: sources, thresholds: RiskThresholds(ssoSources: 3), now: Self.now)
            .filter { $0.kind == .ssoOff }.count
        #expect(ssoDefault == 1 && ssoThree == 0)
    }
}
