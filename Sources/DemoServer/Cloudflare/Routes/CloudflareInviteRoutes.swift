import APICore
import CloudflareAPI
import Hummingbird

/// `/user/invites` (accept/reject) and the legacy `/user/organizations`.
struct CloudflareInviteRoutes {
    let store: CloudflareStore

    func register(on user: RouterGroup<DemoRequestContext>) {
        user.get("invites") { _, _ in try Reply.ok(await store.listInvites()) }
        user.get("invites/:inviteID") { _, context in
            try Reply.ok(await store.invite(id: CloudflareRoutes.parameter("inviteID", in: context)))
        }
        user.patch("invites/:inviteID") { request, context in
            let id = try CloudflareRoutes.parameter("inviteID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.InviteResponseBody.self, from: &request)
            return try Reply.ok(await store.respondToInvite(id: id, status: body.status))
        }

        user.get("organizations") { request, _ in
            let query = QueryItems(request.uri.query)
            let (items, info) = try await store.listUserOrganizations(query, page: CloudflarePageRequest(query))
            return try Reply.ok(items, info: info)
        }
        user.get("organizations/:organizationID") { _, context in
            try Reply.ok(await store.userOrganization(id: CloudflareRoutes.parameter("organizationID", in: context)))
        }
        user.delete("organizations/:organizationID") { _, context in
            let id = try CloudflareRoutes.parameter("organizationID", in: context)
            try await store.leaveOrganization(id: id)
            return Reply.json(try Reply.encode(TopLevelIDEnvelope(key: "id", id: id)), status: 200)
        }
    }
}
