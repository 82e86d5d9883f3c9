import APICore
import CloudflareAPI
import Hummingbird

/// The token collection of the user (`/user/tokens`) or of an account (`/accounts/{id}/tokens`).
struct CloudflareTokenRoutes {
    let store: CloudflareStore
    /// Which collection a request addresses.
    let owner: @Sendable (DemoRequestContext) -> CloudflareTokenOwner

    func register(on tokens: RouterGroup<DemoRequestContext>) {
        tokens.get { request, context in
            let query = QueryItems(request.uri.query)
            let (items, info) = await store.listTokens(
                owner: owner(context), includeExpired: try query.bool("include_expired") ?? false,
                descending: try query.descending(), page: try CloudflarePageRequest(query))
            return try Reply.ok(items, info: info)
        }
        tokens.post { request, context in
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.TokenBody.self, from: &request)
            return try Reply.ok(await store.createToken(owner: owner(context), body: body))
        }
        tokens.get("verify") { _, context in
            try Reply.ok(await store.verify(owner: owner(context), caller: context.caller))
        }
        tokens.get("permission_groups") { request, _ in
            let query = QueryItems(request.uri.query)
            return try Reply.ok(await store.permissionGroups(name: query["name"], scope: query["scope"]))
        }
        tokens.get(":tokenID") { _, context in
            let id = try CloudflareRoutes.parameter("tokenID", in: context)
            return try Reply.ok(await store.token(owner: owner(context), id: id))
        }
        tokens.put(":tokenID") { request, context in
            let id = try CloudflareRoutes.parameter("tokenID", in: context)
            _ = try await store.tokenRecord(owner: owner(context), id: id)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.TokenBody.self, from: &request)
            return try Reply.ok(await store.updateToken(owner: owner(context), id: id, body: body))
        }
        tokens.delete(":tokenID") { _, context in
            let id = try CloudflareRoutes.parameter("tokenID", in: context)
            try await store.deleteToken(owner: owner(context), id: id)
            return try Reply.ok(Cloudflare.DeletedID(id: id))
        }
        tokens.put(":tokenID/value") { request, context in
            let id = try CloudflareRoutes.parameter("tokenID", in: context)
            _ = try await store.tokenRecord(owner: owner(context), id: id)
            var request = request
            try await RequestBodyDecoder.acceptOptionalJSON(from: &request)
            return try Reply.ok(await store.rollToken(owner: owner(context), id: id))
        }
    }
}
