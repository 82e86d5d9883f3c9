import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation

/// Routes on the fake Cloudflare API for the account details, profile form and move screens: acc1 sits in a
/// tenant (with hostile text in its profile), acc2 outside every organization (its profile is refused).
enum AccountTenancyRoutes {
    static let hostile = "evil\u{1B}[31m\u{202E}name"

    static func install(on transport: FakeTransport, organizationsRefused: Bool = false) {
        transport.handle(.get, "/accounts/acc1") { _ in
            ok(Cloudflare.Account(
                id: "acc1", name: "Account 1", type: OpenEnum(.enterprise), createdOn: "2025-03-01T10:00:00Z",
                settings: .init(abuseContactEmail: "abuse@acc1.test", enforceTwofactor: true),
                managedBy: .init(parentOrgID: "org-eu", parentOrgName: "Acme Europe")))
        }
        transport.handle(.get, "/accounts/acc1/profile") { _ in
            ok(Cloudflare.AccountProfile(
                businessAddress: "1 Acme Way, Springfield", businessEmail: "billing@acc1.test", businessName: "Acme Corporation",
                businessPhone: "+1 555 0100", externalMetadata: hostile))
        }
        let root = Cloudflare.Organization(id: "org-root", name: "Acme Holdings")
        let europe = Cloudflare.Organization(id: "org-eu", name: "Acme Europe", parent: .init(id: "org-root", name: "Acme Holdings"))
        let americas = Cloudflare.Organization(
            id: "org-am", name: "Acme Americas", parent: .init(id: "org-root", name: "Acme Holdings"))
        let odd = Cloudflare.Organization(id: "org-x", name: hostile)
        transport.handle(.get, "/accounts/acc1/organizations") { _ in ok([root, europe]) }
        if organizationsRefused {
            transport.respond(.get, "/organizations", status: 403, json: refusal("Listing organizations requires a tenant administrator"))
        } else {
            transport.handle(.get, "/organizations") { _ in ok([root, europe, americas, odd]) }
        }
        transport.handle(.get, "/accounts/acc2") { _ in
            ok(Cloudflare.Account(id: "acc2", name: "Account 2", type: OpenEnum(.standard), createdOn: "2025-04-01T10:00:00Z"))
        }
        transport.respond(.get, "/accounts/acc2/profile", status: 403, json: refusal("Accounts outside an organization have no profile"))
        transport.handle(.get, "/accounts/acc2/organizations") { _ in ok([Cloudflare.Organization]()) }
    }

    static func refusal(_ message: String) -> String {
        #"{"success":false,"errors":[{"code":1003,"message":"\#(message)"}],"messages":[],"result":null}"#
    }

    private static func ok<Result: Codable & Sendable>(_ result: Result) -> FakeTransport.Outcome {
        let body = (try? JSONEncoder().encode(Cloudflare.Envelope(success: true, result: result))) ?? Data()
        return .response(HTTPResponse(status: 200, body: body))
    }
}
