import APICore
import CloudflareAPI
import Hummingbird

/// `/organizations` (the tenant list) and, under one account, its profile, its organizations and its move.
struct CloudflareOrganizationRoutes {
    let store: CloudflareStore

    /// `GET /organizations`: one page of `page_size` (default 10); the SDK reads it as a single page.
    func register(on organizations: RouterGroup<DemoRequestContext>) {
        organizations.get { request, _ in
            let pageSize = try QueryItems(request.uri.query).int("page_size", in: 1...1_000)
            return try Reply.ok(await store.listOrganizations(pageSize: pageSize))
        }
    }

    /// `…/profile`, `…/organizations` and `…/move` under `/accounts/:accountID`.
    func registerAccountPaths(on account: RouterGroup<DemoRequestContext>) {
        account.get("profile") { _, context in
            try Reply.ok(await store.profile(accountID: CloudflareRoutes.parameter("accountID", in: context)))
        }
        account.put("profile") { request, context in
            let id = try CloudflareRoutes.parameter("accountID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.AccountProfileUpdate.self, from: &request)
            try await store.updateProfile(accountID: id, body)
            return Response(status: .noContent)
        }
        account.get("organizations") { _, context in
            try Reply.ok(await store.organizationPath(accountID: CloudflareRoutes.parameter("accountID", in: context)))
        }
        account.post("move") { request, context in
            let id = try CloudflareRoutes.parameter("accountID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.AccountMoveRequest.self, from: &request)
            return try Reply.ok(await store.moveAccount(accountID: id, body))
        }
    }
}
