import APICore
import Hummingbird
import OpenAIAdminAPI

/// `/organization/invites` and `/organization/admin_api_keys`.
struct OpenAIOrganizationRoutes {
    let store: OpenAIStore

    func register(on organization: RouterGroup<DemoRequestContext>) {
        let invites = organization.group("invites")
        invites.get { request, _ in
            try OpenAIReply.list(
                await store.listInvites(OpenAIListQuery(QueryItems(request.uri.query))), cursor: .lastID)
        }
        invites.post { request, _ in
            let body = try await OpenAIBodyDecoder.decode(OpenAIAdmin.InviteCreate.self, from: request)
            return try OpenAIReply.object(await store.createInvite(body))
        }
        invites.get(":inviteID") { _, context in
            try OpenAIReply.object(await store.invite(OpenAIRoutes.parameter("inviteID", in: context)))
        }
        invites.delete(":inviteID") { _, context in
            try OpenAIReply.object(await store.deleteInvite(OpenAIRoutes.parameter("inviteID", in: context)))
        }

        let keys = organization.group("admin_api_keys")
        keys.get { request, _ in
            try OpenAIReply.list(
                await store.listAdminKeys(OpenAIListQuery(QueryItems(request.uri.query))), cursor: .lastID)
        }
        keys.post { request, _ in
            let body = try await OpenAIBodyDecoder.decode(OpenAIAdmin.AdminAPIKeyCreate.self, from: request)
            return try OpenAIReply.object(await store.createAdminKey(body))
        }
        keys.get(":keyID") { _, context in
            try OpenAIReply.object(await store.adminKey(OpenAIRoutes.parameter("keyID", in: context)))
        }
        keys.delete(":keyID") { _, context in
            try OpenAIReply.object(await store.deleteAdminKey(OpenAIRoutes.parameter("keyID", in: context)))
        }
    }
}
