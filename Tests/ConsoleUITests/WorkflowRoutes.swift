import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation

/// Extra routes on the fake Cloudflare API for the identity workflow screens, with hostile text in them.
enum WorkflowRoutes {
    static let hostile = "evil\u{1B}[31m\u{202E}name"

    static func install(on transport: FakeTransport) {
        let userLogs = (0..<4).map { index in
            Cloudflare.AuditLog(
                id: "log\(index)", action: .init(type: index == 1 ? "token_roll" : "login", result: index != 2),
                actor: .init(id: "u1", email: index == 3 ? hostile : "me@example.test", ip: "192.0.2.\(index)", type: "user"),
                interface: "API", newValue: index == 1 ? "new-\(index)" : nil, oldValue: index == 1 ? "old-\(index)" : nil,
                resource: .init(id: "res\(index)", type: "token"), when: "2026-11-2\(index)T10:00:00Z")
        }
        transport.handle(.get, "/user/audit_logs") { _ in
            ok(userLogs, info: .init(page: 1, perPage: 50, count: 4, totalCount: 4, totalPages: 1))
        }
        let accountLogs = (0..<3).map { index in
            var resource = Cloudflare.AccountAuditLog.Resource(id: "m\(index)", product: "members", type: "member")
            resource.request = .object(["roles": .array([.string("r1")])])
            resource.response = .object(["ok": .bool(true)])
            return Cloudflare.AccountAuditLog(
                id: "alog\(index)", account: .init(id: "acc1", name: "Account 1"),
                action: .init(description: "Updated member", result: index == 0 ? "failure" : "success",
                              time: "2026-11-1\(index)T08:00:00Z", type: "update"),
                actor: .init(email: "boss@example.test", type: "user"),
                resource: resource)
        }
        transport.handle(.get, "/accounts/acc1/logs/audit") { _ in
            ok(accountLogs, info: .init(count: 3, cursors: .init(after: "")))
        }
        transport.handle(.get, "/user/billing/history") { _ in
            ok([Cloudflare.BillingHistory(
                    id: "b1", action: "subscription", amount: 20, currency: "USD", description: "Pro plan",
                    occurredAt: "2026-11-01T00:00:00Z", type: "charge", zone: .init(name: "example.com"))],
               info: .init(page: 1, perPage: 50, count: 1, totalCount: 1, totalPages: 1))
        }
        transport.handle(.get, "/user/billing/profile") { _ in
            var profile = Cloudflare.BillingProfile(id: "bp1")
            profile.firstName = "Me"
            profile.lastName = hostile
            profile.city = "Lisbon"
            profile.country = "PT"
            return ok(profile)
        }
        transport.handle(.get, "/user/subscriptions") { _ in
            ok([Cloudflare.Subscription(
                    id: "s1", currency: "USD", price: 20, frequency: "monthly", currentPeriodEnd: "2026-12-01T00:00:00Z",
                    state: "Paid", ratePlan: .init(id: "pro", publicName: "Pro Plan"))])
        }
        transport.handle(.get, "/user/organizations") { _ in
            ok([Cloudflare.UserOrganization(id: "org1", name: "Old Org", status: "member", roles: ["Administrator"]),
                Cloudflare.UserOrganization(id: "org2", name: hostile, status: "invited")],
               info: .init(page: 1, perPage: 50, count: 2, totalCount: 2, totalPages: 1))
        }
        let groups = ["DNS Read", "DNS Write", "Zone Read", "Account Settings Read"].enumerated().map { index, name in
            Cloudflare.PermissionGroup(id: "pg\(index)", name: name, isSelectable: true, category: "dns_and_zones")
        }
        transport.handle(.get, "/accounts/acc1/tokens/permission_groups") { _ in ok(groups) }
        transport.handle(.get, "/user/tokens/permission_groups") { _ in ok(groups) }
        let roles = [
            Cloudflare.Role(id: "r1", name: "Administrator", description: "Can access the full account",
                            permissions: ["dns": .init(read: true, write: true), "billing": .init(read: true, write: false)]),
            Cloudflare.Role(id: "r2", name: "Billing", description: "Can edit billing",
                            permissions: ["billing": .init(read: true, write: true)]),
            Cloudflare.Role(id: "r3", name: "Analytics", description: hostile),
        ]
        transport.handle(.post, "/user/tokens") { _ in
            ok(Cloudflare.TokenWithValue(
                token: Cloudflare.Token(id: "tok-new", name: "deploy", status: OpenEnum(.active)), value: "created-secret-0123456789abcdef"))
        }
        transport.handle(.get, "/accounts/acc1") { _ in
            ok(Cloudflare.Account(
                id: "acc1", name: "Account 1", type: OpenEnum(.standard), createdOn: "2024-01-01T00:00:00Z",
                settings: .init(abuseContactEmail: "abuse@example.test", enforceTwofactor: false),
                managedBy: .init(parentOrgID: "org-parent", parentOrgName: hostile)))
        }
        transport.handle(.get, "/accounts/acc1/roles") { _ in
            ok(roles, info: .init(page: 1, perPage: 50, count: 3, totalCount: 3, totalPages: 1))
        }
    }

    private static func ok<Result: Codable & Sendable>(_ result: Result, info: Cloudflare.ResultInfo? = nil) -> FakeTransport.Outcome {
        let body = (try? JSONEncoder().encode(Cloudflare.Envelope(success: true, result: result, resultInfo: info))) ?? Data()
        return .response(HTTPResponse(status: 200, body: body))
    }
}
