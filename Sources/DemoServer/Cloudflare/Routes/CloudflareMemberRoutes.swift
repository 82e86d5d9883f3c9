import APICore
import CloudflareAPI
import Hummingbird

/// `/accounts/{id}/members`: list, read, invite (roles as id strings), change roles (`{id}` objects), remove.
struct CloudflareMemberRoutes {
    let store: CloudflareStore

    func register(on members: RouterGroup<DemoRequestContext>) {
        members.get { request, context in
            let query = QueryItems(request.uri.query)
            let (items, info) = try await store.listMembers(
                accountID: CloudflareRoutes.parameter("accountID", in: context),
                query: CloudflareMemberListQuery(query),
                page: CloudflarePageRequest(query))
            return try Reply.ok(encoded: items, info: info)
        }
        members.post { request, context in
            let accountID = try CloudflareRoutes.parameter("accountID", in: context)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.MemberCreate.self, from: &request)
            return try Reply.ok(await store.addMember(accountID: accountID, body: body))
        }
        members.get(":memberID") { _, context in
            try Reply.ok(
                await store.member(
                    accountID: CloudflareRoutes.parameter("accountID", in: context),
                    id: CloudflareRoutes.parameter("memberID", in: context)))
        }
        members.put(":memberID") { request, context in
            let accountID = try CloudflareRoutes.parameter("accountID", in: context)
            let id = try CloudflareRoutes.parameter("memberID", in: context)
            _ = try await store.member(accountID: accountID, id: id)
            var request = request
            let body = try await RequestBodyDecoder.decode(Cloudflare.MemberUpdate.self, from: &request)
            return try Reply.ok(await store.updateMember(accountID: accountID, id: id, body: body))
        }
        members.delete(":memberID") { _, context in
            let accountID = try CloudflareRoutes.parameter("accountID", in: context)
            let id = try CloudflareRoutes.parameter("memberID", in: context)
            try await store.removeMember(accountID: accountID, id: id)
            return try Reply.ok(Cloudflare.DeletedID(id: id))
        }
    }
}
